// Satisfaction surveys: their items with the score counts, the owners invited and where each one's
// private dialogue stands, and the closing comments (kept without their writer).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct survey_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string title;
  std::int64_t deadline = 0;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::optional<std::string> plan;
  std::optional<std::int64_t> published_at;
};

struct survey_item_row {
  int position = 0;
  std::string name_zh, name_en;
  int skipped = 0;
  std::array<int, 5> scores{};  // scores[k]: how many gave k + 1
};

struct survey_invite_row {
  std::int64_t survey_id = 0;
  std::int64_t member_id = 0;
  std::string building;
  std::optional<std::string> lang;
  int next_item = 0;
  std::int64_t asked_at = 0;
  std::optional<std::int64_t> finished_at;
};

// An owner bound to a room of the community, with the building of their first room.
struct bound_owner {
  std::int64_t member_id = 0;
  std::string building;
};

// Invitations per building: how many, how many finished, how many started and not finished.
struct survey_turnout {
  std::string building;
  int invited = 0, finished = 0, started = 0;
};

class survey_store {
 public:
  explicit survey_store(database& db) : db_(db) {}

  std::int64_t create(const survey_row& s, const std::vector<std::pair<std::string, std::string>>& items);
  std::optional<survey_row> get(std::int64_t id);
  std::vector<survey_row> list(std::int64_t community_id, int limit);  // newest first
  std::optional<survey_row> previous(const survey_row& s);             // the one before it, same community
  std::vector<survey_item_row> items(std::int64_t survey_id);
  void publish(std::int64_t id, const std::string& plan, std::int64_t at);

  std::vector<bound_owner> bound_owners(std::int64_t community_id);
  // False when already invited.
  bool invite(std::int64_t survey_id, const bound_owner& o, const std::optional<std::string>& lang,
              std::int64_t at);
  std::optional<survey_invite_row> invitation(std::int64_t survey_id, std::int64_t member_id);
  // The unfinished dialogue of this member asked most recently, among surveys open at `now_ms`.
  std::optional<survey_invite_row> open_dialogue(std::int64_t member_id, std::int64_t now_ms);
  std::vector<survey_invite_row> unfinished(std::int64_t survey_id);
  std::vector<survey_turnout> turnout(std::int64_t survey_id);  // by building, in order

  // A score 1–5, or nothing for 跳过, counted for the item; the dialogue moves to `next_item`.
  // False (nothing counted) unless the dialogue stood at that item.
  bool answer(std::int64_t survey_id, std::int64_t member_id, int position, std::optional<int> score,
              int next_item, std::int64_t at);
  void asked(std::int64_t survey_id, std::int64_t member_id, const std::optional<std::string>& lang,
             std::int64_t at);
  // The day of `at` is kept, and the comment without its writer.
  void finish(std::int64_t survey_id, std::int64_t member_id, const std::optional<std::string>& comment,
              std::int64_t at);
  std::vector<std::string> comments(std::int64_t survey_id);  // in an order that says nothing
  int comment_count(std::int64_t survey_id);

 private:
  survey_row read(statement& q);
  survey_invite_row read_invite(statement& q);
  database& db_;
};

}  // namespace storage
