#include "adapters/onebot/group_names.hpp"

namespace adapters::onebot {

void group_names::heard(const std::string& self_id, const std::string& group_id, const std::string& title,
                        std::int64_t now_ms) {
  const std::string key = self_id + "/" + group_id;
  auto it = groups_.find(key);
  if (!title.empty()) {  // the event named it; a lookup already waiting finds the same name
    groups_[key] = settled;
    return;
  }
  if (it != groups_.end() && (it->second == settled || now_ms < it->second)) return;
  auto& a = accounts_[self_id];
  if (a.waiting.size() >= max_waiting) return;
  a.waiting.push_back(group_id);
  groups_[key] = settled;
}

std::optional<std::string> group_names::next(const std::string& self_id) {
  auto it = accounts_.find(self_id);
  if (it == accounts_.end() || it->second.busy || it->second.waiting.empty()) return std::nullopt;
  std::string group = std::move(it->second.waiting.front());
  it->second.waiting.pop_front();
  it->second.busy = true;
  return group;
}

void group_names::finished(const std::string& self_id, const std::string& group_id, outcome o,
                           std::int64_t now_ms) {
  accounts_[self_id].busy = false;
  const std::string key = self_id + "/" + group_id;
  if (o == outcome::not_sent)
    groups_.erase(key);
  else if (o == outcome::refused)
    groups_[key] = now_ms + retry_after_refusal_ms;
}

std::size_t group_names::waiting(const std::string& self_id) const {
  auto it = accounts_.find(self_id);
  return it == accounts_.end() ? 0 : it->second.waiting.size();
}

}  // namespace adapters::onebot
