#include "bot/account_outages.hpp"

#include <algorithm>

namespace bot {

account_outages::state& account_outages::start(const chat_ref& target, std::int64_t now_ms) {
  auto [it, fresh] = accounts_.try_emplace(key(target));
  if (fresh) {
    it->second.o.platform = target.platform;
    it->second.o.account = target.account;
    it->second.o.since = now_ms;
  }
  return it->second;
}

void account_outages::not_ready(const chat_ref& target, std::int64_t now_ms) {
  state& s = start(target, now_ms);
  if (s.o.error.empty()) s.o.error = "not connected";
}

void account_outages::unreachable(const chat_ref& target, const std::string& error, std::int64_t row_id,
                                  std::int64_t now_ms) {
  state& s = start(target, now_ms);
  s.o.error = error;
  if (!s.o.by_answers) {
    s.o.by_answers = true;
    s.next_probe_at = now_ms + s.probe_delay_ms;
    return;
  }
  if (s.probe_row != row_id) return;  // a send that was already out when the outage began
  s.probe_row.reset();
  s.probe_delay_ms = std::min(longest_probe_ms, s.probe_delay_ms * 2);
  s.next_probe_at = now_ms + s.probe_delay_ms;
}

std::optional<outage> account_outages::back(const chat_ref& target, std::int64_t now_ms) {
  auto it = accounts_.find(key(target));
  if (it == accounts_.end()) return std::nullopt;
  outage o = std::move(it->second.o);
  accounts_.erase(it);
  o.until = now_ms;
  return o;
}

const outage* account_outages::find(const chat_ref& target) const {
  auto it = accounts_.find(key(target));
  return it == accounts_.end() ? nullptr : &it->second.o;
}

bool account_outages::take_probe(const chat_ref& target, std::int64_t row_id, std::int64_t now_ms) {
  auto it = accounts_.find(key(target));
  if (it == accounts_.end()) return true;
  state& s = it->second;
  if (s.probe_row || now_ms < s.next_probe_at) return false;
  s.probe_row = row_id;
  return true;
}

std::int64_t account_outages::next_probe_at(const chat_ref& target) const {
  auto it = accounts_.find(key(target));
  return it == accounts_.end() ? 0 : it->second.next_probe_at;
}

std::vector<outage*> account_outages::to_report(std::int64_t now_ms, std::int64_t after_ms) {
  std::vector<outage*> out;
  for (auto& [k, s] : accounts_)
    if (!s.o.reported && now_ms - s.o.since >= after_ms) {
      s.o.reported = true;
      out.push_back(&s.o);
    }
  return out;
}

std::optional<std::int64_t> account_outages::next_report_at(std::int64_t after_ms) const {
  std::optional<std::int64_t> at;
  for (const auto& [k, s] : accounts_)
    if (!s.o.reported && (!at || s.o.since + after_ms < *at)) at = s.o.since + after_ms;
  return at;
}

std::vector<outage> account_outages::all() const {
  std::vector<outage> out;
  for (const auto& [k, s] : accounts_) out.push_back(s.o);
  return out;
}

}  // namespace bot
