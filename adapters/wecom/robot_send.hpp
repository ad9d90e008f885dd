// Group robots (消息推送 webhooks, protocols/wecom-wechat.md §2.1): POST <api_base>/cgi-bin/webhook/
// send?key=KEY with {"msgtype":"text","text":{"content","mentioned_list"}}; content at most 2048
// bytes, so a longer text goes as several messages cut between characters. The first carries the
// mentions ("@all" for an emergency). At most 20 messages a minute per robot: robot_pace counts
// them before each send.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "bot/http_types.hpp"
#include "bot/message.hpp"

namespace adapters::wecom {

inline constexpr std::size_t text_bytes = 2048;  // robots, app messages and passive replies alike

std::vector<bot::http_call> robot_calls(const std::string& api_base, const std::string& key,
                                        const bot::outgoing& body);

// The last minute's sends of each robot.
class robot_pace {
 public:
  static constexpr int per_minute = 20;
  // 0 when the robot may send now, else when it may.
  std::int64_t free_at(const std::string& robot, std::int64_t now_ms);
  void sent(const std::string& robot, std::int64_t now_ms);

 private:
  std::map<std::string, std::deque<std::int64_t>> sends_;
};

}  // namespace adapters::wecom
