// What a store's upsert wrote lately, so that the same upsert again within a minute (a chat's next
// message, from the same member) is skipped: the row is known, and only its last_seen_at would move.
// What was remembered before any rollback is forgotten (database::rollbacks): it may not exist after
// all. The store clears it on its other writes to the same rows.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "storage/database.hpp"

namespace storage {

template <class Row>
class touch_cache {
 public:
  static constexpr std::int64_t refresh_ms = 60'000;  // last_seen_at is at most this stale
  static constexpr std::size_t max_entries = 100'000;

  explicit touch_cache(database& db) : db_(db) {}

  // The row written for `key` with the same `inputs` less than refresh_ms ago, if any.
  const Row* fresh(const std::string& key, const std::string& inputs, std::int64_t now_ms) const {
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    const entry& e = it->second;
    if (e.generation != db_.rollbacks() || e.inputs != inputs || now_ms < e.at || now_ms - e.at >= refresh_ms)
      return nullptr;
    return &e.row;
  }

  void keep(std::string key, std::string inputs, Row row, std::int64_t now_ms) {
    if (entries_.size() >= max_entries) entries_.clear();
    entries_.insert_or_assign(std::move(key),
                              entry{std::move(row), std::move(inputs), now_ms, db_.rollbacks()});
  }

  void clear() { entries_.clear(); }

 private:
  struct entry {
    Row row;
    std::string inputs;
    std::int64_t at = 0;
    std::uint64_t generation = 0;
  };
  database& db_;
  std::unordered_map<std::string, entry> entries_;
};

}  // namespace storage
