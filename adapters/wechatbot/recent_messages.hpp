// Message ids for a bridge that sends none. wechatbot-webhook posts each message once and does not
// retry (msgUploader.ts), but a message can still arrive twice: a Wechaty puppet that emits it again
// after a reconnection, a proxy or an operator replaying a request. The dispatcher drops a repeated
// (platform, message id) for days, so the id cannot be the message's digest alone: "收到" said by
// one owner to two emergencies in one group must count twice. An id is the digest plus the time it
// was first seen; the same digest within `window_ms` of that gets the same id (a delivery twice),
// later a new one (said again). The cost: the same words by the same person in the same chat within
// a minute count once, and a repeat that arrives after estatebot restarted counts again. In
// memory, at most `capacity` digests.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>

namespace adapters::wechatbot {

class recent_messages {
 public:
  static constexpr std::int64_t window_ms = 60'000;
  static constexpr std::size_t capacity = 4'096;

  // The id of a message with this digest arriving now: "<digest>-<first seen ms>".
  std::string id_for(const std::string& digest, std::int64_t now_ms);

 private:
  std::map<std::string, std::int64_t> first_seen_;
  std::deque<std::pair<std::int64_t, std::string>> order_;  // oldest first
};

}  // namespace adapters::wechatbot
