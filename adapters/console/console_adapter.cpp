#include "adapters/console/console_adapter.hpp"

#include <nlohmann/json.hpp>

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "bot/texts.hpp"

namespace adapters::console {

console_adapter::console_adapter(const bot::console_config& cfg, std::string community, const bot::clock& clk,
                                 std::function<void(const std::string&)> print)
    : session_(cfg, clk.now_ms()), community_(std::move(community)), clk_(clk), print_(std::move(print)) {}

void console_adapter::send(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  print_(render(d.target, d.body));
  done(bot::send_result{bot::send_result::status::sent, "console-" + std::to_string(d.id), {}, std::nullopt});
}

void console_adapter::attach(adapter_host host) {
  host_ = std::make_unique<adapter_host>(std::move(host));
  if (!host_->read_lines) return;
  host_->read_lines([this](const std::string& line) { on_line(line); },
                    [this] {
                      print_(bot::texts::embedded()(bot::locale::zh_CN, "console.welcome",
                                                    fmt::arg("community", community_)));
                    });
}

void console_adapter::on_line(const std::string& line) {
  auto r = session_.read_line(line, clk_.now_ms());
  if (auto* m = std::get_if<bot::message>(&r)) {
    try {
      host_->deliver(*m);
    } catch (const std::exception& e) {
      bot::log::error("console", "message not processed: {}", e.what());
    }
    host_->flush_outbox();
  } else if (auto* meta = std::get_if<meta_reply>(&r)) {
    print_(meta->text);
  }
}

nlohmann::json console_adapter::health() const {
  return {{"enabled", true}};
}

}  // namespace adapters::console
