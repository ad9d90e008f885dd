// Topic forums (话题) and the opinions owners gave on them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct topic_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string title;
  std::optional<std::string> building;
  std::optional<std::string> category;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> closed_at;
  std::optional<std::string> summary;
  std::optional<std::int64_t> vote_id;
};

struct opinion_row {
  std::int64_t member_id = 0;
  std::string building;
  std::string text;
  std::int64_t at = 0;
};

class topic_store {
 public:
  explicit topic_store(database& db) : db_(db) {}

  std::int64_t create(const topic_row& t);
  std::optional<topic_row> get(std::int64_t id);
  std::vector<topic_row> list(std::int64_t community_id, int limit);  // open first, newest first
  void close(std::int64_t id, std::int64_t at, const std::optional<std::string>& summary,
             const std::optional<std::int64_t>& vote_id);

  // True when it is the member's first opinion on the topic (a later one replaces it).
  bool give(std::int64_t topic_id, const opinion_row& o);
  std::vector<opinion_row> opinions(std::int64_t topic_id);  // by building, then time
  int count(std::int64_t topic_id);

 private:
  topic_row read(statement& q);
  database& db_;
};

}  // namespace storage
