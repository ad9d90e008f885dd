#include "adapters/wecom/recent_answers.hpp"

namespace adapters::wecom {

void recent_answers::expire(std::int64_t now_ms) {
  while (!order_.empty() && (order_.front().first <= now_ms - keep_ms || order_.size() > max_kept)) {
    texts_.erase(order_.front().second);
    order_.pop_front();
  }
}

std::optional<std::string> recent_answers::find(const std::string& key, std::int64_t now_ms) {
  expire(now_ms);
  auto it = texts_.find(key);
  if (it == texts_.end()) return std::nullopt;
  return it->second;
}

void recent_answers::keep(const std::string& key, std::string text, std::int64_t now_ms) {
  if (texts_.insert_or_assign(key, std::move(text)).second) order_.emplace_back(now_ms, key);
  expire(now_ms);
}

}  // namespace adapters::wecom
