// Who is looking at a dashboard page: found from the session cookie on every request, then judged
// afresh — the member's role in the community now (a revoked role ends their dashboard at once),
// the community an admin switched to. Staff read their own tickets; managers their community;
// admins any community (`c=<id>` in the query).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/http_types.hpp"
#include "bot/role.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"

namespace web {

inline constexpr std::string_view session_cookie = "estatebot_session";

struct viewer {
  std::int64_t member_id = 0;
  std::int64_t community_id = 0;
  bot::role level = bot::role::staff;
  bot::locale lang = bot::locale::zh_CN;
  std::string name;
  std::string community_name;
  std::string session_hash;
  bool switched = false;  // an admin looking at another community than the login's

  bool manager() const { return bot::at_least(level, bot::role::manager); }
  bool admin() const { return bot::at_least(level, bot::role::admin); }
  // What links add to their query so an admin stays in the community chosen: "c=3&" or "".
  std::string query_prefix() const;
  // The same for a GET form: a hidden field, or "".
  std::string hidden_field() const;
};

// The value of cookie `name` in the request's Cookie header, or "".
std::string cookie(const bot::http_request& req, std::string_view name);

// The viewer of a request with a live session and at least staff's role, else none.
std::optional<viewer> find_viewer(bot::services& svc, const bot::http_request& req);

}  // namespace web
