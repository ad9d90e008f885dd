// The console adapter: lines typed on standard input are messages from the identity the console
// session plays (see console_session.hpp), and everything the bot sends to a console chat is
// printed. Each line is answered before the next one is read, so a pasted script reads like a
// conversation.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "adapters/adapter.hpp"
#include "adapters/console/console_session.hpp"

namespace bot {
class clock;
}

namespace adapters::console {

class console_adapter final : public adapter {
 public:
  console_adapter(const bot::console_config& cfg, std::string community, const bot::clock& clk,
                  std::function<void(const std::string&)> print);
  std::string_view platform() const override { return console::platform; }
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override;
  nlohmann::json health() const override;
  bool vouches_for_roles() const override { return true; }  // `:as staff 王师傅`

 private:
  void on_line(const std::string& line);

  console_session session_;
  std::string community_;
  const bot::clock& clk_;
  std::function<void(const std::string&)> print_;
  std::unique_ptr<adapter_host> host_;
};

}  // namespace adapters::console
