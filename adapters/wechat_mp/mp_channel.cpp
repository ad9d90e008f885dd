#include "adapters/wechat_mp/mp_channel.hpp"

#include <nlohmann/json.hpp>

#include "adapters/wecom/robot_send.hpp"
#include "adapters/wecom/token_send.hpp"
#include "bot/clock.hpp"
#include "bot/http_server.hpp"

namespace adapters::wechat_mp {
namespace {
constexpr std::size_t max_remembered = 200'000;  // users; the oldest are forgotten beyond it
}

mp_channel::mp_channel(bot::wechat_mp_config cfg, bot::http_client& http, const bot::clock& clk,
                       int timeout_ms, std::function<void(std::int64_t, const std::string&)> keep_progress)
    : cfg_(std::move(cfg)),
      http_(http),
      clk_(clk),
      timeout_ms_(timeout_ms),
      keep_progress_(std::move(keep_progress)),
      callback_(cfg_),
      token_(http_, clk_,
             cfg_.api_base + "/cgi-bin/token?grant_type=client_credential&appid=" +
                 bot::percent_encode(cfg_.app_id) + "&secret=" + bot::percent_encode(cfg_.app_secret),
             timeout_ms_),
      window_() {}

void mp_channel::attach(adapter_host host) {
  host_.emplace(std::move(host));
  auto check = [this](const bot::http_request& req) { return callback_.check_headers(req); };
  host_->server.route(
      "GET", cfg_.path,
      [this](const bot::http_request& req) { return callback_.verify_url(req, clk_.now_ms()).response; },
      check);
  host_->server.route(
      "POST", cfg_.path, [this](const bot::http_request& req) { return take(req); }, check);
}

void mp_channel::heard(const std::string& user, std::int64_t now_ms) {
  if (last_heard_.size() >= max_remembered)
    std::erase_if(last_heard_, [now_ms](const auto& e) { return now_ms - e.second > service_window_ms; });
  if (last_heard_.size() >= max_remembered) last_heard_.clear();  // then 45015 tells
  last_heard_[user] = now_ms;
}

bot::http_response mp_channel::take(const bot::http_request& req) {
  const std::int64_t now = clk_.now_ms();
  mp_inbound in = callback_.parse(req, now);
  if (!in.message) return in.response;
  heard(in.message->sender.id, now);
  const std::string key = in.message->chat.key() + "#" + in.message->id;
  std::string text;
  if (auto again = answers_.find(key, now)) {
    text = *again;  // WeChat's retry of a message answered already
  } else {
    window_.open(in.message->chat, wecom::text_bytes);
    try {
      host_->deliver(*in.message);
      host_->flush_outbox();
    } catch (...) {
      window_.close();
      throw;
    }
    text = window_.close();
    if (!text.empty()) answers_.keep(key, text, now);
  }
  if (text.empty()) return in.response;
  return callback_.passive_reply(in, text, clk_.now_ms());
}

void mp_channel::send(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  using status = bot::send_result::status;
  if (!d.body.recall_id.empty()) {
    done({status::failed, "", "Official Account messages are not recalled", std::nullopt});
    return;
  }
  if (window_.take(d)) {
    done({});
    return;
  }
  if (auto it = last_heard_.find(d.target.id);
      it != last_heard_.end() && clk_.now_ms() - it->second > service_window_ms) {
    done({status::failed, "", "the user has not written for 48 hours (customer-service window)",
          std::nullopt});
    return;
  }
  wecom::send_text(
      {http_, token_, cfg_.api_base + "/cgi-bin/message/custom/send", timeout_ms_,
       [user = d.target.id](const std::string& piece) {
         return nlohmann::json{{"touser", user}, {"msgtype", "text"}, {"text", {{"content", piece}}}}.dump();
       },
       [this, id = d.id](std::size_t n) {
         if (keep_progress_) keep_progress_(id, std::to_string(n));
       }},
      d, std::move(done));
}

nlohmann::json mp_channel::health() const {
  return {{"enabled", true},
          {"app_id", cfg_.app_id},
          {"safe_mode", !cfg_.encoding_aes_key.empty()},
          {"token_fetches", token_.fetches()},
          {"users_in_window", last_heard_.size()}};
}

}  // namespace adapters::wechat_mp
