// The bridge's room ids within one login. Groups are keyed by topic (ids.hpp), because Web WeChat
// gives each room a new id at every login; but while one login lasts an id names one room, so it
// tells what a topic alone cannot: that a group was renamed (its id comes back with another topic:
// estatebot sees a new, unregistered chat) or that two groups share a name (sends to that name
// may reach either). Both are logged and shown in /healthz, so whoever runs the bot can register
// the renamed group again or rename one of the two. Forgotten at the next login; in memory, bounded.
#pragma once
#include <deque>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>

namespace adapters::wechatbot {

class room_history {
 public:
  static constexpr std::size_t max_rooms = 5'000;
  static constexpr std::size_t max_notes = 20;

  enum class seen { known, first, renamed, shared_topic };
  struct heard_result {
    seen what = seen::known;
    std::string other_topic;  // renamed: the topic it had before
  };

  heard_result heard(const std::string& room_id, const std::string& topic);
  void new_login();
  // {"renamed": [{"from": …, "to": …}], "shared_topics": [topic, …]}, the latest last.
  nlohmann::json to_json() const;

 private:
  void note(std::deque<std::pair<std::string, std::string>>& notes, std::string a, std::string b);

  std::map<std::string, std::string> topic_of_;              // room id → topic
  std::map<std::string, std::string> id_of_;                 // topic → the room id it was last heard from
  std::deque<std::pair<std::string, std::string>> renamed_;  // (from, to)
  std::deque<std::pair<std::string, std::string>> shared_;   // (topic, "")
};

}  // namespace adapters::wechatbot
