// The suggestion box's own rows. Nothing here names a writer or says when they wrote: the inbox
// and the relays hold the writer only sealed (see domain/suggestions/seal), and quota buckets
// are keyed hashes that change every window.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace storage {

struct suggestion_inbox_row {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string description;
  std::string sealed;
};

class suggestion_store {
 public:
  explicit suggestion_store(database& db) : db_(db) {}

  std::int64_t queue(std::int64_t community_id, const std::string& description, const std::string& sealed);
  std::vector<suggestion_inbox_row> inbox();
  void remove_from_inbox(std::int64_t id);

  void keep_relay(std::int64_t ticket_id, const std::string& sealed);
  std::optional<std::string> relay(std::int64_t ticket_id);
  void forget_relay(std::int64_t ticket_id);  // and scrubs the write-ahead log of it

  // Counts one use of `bucket` in the window starting at `window_start`; false (and nothing
  // counted) when `limit` uses were already made. Buckets of older windows are deleted.
  bool use_quota(const std::string& bucket, std::int64_t window_start, int limit);

 private:
  database& db_;
};

}  // namespace storage
