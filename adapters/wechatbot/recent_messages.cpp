#include "adapters/wechatbot/recent_messages.hpp"

namespace adapters::wechatbot {

std::string recent_messages::id_for(const std::string& digest, std::int64_t now_ms) {
  while (!order_.empty() && (now_ms - order_.front().first > window_ms || order_.size() >= capacity)) {
    auto it = first_seen_.find(order_.front().second);
    if (it != first_seen_.end() && it->second == order_.front().first) first_seen_.erase(it);
    order_.pop_front();
  }
  auto [it, fresh] = first_seen_.try_emplace(digest, now_ms);
  if (fresh) order_.emplace_back(now_ms, digest);
  return digest + "-" + std::to_string(it->second);
}

}  // namespace adapters::wechatbot
