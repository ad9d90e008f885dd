#include "web/viewer.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/crypto.hpp"
#include "bot/member_role.hpp"
#include "storage/dashboard_store.hpp"
#include "storage/stores.hpp"

namespace web {

std::string viewer::query_prefix() const {
  return switched ? "c=" + std::to_string(community_id) + "&" : std::string();
}

std::string viewer::hidden_field() const {
  return switched ? "<input type=\"hidden\" name=\"c\" value=\"" + std::to_string(community_id) + "\">"
                  : std::string();
}

std::string cookie(const bot::http_request& req, std::string_view name) {
  const std::string header = req.header("cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const std::size_t end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return {};
}

std::optional<viewer> find_viewer(bot::services& svc, const bot::http_request& req) {
  const std::string secret = cookie(req, session_cookie);
  if (secret.size() != 64 || !bot::crypto::from_hex(secret)) return std::nullopt;
  const auto& cfg = svc.cfg.dashboard;
  if (!cfg.enabled) return std::nullopt;
  const std::int64_t now = svc.clk.now_ms();
  const std::string hash = bot::crypto::sha256_hex(secret);
  storage::dashboard_store logins(svc.db.database);
  auto login = logins.use_session(hash, now, now - std::int64_t{cfg.idle_minutes} * 60'000,
                                  now - std::int64_t{cfg.session_hours} * 3'600'000);
  if (!login) return std::nullopt;
  auto member = svc.db.members.get(login->member_id);
  if (!member) return std::nullopt;
  viewer v;
  v.member_id = member->id;
  v.community_id = login->community_id;
  v.lang = bot::parse_locale(login->lang).value_or(bot::locale::zh_CN);
  v.name = member->display_name;
  v.session_hash = hash;
  v.level = bot::member_role(svc, *member, v.community_id);
  if (!bot::at_least(v.level, bot::role::staff)) return std::nullopt;
  if (v.admin()) {
    const std::string wanted = req.query_param("c");
    if (!wanted.empty() && wanted.size() < 19 &&
        wanted.find_first_not_of("0123456789") == std::string::npos) {
      const std::int64_t c = std::stoll(wanted);
      if (c != v.community_id && !svc.db.communities.name_of(c).empty()) {
        v.community_id = c;
        v.switched = true;
      }
    }
  }
  v.community_name = svc.db.communities.name_of(v.community_id);
  return v;
}

}  // namespace web
