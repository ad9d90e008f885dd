// Notices (物业公告): numbered, kept and searchable. Their deliveries are outbox rows with ref
// "notice:<id>"; a scheduled notice is a row here plus a "notice.publish" job.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct notice_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::optional<std::string> building;  // nullopt: the whole community
  std::string title;
  std::string body;
  std::optional<std::int64_t> author_id;
  std::int64_t created_at = 0;
  std::int64_t publish_at = 0;
  std::optional<std::int64_t> published_at;
  std::optional<std::int64_t> recalled_at;

  bool published() const { return published_at.has_value(); }
  bool recalled() const { return recalled_at.has_value(); }
};

class notice_store {
 public:
  explicit notice_store(database& db) : db_(db) {}
  std::int64_t create(const notice_row& n);  // returns the new id
  std::optional<notice_row> get(std::int64_t id);
  void mark_published(std::int64_t id, std::int64_t at);
  void mark_recalled(std::int64_t id, std::int64_t by_member, std::int64_t at);
  // Newest first. Residents see published notices only; staff also see scheduled ones.
  std::vector<notice_row> recent(std::int64_t community_id, bool with_unpublished, int limit);
  std::int64_t count(std::int64_t community_id, bool with_unpublished);
  // Notices whose title or text contains every one of `words` (at most three are used).
  std::vector<notice_row> search(std::int64_t community_id, const std::vector<std::string>& words,
                                 bool with_unpublished, int limit);

 private:
  notice_row read(statement& q);
  database& db_;
};

}  // namespace storage
