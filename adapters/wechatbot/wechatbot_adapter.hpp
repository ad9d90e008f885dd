// The wechatbot-webhook bridge (danni-cool/wechatbot-webhook: Wechaty on Web WeChat), inbound and
// pure. The bridge POSTs every message as multipart/form-data to its RECVD_MSG_API, which is
// <path>?token=<inbound_token>: it signs nothing, so the token (compared in constant time) is
// all the authentication there is; a wrong or missing one is 401 before the body is read. Fields
// (packages/core/src/service/msgUploader.ts): `type` (text, file, urlLink, friendship, unknown,
// system_event_*), `content` (the text, a file's bytes, or JSON), `source` (JSON: source.hpp),
// `isMentioned`, `isMsgFromSelf`, `isSystemEvent` ("1"/"0"). Text becomes a message; system events
// become account health (system_event.hpp); the account's own messages, files (their bytes are no
// reference staff could open later), links and the rest are acknowledged and dropped. Friend
// requests are answered {"success": false}, which the bridge reads as "do not accept": a person
// accepts them on the phone. A malformed form is 400, naming what is wrong.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "adapters/adapter.hpp"
#include "adapters/wechatbot/system_event.hpp"
#include "bot/config.hpp"

namespace adapters::wechatbot {

struct inbound {
  // The answer, and the events: a message (its id still the bare digest: recent_messages.hpp
  // makes the id) or the account's health.
  inbound_result result;
  std::optional<system_event> system;
  std::string room_id;  // the bridge's id of the message's room in this login
};

class wechatbot_adapter final {
 public:
  explicit wechatbot_adapter(bot::wechatbot_config cfg) : cfg_(std::move(cfg)) {}
  const bot::wechatbot_config& config() const { return cfg_; }
  std::vector<route> routes() const {
    return {{"POST", cfg_.path, [this](const bot::http_request& req) { return check_headers(req); }}};
  }
  // 401 unless ?token= is inbound_token; asked again by parse_inbound.
  std::optional<bot::http_response> check_headers(const bot::http_request& req) const;
  inbound parse_inbound(const bot::http_request& req) const;

 private:
  bot::wechatbot_config cfg_;
};

}  // namespace adapters::wechatbot
