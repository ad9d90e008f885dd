// Meetings, whom they invite privately, who answered 参加 / 不参加, and their minutes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct meeting_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string title;
  std::int64_t starts_at = 0;
  std::string place;
  std::optional<std::string> building;
  std::optional<std::string> category;  // ticket category id ("parking")
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::optional<std::string> minutes;
  std::optional<std::int64_t> minutes_at;
};

struct attendance {
  int attending = 0;
  int declined = 0;
};

class meeting_store {
 public:
  explicit meeting_store(database& db) : db_(db) {}

  std::int64_t create(const meeting_row& m);
  std::optional<meeting_row> get(std::int64_t id);
  // Upcoming first (soonest first), then past ones (latest first); at most `limit`.
  std::vector<meeting_row> list(std::int64_t community_id, std::int64_t now_ms, int limit);
  void set_minutes(std::int64_t id, const std::string& minutes, std::int64_t at);

  void invite(std::int64_t meeting_id, const std::vector<std::int64_t>& members);
  std::vector<std::int64_t> invited(std::int64_t meeting_id);

  // True when this member had not answered before.
  bool reply(std::int64_t meeting_id, std::int64_t member_id, bool attending, std::int64_t at);
  attendance replies(std::int64_t meeting_id);

 private:
  meeting_row read(statement& q);
  database& db_;
};

}  // namespace storage
