#include "commands/binding.hpp"

#include "bot/clock.hpp"
#include "bot/context.hpp"
#include "commands/text_ids.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::units::parse_unit_address;
using domain::units::unit_address;

namespace {

constexpr int max_failures_per_day = 5;
using bot::day_ms;

bool is_four_digits(const std::string& s) {
  if (s.size() != 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// 绑定 3-2-1201 5678: a room with its four digits (or the bare word alone, to learn where to send it).
bool binding_arguments(const bot::args& a) {
  if (a.empty()) return true;
  if (a.size() != 2 || !is_four_digits(a[1])) return false;
  auto where = parse_unit_address(a[0]);
  return where && where->has_room();
}

bot::command_result bind(bot::context& ctx, const bot::args& a) {
  if (a.size() != 2) return ctx.usage();
  auto where = parse_unit_address(a[0]);
  if (!where || !where->has_room() || !is_four_digits(a[1])) return ctx.usage();
  auto& db = ctx.db();
  const std::int64_t member = ctx.who.member.id;
  if (db.units.bind_failures_since(member, ctx.now() - day_ms) >= max_failures_per_day)
    return ctx.fail("cmd.bind.locked");

  auto unit = db.units.find(ctx.community(), where->building, where->unit, where->room);
  if (!unit || unit->phone_tail.empty() || unit->phone_tail != a[1]) {
    // Recorded outside the command's savepoint would be lost on failure, so record and succeed
    // with a refusal text instead of returning a failure.
    db.units.record_bind_failure(member, ctx.now());
    int left = max_failures_per_day - db.units.bind_failures_since(member, ctx.now() - day_ms);
    ctx.reply(unit ? ctx.text("cmd.bind.mismatch", fmt::arg("left", left))
                   : ctx.text("cmd.bind.no_such_unit", fmt::arg("unit", where->canonical())));
    return std::nullopt;
  }
  bool added = db.units.bind(unit->id, member, "phone_tail", ctx.now());
  db.audit.record(member, "unit.bind", "unit:" + std::to_string(unit->id), "", ctx.now());
  ctx.reply(added ? ctx.text("cmd.bind.done", fmt::arg("unit", where->canonical()))
                  : ctx.text("cmd.bind.already", fmt::arg("unit", where->canonical())));
  return std::nullopt;
}

bot::command_result whoami(bot::context& ctx, const bot::args&) {
  std::string units;
  for (const auto& u : ctx.who.units) {
    unit_address a{u.building, u.unit, u.room};
    units += (units.empty() ? "" : ctx.text("common.list_separator")) +
             (ctx.in_group() ? a.masked(ctx.lang) : a.canonical());
  }
  ctx.reply(ctx.text("cmd.account.whoami.done", fmt::arg("name", ctx.who.member.display_name),
                     fmt::arg("role", ctx.text(role_text_id(ctx.who.level))),
                     fmt::arg("units", units.empty() ? ctx.text("cmd.account.whoami.no_units") : units)));
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> binding_commands() {
  return {
      // In a group, only what looks like an attempt to bind gets the "in private, please" answer;
      // "绑定，我昨天绑了" is chat.
      {
          .id = "bind",
          .zh = {"绑定", "绑定房屋"},
          .en = {"bind"},
          .topic = "account",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::direct_only,
          .run = bind,
          .bare_match = binding_arguments,
      },
      {
          .id = "account.whoami",
          .zh = {"我是谁", "我的信息"},
          .en = {"whoami"},
          .topic = "account",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = whoami,
      },
  };
}

}  // namespace commands
