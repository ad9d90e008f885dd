#include "adapters/wecom/robot_send.hpp"

#include <nlohmann/json.hpp>

#include "bot/utf8.hpp"

namespace adapters::wecom {
namespace {
constexpr std::int64_t minute_ms = 60'000;
}

std::vector<bot::http_call> robot_calls(const std::string& api_base, const std::string& key,
                                        const bot::outgoing& body) {
  nlohmann::json mentioned = nlohmann::json::array();
  if (body.mention_all) mentioned.push_back("@all");
  for (const auto& m : body.mentions)
    if (!m.user_id.empty()) mentioned.push_back(m.user_id);
  std::vector<bot::http_call> calls;
  for (auto& piece : bot::utf8::split_bytes(body.text, text_bytes)) {
    nlohmann::json text{{"content", std::move(piece)}};
    if (calls.empty() && !mentioned.empty()) text["mentioned_list"] = mentioned;
    bot::http_call c;
    c.url = api_base + "/cgi-bin/webhook/send?key=" + key;
    c.headers = {{"Content-Type", "application/json"}};
    c.body = nlohmann::json{{"msgtype", "text"}, {"text", std::move(text)}}.dump();
    calls.push_back(std::move(c));
  }
  return calls;
}

std::int64_t robot_pace::free_at(const std::string& robot, std::int64_t now_ms) {
  auto& q = sends_[robot];
  while (!q.empty() && q.front() <= now_ms - minute_ms) q.pop_front();
  return q.size() < static_cast<std::size_t>(per_minute) ? 0 : q.front() + minute_ms;
}

void robot_pace::sent(const std::string& robot, std::int64_t now_ms) {
  sends_[robot].push_back(now_ms);
}

}  // namespace adapters::wecom
