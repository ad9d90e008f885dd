#include "commands/emergency_view.hpp"

#include <algorithm>
#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "commands/broadcast.hpp"
#include "commands/text_ids.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::privacy::redact_rooms;

namespace {

constexpr std::size_t max_group_lines = 15;
constexpr std::size_t max_building_lines = 10;

const bot::emergency_template* template_of(const bot::services& svc, const storage::emergency_row& e) {
  for (const auto& t : svc.cfg.emergency.templates)
    if (t.id == e.template_id) return &t;
  return nullptr;
}

std::int64_t emergency_percent(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? part * 100 / whole : 0;
}

std::string ratio(std::int64_t acked, std::int64_t total) {
  return fmt::format("{}/{}", acked, total);
}

}  // namespace

std::string emergency_title(const bot::services& svc, bot::locale l, const storage::emergency_row& e) {
  const auto* t = template_of(svc, e);
  if (!t) return e.title.empty() ? svc.t(l, "emergency.untitled") : e.title;
  const std::string& configured = l == bot::locale::en_US ? t->title_en : t->title_zh;
  if (!configured.empty()) return configured;
  const auto* builtin = builtin_template_texts(t->id);  // the config gives a title to any other
  return svc.t(l, builtin ? builtin->title : std::string_view("emergency.untitled"));
}

std::string emergency_help_line(const bot::services& svc, bot::locale l) {
  const std::string& phone = svc.cfg.emergency.duty_phone;
  return phone.empty() ? svc.t(l, "emergency.help")
                       : svc.t(l, "emergency.help_phone", fmt::arg("phone", phone));
}

bot::outgoing render_alert(const bot::services& svc, bot::locale l, const storage::emergency_row& e) {
  std::string text =
      svc.t(l, "emergency.alert", fmt::arg("id", e.id), fmt::arg("title", emergency_title(svc, l, e)),
            fmt::arg("scope", scope_text(svc, l, e.building)));
  if (!e.detail.empty()) text += "\n" + redact_rooms(e.detail, l);
  if (const auto* t = template_of(svc, e)) {
    const std::string& configured = l == bot::locale::en_US ? t->en : t->zh;
    const auto* builtin = builtin_template_texts(t->id);
    text += "\n" + (configured.empty() && builtin ? svc.t(l, builtin->advice) : configured);
  }
  text += "\n" + emergency_help_line(svc, l);
  bot::outgoing o = bot::outgoing::plain(std::move(text));
  o.mention_all = true;  // adapters decide whether the account may
  return o;
}

std::string ack_totals_text(const bot::services& svc, bot::locale l, const domain::broadcast::ack_totals& t) {
  return svc.t(l, t.households ? "emergency.acks.households" : "emergency.acks.people",
               fmt::arg("acked", t.acked), fmt::arg("total", t.total),
               fmt::arg("percent", emergency_percent(t.acked, t.total)));
}

std::string ack_report(bot::context& ctx, const storage::emergency_row& e) {
  auto& svc = ctx.svc;
  const bot::locale l = ctx.lang;
  std::string state =
      e.open() ? ctx.text("emergency.state.open",
                          fmt::arg("elapsed", bot::duration_text(svc.t, l, ctx.now() - e.started_at)))
               : ctx.text("emergency.state.closed",
                          fmt::arg("elapsed", bot::duration_text(svc.t, l, *e.closed_at - e.started_at)));
  std::string out =
      ctx.text("emergency.acks.head", fmt::arg("id", e.id), fmt::arg("title", emergency_title(svc, l, e)),
               fmt::arg("scope", scope_text(svc, l, e.building)), fmt::arg("state", state));
  out += "\n" + ack_totals_text(svc, l, domain::broadcast::count_acks(svc, e));

  // By building: roster households per unit (3栋 1单元 40/44 · 2单元 30/44).
  auto households = svc.db.emergencies.household_acks(e.id, e.community_id, e.building);
  std::map<std::string, std::vector<std::string>> by_building;
  std::vector<std::string> building_order;
  for (const auto& h : households) {
    if (!by_building.contains(h.building)) building_order.push_back(h.building);
    by_building[h.building].push_back(h.unit.empty()
                                          ? ratio(h.acked, h.total)
                                          : ctx.text("emergency.acks.unit", fmt::arg("unit", h.unit),
                                                     fmt::arg("acked", h.acked), fmt::arg("total", h.total)));
  }
  std::size_t shown = 0;
  for (const auto& b : building_order) {
    if (shown++ == max_building_lines) break;
    out += "\n" + ctx.text("emergency.acks.building", fmt::arg("building", scope_text(svc, l, b)),
                           fmt::arg("counts", fmt::format("{}", fmt::join(by_building[b], " · "))));
  }

  // By group, the least acknowledged first: where staff should push.
  auto groups = domain::broadcast::count_people(svc, e).groups;
  if (!groups.empty()) out += "\n" + ctx.text("emergency.acks.groups_head");
  shown = 0;
  for (const auto& g : groups) {
    if (shown == max_group_lines) break;
    out += "\n" + ctx.text("emergency.acks.group", fmt::arg("group", g.title), fmt::arg("acked", g.acked),
                           fmt::arg("heard", std::max(g.heard, g.acked)));
    ++shown;
  }
  if (groups.size() > shown)
    out += "\n" + ctx.text("emergency.acks.more_groups", fmt::arg("n", groups.size() - shown));
  return out;
}

}  // namespace commands
