// WeCom as the service runs it. The self-built app: its callback route (app_callback.hpp), replies
// taken into the callback's answer while it is open (passive_window.hpp), everything later sent
// as app messages (message/send) with the app's access_token (access_token.hpp). The group robots:
// groups declared in the config, each paced to 20 messages a minute (robot_send.hpp). The smart
// robot: @-mentions in internal groups and 1:1 chats (smart_robot_callback.hpp), answered in the
// callback, later once through the message's response_url; a group whose chatid a robot declares
// is that robot's group, so later answers go by the robot. No recall.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include "adapters/adapter.hpp"
#include "adapters/wecom/access_token.hpp"
#include "adapters/wecom/app_callback.hpp"
#include "adapters/wecom/customer_send.hpp"
#include "adapters/wecom/passive_window.hpp"
#include "adapters/wecom/recent_answers.hpp"
#include "adapters/wecom/robot_send.hpp"
#include "adapters/wecom/smart_robot_callback.hpp"
#include "bot/config.hpp"

namespace bot {
class clock;
class http_client;
}  // namespace bot

namespace adapters::wecom {

class wecom_channel final : public adapter {
 public:
  wecom_channel(bot::wecom_config cfg, bot::http_client& http, const bot::clock& clk, int timeout_ms,
                std::function<void(std::int64_t, const std::string&)> keep_progress);
  std::string_view platform() const override { return wecom::platform; }
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override;
  nlohmann::json health() const override;
  std::vector<declared_group> declared_groups() const override;

 private:
  bot::http_response take(const bot::http_request& req);
  bot::http_response take_smart(const bot::http_request& req);
  // Delivers the message with the passive window open on its chat; the text the window took.
  std::string deliver_in_window(const bot::message& m, std::size_t max_bytes);
  void send_smart(const bot::delivery& d, std::function<void(bot::send_result)> done);
  void send_customer(const bot::delivery& d, std::function<void(bot::send_result)> done);
  void send_app(const bot::delivery& d, std::function<void(bot::send_result)> done);
  void send_robot(const bot::delivery& d, std::function<void(bot::send_result)> done);

  bot::wecom_config cfg_;
  bot::http_client& http_;
  const bot::clock& clk_;
  int timeout_ms_;
  std::function<void(std::int64_t, const std::string&)> keep_progress_;
  std::optional<app_callback> app_;
  std::unique_ptr<access_token> token_;
  passive_window window_;
  recent_answers answers_;
  robot_pace pace_;
  std::optional<smart_robot_callback> smart_;
  struct response_url {
    std::string url;
    std::int64_t at = 0;
  };
  std::map<std::string, response_url> response_urls_;  // chat key → the last unused one
  std::optional<adapter_host> host_copy_;
};

}  // namespace adapters::wecom
