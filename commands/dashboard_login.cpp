#include "commands/dashboard_login.hpp"

#include <fmt/format.h>

#include "bot/context.hpp"
#include "bot/crypto.hpp"
#include "storage/dashboard_store.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t secret_bytes = 32;  // 256 bits in the link

bot::command_result login(bot::context& ctx, const bot::args&) {
  const auto& cfg = ctx.svc.cfg.dashboard;
  if (!cfg.enabled) return ctx.fail("dashboard.disabled");
  const std::string secret = bot::crypto::to_hex(bot::crypto::random_bytes(secret_bytes));
  storage::dashboard_store logins(ctx.db().database);
  logins.add_link(bot::crypto::sha256_hex(secret),
                  {ctx.who.member.id, ctx.community(), std::string(bot::locale_tag(ctx.lang))},
                  ctx.now() + std::int64_t{cfg.link_minutes} * 60'000);
  ctx.reply(ctx.text("dashboard.link",
                     fmt::arg("url", dashboard_base_url(ctx.svc.cfg) + "/dashboard/login?t=" + secret),
                     fmt::arg("minutes", cfg.link_minutes)));
  return std::nullopt;
}

bot::command_result logout(bot::context& ctx, const bot::args&) {
  storage::dashboard_store logins(ctx.db().database);
  const int n = logins.end_sessions_of(ctx.who.member.id);
  ctx.reply(n > 0 ? ctx.text("dashboard.logged_out", fmt::arg("n", n)) : ctx.text("dashboard.no_session"));
  return std::nullopt;
}

}  // namespace

std::string dashboard_base_url(const bot::config& cfg) {
  if (!cfg.dashboard.public_url.empty()) return cfg.dashboard.public_url;
  const std::string& host = cfg.server.listen;
  const bool v6 = host.find(':') != std::string::npos;
  // Listening on every address: this machine's own is the one sure to reach it.
  const std::string shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
  return fmt::format("http://{}{}{}:{}", v6 ? "[" : "", shown, v6 ? "]" : "", cfg.server.port);
}

std::vector<bot::command_spec> dashboard_commands() {
  return {{
              .id = "dashboard.login",
              .zh = {"后台", "管理后台"},
              .en = {"dashboard"},
              .topic = "staff",
              .min_role = bot::role::staff,
              .where = bot::chat_rule::direct_only,
              .bare_in_group = false,
              .run = login,
          },
          {
              .id = "dashboard.logout",
              .zh = {"退出后台"},
              .en = {"dashboard logout", "logout"},
              .topic = "staff",
              .min_role = bot::role::staff,
              .bare_in_group = false,
              .run = logout,
          }};
}

}  // namespace commands
