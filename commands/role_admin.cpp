#include "commands/role_admin.hpp"

#include "bot/context.hpp"
#include "bot/invocation.hpp"
#include "bot/member_role.hpp"
#include "commands/text_ids.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

struct role_change {
  bool revoke = false;
  bot::role r = bot::role::staff;
};

// 员工 / 经理 / 撤销. Admins come from the config only.
std::optional<role_change> parse_change(const std::string& word) {
  if (word == "撤销" || word == "取消" || word == "revoke") return role_change{true};
  auto r = bot::parse_role(word);
  if (r == bot::role::staff || r == bot::role::manager) return role_change{false, *r};
  return std::nullopt;
}

// "@李师傅" by display name, else "@2200334455" by platform user id (what a QQ @ reads as when
// the client sends no name).
bot::command_result find_member(bot::context& ctx, const std::string& word, storage::member_row& out) {
  const std::string name(bot::strip_at(word));
  const std::string& platform = ctx.msg.sender.platform;
  auto people = ctx.db().members.find_by_name(platform, name);
  if (people.size() > 1)
    return ctx.fail("cmd.role.grant.ambiguous", fmt::arg("name", name), fmt::arg("n", people.size()));
  if (people.size() == 1) {
    out = people.front();
    return std::nullopt;
  }
  auto by_id = ctx.db().members.find(platform, name);
  if (!by_id) return ctx.fail("cmd.role.grant.unknown", fmt::arg("name", name));
  out = *by_id;
  return std::nullopt;
}

bot::command_result grant(bot::context& ctx, const bot::args& a) {
  if (a.size() != 2 || bot::strip_at(a[0]).empty()) return ctx.usage();
  auto change = parse_change(a[1]);
  if (!change) return ctx.usage();
  storage::member_row m;
  if (auto f = find_member(ctx, a[0], m)) return f;
  auto& db = ctx.db();
  const std::string name = m.display_name.empty() ? m.user_id : m.display_name;
  const std::string ref = "member:" + std::to_string(m.id);
  if (!change->revoke) {
    const std::string role(bot::role_name(change->r));
    db.members.grant(m.id, ctx.community(), change->r, ctx.who.member.id, ctx.now());
    db.audit.record(ctx.who.member.id, "role.grant", ref, role, ctx.now());
    ctx.reply(ctx.text("cmd.role.grant.done", fmt::arg("name", name),
                       fmt::arg("role", ctx.text(role_text_id(change->r)))));
    return std::nullopt;
  }
  if (!db.members.granted_role(m.id, ctx.community()))
    return ctx.fail("cmd.role.grant.nothing", fmt::arg("name", name));
  db.members.revoke(m.id, ctx.community());
  db.audit.record(ctx.who.member.id, "role.revoke", ref, "", ctx.now());
  const bot::role now = bot::member_role(ctx.svc, m, ctx.community());
  ctx.reply(ctx.text(
      bot::at_least(now, bot::role::staff) ? "cmd.role.grant.revoked_config" : "cmd.role.grant.revoked",
      fmt::arg("name", name), fmt::arg("role", ctx.text(role_text_id(now)))));
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> role_admin_commands() {
  return {
      {
          .id = "role.grant",
          .zh = {"授权"},
          .en = {"grant"},
          .topic = "admin",
          .min_role = bot::role::admin,
          .where = bot::chat_rule::anywhere,
          .run = grant,
          .bare_match = [](const bot::args& a) { return a.size() == 2 && parse_change(a[1]).has_value(); },
      },
  };
}

}  // namespace commands
