#include "adapters/wechatbot/room_history.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace adapters::wechatbot {

room_history::heard_result room_history::heard(const std::string& room_id, const std::string& topic) {
  if (room_id.empty()) return {};
  if (topic_of_.size() >= max_rooms && !topic_of_.contains(room_id)) {
    topic_of_.clear();  // more rooms than one account is in: start over rather than grow
    id_of_.clear();
  }
  heard_result r;
  auto [known, fresh] = topic_of_.try_emplace(room_id, topic);
  if (fresh) {
    r.what = seen::first;
  } else if (known->second != topic) {
    r = {seen::renamed, known->second};
    note(renamed_, known->second, topic);
    if (auto old = id_of_.find(known->second); old != id_of_.end() && old->second == room_id)
      id_of_.erase(old);
    known->second = topic;
  }
  auto [owner, first_of_topic] = id_of_.try_emplace(topic, room_id);
  if (!first_of_topic && owner->second != room_id) {
    if (r.what != seen::renamed) r.what = seen::shared_topic;
    note(shared_, topic, "");
    owner->second = room_id;
  }
  return r;
}

void room_history::new_login() {
  topic_of_.clear();
  id_of_.clear();
}

void room_history::note(std::deque<std::pair<std::string, std::string>>& notes, std::string a,
                        std::string b) {
  std::pair<std::string, std::string> n{std::move(a), std::move(b)};
  notes.erase(std::remove(notes.begin(), notes.end(), n), notes.end());
  notes.push_back(std::move(n));
  if (notes.size() > max_notes) notes.pop_front();
}

nlohmann::json room_history::to_json() const {
  nlohmann::json j = {{"renamed", nlohmann::json::array()}, {"shared_topics", nlohmann::json::array()}};
  for (const auto& [from, to] : renamed_) j["renamed"].push_back({{"from", from}, {"to", to}});
  for (const auto& [topic, unused] : shared_) j["shared_topics"].push_back(topic);
  return j;
}

}  // namespace adapters::wechatbot
