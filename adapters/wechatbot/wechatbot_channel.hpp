// The wechatbot-webhook adapter as the service runs it: its POST route delivers what
// wechatbot_adapter parses (giving each message its id: recent_messages.hpp), and deliveries go to
// the bridge's /webhook/msg/v2 over the HTTP client (outbound.hpp). The one WeChat account's
// health (bot::account_board, under the account ""): online from the bridge's login and logout
// events and from its answers, and a pause after WeChat refused a send, during which the channel
// is not ready and rows wait. No recall: the bridge has none.
#pragma once
#include <functional>
#include <string>

#include "adapters/adapter.hpp"
#include "adapters/wechatbot/ids.hpp"
#include "adapters/wechatbot/recent_messages.hpp"
#include "adapters/wechatbot/room_history.hpp"
#include "adapters/wechatbot/wechatbot_adapter.hpp"
#include "bot/account_board.hpp"
#include "bot/http_client.hpp"

namespace bot {
class clock;
}

namespace adapters::wechatbot {

class wechatbot_channel final : public adapter {
 public:
  wechatbot_channel(bot::wechatbot_config cfg, bot::http_client& client, const bot::clock& clk,
                    int timeout_ms)
      : codec_(std::move(cfg)), client_(client), clk_(clk), timeout_ms_(timeout_ms) {}
  std::string_view platform() const override { return wechatbot::platform; }
  bool ready(const bot::chat_ref& chat) const override;
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override;
  nlohmann::json health() const override;

 private:
  bot::http_response take(const bot::http_request& req);
  void note(const system_event& e, std::int64_t now_ms);
  void heard_room(const bot::message& m, const std::string& room_id);

  wechatbot_adapter codec_;
  bot::http_client& client_;
  const bot::clock& clk_;
  int timeout_ms_;
  std::function<void(const bot::inbound_event&)> deliver_;
  std::function<void()> wake_outbox_;
  bot::account_board board_;
  recent_messages recent_;
  room_history rooms_;
  std::string user_;        // the account's nickname, from the last login event
  std::string last_error_;  // the last error event's text
  std::int64_t last_error_at_ = 0;
};

}  // namespace adapters::wechatbot
