// What wechatbot-webhook says about its own WeChat login: forms with `isSystemEvent` "1" and
// `type` system_event_login | system_event_logout | system_event_error | system_event_push_notify
// (packages/core/src/config/const.ts systemMsgEnumMap; bridges before that sent only
// isSystemEvent), whose `content` is the JSON of utils/msg.ts SystemEvent:
// {"event": "login"|"logout"|"error"|"notifyOfRecvdApiPushMsg", "user": <the Wechaty contact>,
//  "error": …}. An Error object arrives as {} (lodash cloneDeep cannot copy one), so an error
// event often tells nothing but that it happened.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace adapters::wechatbot {

struct system_event {
  enum class kind { login, logout, error, other };
  kind what = kind::other;
  std::string user;   // the account's nickname, when the event names it
  std::string error;  // an error event's text, when it has one (at most 200 bytes)
};

struct system_event_result {
  std::optional<system_event> value;
  std::string error;  // names the field, when there is no value
};

// `type` and `content` as the form carries them.
system_event_result read_system_event(std::string_view type, std::string_view content);

}  // namespace adapters::wechatbot
