#include "commands/visits.hpp"

#include <map>
#include <set>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/repair.hpp"
#include "commands/report_period.hpp"
#include "commands/ticket_news.hpp"
#include "commands/ticket_view.hpp"
#include "domain/tickets/desk.hpp"
#include "domain/tickets/intake.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"
#include "storage/visit_store.hpp"

namespace commands {
namespace {

using domain::units::unit_address;

constexpr std::size_t max_visit_note_points = 500;
constexpr int awaiting_shown = 20;

bool is_ticket_word(std::string_view w) {
  return w == "转工单" || w == "转报修" || bot::utf8::to_lower_ascii(w) == "ticket";
}

// "3栋2单元": a building and one of its units, without a room.
std::optional<unit_address> building_unit(std::string_view word) {
  constexpr std::string_view suffix = "单元";
  if (word.size() <= suffix.size() || word.substr(word.size() - suffix.size()) != suffix) return std::nullopt;
  word.remove_suffix(suffix.size());
  std::size_t digits = word.size();
  while (digits > 0 && word[digits - 1] >= '0' && word[digits - 1] <= '9') --digits;
  if (digits == word.size() || digits == 0) return std::nullopt;
  auto building = domain::units::parse_building(word.substr(0, digits));
  if (!building) return std::nullopt;
  return unit_address{*building, std::string(word.substr(digits)), ""};
}

// "3栋", "3栋2单元", "3-2-1201": what a visit was to.
std::optional<unit_address> visited_place(std::string_view word) {
  if (auto a = domain::units::parse_unit_address(word)) return a;
  if (auto u = building_unit(word)) return u;
  if (auto b = parse_scope_building(word)) return unit_address{*b, "", ""};
  return std::nullopt;
}

// A room only in private chat; a building or unit as people say it.
std::string place_text(const bot::context& ctx, const unit_address& a) {
  return a.has_room() && !ctx.in_group() ? a.canonical() : a.masked(ctx.lang);
}

// 走访 地点 记录 [转工单]
bot::command_result log_visit(bot::context& ctx, const bot::args& a) {
  if (a.size() < 2) return ctx.usage();
  auto place = visited_place(a[0]);
  if (!place) return ctx.fail("visit.bad_place", fmt::arg("word", a[0]));
  if (a.size() == 2 && is_ticket_word(a[1])) return ctx.usage();  // a ticket of what?
  const bool to_ticket = a.size() > 2 && is_ticket_word(a[a.size() - 1]);
  const std::size_t last = to_ticket ? a.size() - 1 : a.size();
  const std::string note(bot::utf8::trim(
      std::string_view(a.body).substr(a.tokens[1].begin, a.tokens[last - 1].end - a.tokens[1].begin)));
  if (bot::utf8::length(note) > max_visit_note_points)
    return ctx.fail("visit.too_long", fmt::arg("max", max_visit_note_points));
  storage::visit_store visits(ctx.db().database);
  storage::visit_row v;
  v.community_id = ctx.community();
  v.building = place->building;
  v.unit = place->unit;
  v.room = place->room;
  v.note = note;
  v.staff_id = ctx.who.member.id;
  v.visited_at = ctx.now();
  v.id = visits.record(v);
  std::string out =
      ctx.text("visit.logged", fmt::arg("id", v.id), fmt::arg("place", place_text(ctx, *place)));
  if (to_ticket) {
    domain::tickets::report r;
    r.community_id = ctx.community();
    r.kind = domain::ticket_kind::repair;
    r.description = note;
    r.where = *place;
    r.reporter_id = ctx.who.member.id;
    r.origin_chat = ctx.chat.id;
    r.origin_message_id = ctx.msg.id;
    r.at = ctx.now();
    r.lang = std::string(bot::locale_tag(ctx.lang));
    auto t = desk_of(ctx.svc).open(domain::tickets::ticket_of(ctx.db(), r), {});
    visits.link_ticket(v.id, t.id);
    out += "\n" + created_reply(ctx, t);
  }
  ctx.reply(out);
  return std::nullopt;
}

// 走访统计 [本周|本月|上月…]: per building, visits per week of the period, and who got none.
bot::command_result coverage(bot::context& ctx, const bot::args& a) {
  if (a.size() > 1) return ctx.usage();
  const int offset = ctx.svc.cfg.community.utc_offset_minutes;
  auto p = parse_period(a.empty() ? "本月" : a[0], ctx.now(), offset);
  if (!p) return ctx.usage();
  storage::visit_store visits(ctx.db().database);
  const auto rows = visits.between(ctx.community(), p->from, p->to);
  auto buildings = visits.buildings(ctx.community());
  std::set<std::string> known(buildings.begin(), buildings.end());
  const int weeks = static_cast<int>((p->to - p->from + 7 * bot::day_ms - 1) / (7 * bot::day_ms));
  std::map<std::string, std::vector<int>> per_week;
  for (const auto& v : rows) {
    if (!known.count(v.building)) {
      known.insert(v.building);
      buildings.push_back(v.building);
    }
    auto& counts = per_week[v.building];
    counts.resize(static_cast<std::size_t>(weeks));
    ++counts[static_cast<std::size_t>((v.visited_at - p->from) / (7 * bot::day_ms))];
  }
  const bot::local_time_zone tz{offset};
  std::string out = ctx.text("visit.coverage_head", fmt::arg("period", period_text(ctx.svc.t, ctx.lang, *p)),
                             fmt::arg("n", rows.size()), fmt::arg("covered", per_week.size()),
                             fmt::arg("buildings", buildings.size()));
  std::string missing;
  for (const auto& b : buildings) {
    auto it = per_week.find(b);
    if (it == per_week.end()) {
      missing += (missing.empty() ? "" : "、") + scope_text(ctx.svc, ctx.lang, b);
      continue;
    }
    std::string line;
    for (int w = 0; w < weeks; ++w)
      line += (w ? " · " : "") +
              ctx.text("visit.week", fmt::arg("start", tz.format(p->from + w * 7 * bot::day_ms).substr(0, 5)),
                       fmt::arg("n", it->second[static_cast<std::size_t>(w)]));
    out += "\n" + scope_text(ctx.svc, ctx.lang, b) + "：" + line;
  }
  if (!missing.empty()) out += "\n" + ctx.text("visit.missing", fmt::arg("list", missing));
  ctx.reply(out);
  return std::nullopt;
}

// 回访列表
bot::command_result awaiting(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  storage::visit_store visits(ctx.db().database);
  const auto ids = visits.awaiting_return_visit(ctx.community(), awaiting_shown);
  if (ids.empty()) {
    reply_staff_view(ctx, ctx.text("visit.none_awaiting"));
    return std::nullopt;
  }
  const bool full = !ctx.in_group() || staff_view_goes_private(ctx);
  std::string out = ctx.text("visit.awaiting_head", fmt::arg("n", ids.size()));
  for (auto id : ids)
    if (auto t = ctx.db().tickets.get(id)) out += "\n" + ticket_work_line(ctx, *t, full);
  out += "\n" + ctx.text("visit.awaiting_hint");
  reply_staff_view(ctx, out);
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> visit_commands() {
  using bot::role;
  return {
      {.id = "visit.log",
       .zh = {"走访"},
       .en = {"rounds"},
       .topic = "staff",
       .min_role = role::staff,
       .run = log_visit,
       .bare_match = [](const bot::args& a) { return a.size() >= 2 && visited_place(a[0]).has_value(); }},
      {.id = "visit.coverage",
       .zh = {"走访统计"},
       .en = {"rounds stats"},
       .topic = "staff",
       .min_role = role::manager,
       .run = coverage},
      {.id = "visit.awaiting",
       .zh = {"回访列表"},
       .en = {"visits due"},
       .topic = "staff",
       .min_role = role::manager,
       .run = awaiting},
  };
}

}  // namespace commands
