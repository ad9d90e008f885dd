#include "commands/emergency_view.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "bot/member_role.hpp"
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

std::int64_t percent(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? part * 100 / whole : 0;
}

std::string ratio(std::int64_t acked, std::int64_t total) {
  return fmt::format("{}/{}", acked, total);
}

// Acknowledgements against the people heard in the emergency's groups. Staff, managers and admins
// are not asked to acknowledge (reminders leave them out), so they count neither way.
struct people_count {
  struct group {
    std::int64_t chat_id = 0;
    std::string title;
    std::int64_t acked = 0;
    std::int64_t heard = 0;
  };
  std::vector<group> groups;
  std::int64_t acked = 0;  // different people, wherever they acknowledged
  std::int64_t heard = 0;  // different people heard in any of the groups
};

people_count count_people(bot::services& svc, const storage::emergency_row& e) {
  std::map<std::int64_t, bool> counts;  // member → not staff
  auto resident = [&](std::int64_t member_id) {
    auto [it, fresh] = counts.try_emplace(member_id, false);
    if (fresh)
      if (auto m = svc.db.members.get(member_id))
        it->second = !bot::at_least(bot::member_role(svc, *m, e.community_id), bot::role::staff);
    return it->second;
  };
  people_count out;
  std::set<std::int64_t> heard, acked;
  std::map<std::int64_t, std::int64_t> acked_in;  // chat → people
  for (const auto& a : svc.db.emergencies.acks(e.id)) {
    if (!resident(a.member_id)) continue;
    acked.insert(a.member_id);
    if (a.chat_id != 0) ++acked_in[a.chat_id];
  }
  for (auto chat_id : svc.db.emergencies.group_ids(e.id)) {
    people_count::group g;
    g.chat_id = chat_id;
    if (auto chat = svc.db.chats.get(chat_id)) g.title = chat->title.empty() ? chat->ref.id : chat->title;
    for (auto member_id : svc.db.chats.members_of(chat_id))
      if (resident(member_id)) {
        ++g.heard;
        heard.insert(member_id);
      }
    g.acked = acked_in[chat_id];
    out.groups.push_back(std::move(g));
  }
  out.acked = static_cast<std::int64_t>(acked.size());
  heard.insert(acked.begin(), acked.end());  // someone who answered privately counts as heard
  out.heard = static_cast<std::int64_t>(heard.size());
  return out;
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

ack_totals count_acks(bot::services& svc, const storage::emergency_row& e) {
  ack_totals t;
  auto households = svc.db.emergencies.household_acks(e.id, e.community_id, e.building);
  if (!households.empty()) {
    t.households = true;
    for (const auto& h : households) {
      t.acked += h.acked;
      t.total += h.total;
    }
    return t;
  }
  auto people = count_people(svc, e);
  t.acked = people.acked;
  t.total = people.heard;
  return t;
}

std::string ack_totals_text(const bot::services& svc, bot::locale l, const ack_totals& t) {
  return svc.t(l, t.households ? "emergency.acks.households" : "emergency.acks.people",
               fmt::arg("acked", t.acked), fmt::arg("total", t.total),
               fmt::arg("percent", percent(t.acked, t.total)));
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
  out += "\n" + ack_totals_text(svc, l, count_acks(svc, e));

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
  auto groups = count_people(svc, e).groups;
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
    return a.acked * std::max<std::int64_t>(b.heard, 1) < b.acked * std::max<std::int64_t>(a.heard, 1);
  });
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
