// The dashboard's logins as rows: a one-time link becomes a session when it is taken (once, before
// it expires); a session is found by its cookie's hash and kept alive by its pages. Secrets are
// made and hashed by the caller; only hashes come here.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace storage {

struct dashboard_login {
  std::int64_t member_id = 0;
  std::int64_t community_id = 0;
  std::string lang;  // zh-CN | en-US: how the link was asked for
};

class dashboard_store {
 public:
  explicit dashboard_store(database& db) : db_(db) {}

  void add_link(const std::string& hash, const dashboard_login& who, std::int64_t expires_at);
  // Removes the link whatever its age; returns who it was for unless it had expired.
  std::optional<dashboard_login> take_link(const std::string& hash, std::int64_t now_ms);

  void open_session(const std::string& hash, const dashboard_login& who, std::int64_t now_ms);
  // The session unless it was idle since before `idle_since` or opened before `opened_since`
  // (then it is removed); its last use becomes `now_ms`.
  std::optional<dashboard_login> use_session(const std::string& hash, std::int64_t now_ms,
                                             std::int64_t idle_since, std::int64_t opened_since);
  void end_session(const std::string& hash);
  // Ends the member's sessions (returns how many there were) and voids their unused links.
  int end_sessions_of(std::int64_t member_id);
  // Links and sessions nobody can use any more.
  void forget_stale(std::int64_t now_ms, std::int64_t idle_since, std::int64_t opened_since);

 private:
  database& db_;
};

}  // namespace storage
