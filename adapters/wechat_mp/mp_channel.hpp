// The Official Account as the service runs it: the callback route (mp_callback.hpp), replies taken
// into the callback's answer while it is open, and customer-service messages
// (message/custom/send) for anything later. Those may go only within 48 hours of the user's last
// message: a row for someone not heard from for longer is dead-lettered with that reason without a
// call, and WeChat's own 45015 says the same for users not heard since the start.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "adapters/adapter.hpp"
#include "adapters/wechat_mp/mp_callback.hpp"
#include "adapters/wecom/access_token.hpp"
#include "adapters/wecom/passive_window.hpp"
#include "adapters/wecom/recent_answers.hpp"
#include "bot/config.hpp"

namespace bot {
class clock;
class http_client;
}  // namespace bot

namespace adapters::wechat_mp {

inline constexpr std::int64_t service_window_ms = 48LL * 3600 * 1000;

class mp_channel final : public adapter {
 public:
  mp_channel(bot::wechat_mp_config cfg, bot::http_client& http, const bot::clock& clk, int timeout_ms,
             std::function<void(std::int64_t, const std::string&)> keep_progress);
  std::string_view platform() const override { return wechat_mp::platform; }
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override;
  nlohmann::json health() const override;

 private:
  bot::http_response take(const bot::http_request& req);
  void heard(const std::string& user, std::int64_t now_ms);

  bot::wechat_mp_config cfg_;
  bot::http_client& http_;
  const bot::clock& clk_;
  int timeout_ms_;
  std::function<void(std::int64_t, const std::string&)> keep_progress_;
  mp_callback callback_;
  wecom::access_token token_;
  wecom::passive_window window_;
  wecom::recent_answers answers_;
  std::map<std::string, std::int64_t> last_heard_;  // user → when they last wrote (this run)
  std::optional<adapter_host> host_;
};

}  // namespace adapters::wechat_mp
