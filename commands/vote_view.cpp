#include "commands/vote_view.hpp"

#include <fmt/format.h>

#include <set>

#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "commands/broadcast.hpp"
#include "domain/privacy/redact.hpp"
#include "domain/votes/ballot_box.hpp"

namespace commands {
namespace {

using domain::votes::electorate;
using domain::votes::participation;
using domain::votes::share;
using domain::votes::share_at;

std::string when(const bot::services& svc, std::int64_t ms) {
  return bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(ms);
}

// "66.7%" from part/whole, in integers; "-" for nothing of nothing.
// Rounded down, so that a share just short of 2/3 never reads as 66.7%.
std::string vote_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  const std::int64_t permille = part * 1000 / whole;
  return fmt::format("{}.{}%", permille / 10, permille % 10);
}

std::string kind_line(const bot::services& svc, bot::locale l, const storage::vote_row& v) {
  const std::string secrecy = svc.t(l, v.secret ? "vote.secret" : "vote.named");
  if (v.assembly)
    return svc.t(l, "vote.kind_assembly", fmt::arg("matter", v.matter),
                 fmt::arg("matter_name", svc.t(l, "vote.matter." + std::to_string(v.matter))),
                 fmt::arg("secrecy", secrecy));
  return svc.t(l, v.multiple ? "vote.kind_poll_multiple" : "vote.kind_poll", fmt::arg("secrecy", secrecy));
}

std::string status_line(const bot::services& svc, bot::locale l, const storage::vote_row& v) {
  if (v.closed_at) return svc.t(l, "vote.status_closed", fmt::arg("time", when(svc, *v.closed_at)));
  return svc.t(l, "vote.status_open", fmt::arg("time", when(svc, v.deadline)));
}

std::string title(const storage::vote_row& v, bot::locale l) {
  return domain::privacy::redact_rooms(v.title, l);
}

std::string assembly_participation(const bot::services& svc, bot::locale l, const share& total,
                                   const share& part) {
  return svc.t(
      l, "vote.participation", fmt::arg("rooms", part.rooms), fmt::arg("total_rooms", total.rooms),
      fmt::arg("area", area_text(part.area_centi)), fmt::arg("total_area", area_text(total.area_centi)),
      fmt::arg("area_pct", vote_percent(part.area_centi, total.area_centi)), fmt::arg("heads", part.heads),
      fmt::arg("total_heads", total.heads), fmt::arg("heads_pct", vote_percent(part.heads, total.heads)));
}

std::string option_lines(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                         const domain::votes::tally& t, const std::string& building) {
  const share part = share_at(t, building, participation);
  std::string out;
  for (std::size_t i = 0; i < v.options.size(); ++i) {
    const share s = share_at(t, building, static_cast<int>(i));
    if (v.assembly)
      out +=
          "\n" + svc.t(l, "vote.option_line", fmt::arg("label", v.options[i]),
                       fmt::arg("area", area_text(s.area_centi)),
                       fmt::arg("area_pct", vote_percent(s.area_centi, part.area_centi)),
                       fmt::arg("heads", s.heads), fmt::arg("heads_pct", vote_percent(s.heads, part.heads)),
                       fmt::arg("rooms", s.rooms));
    else
      out += "\n" + svc.t(l, "vote.poll_line", fmt::arg("label", v.options[i]), fmt::arg("heads", s.heads),
                          fmt::arg("pct", vote_percent(s.heads, part.heads)));
  }
  return out;
}

std::string verdict_lines(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                          const domain::votes::tally& t) {
  const auto o = domain::votes::result_of(v, t);
  std::string out;
  if (o.adjusted) {
    const share& raw_part = o.raw.participating;
    const share& total = o.raw.total;
    const bool to_yes =
        o.counted.yes.area_centi != o.raw.yes.area_centi || o.counted.yes.heads != o.raw.yes.heads;
    out += "\n" + svc.t(l, to_yes ? "vote.unreturned_yes" : "vote.unreturned_no",
                        fmt::arg("rooms", total.rooms - raw_part.rooms),
                        fmt::arg("area", area_text(total.area_centi - raw_part.area_centi)),
                        fmt::arg("heads", total.heads - raw_part.heads),
                        fmt::arg("yes_area_pct", vote_percent(o.counted.yes.area_centi, total.area_centi)),
                        fmt::arg("yes_heads_pct", vote_percent(o.counted.yes.heads, total.heads)));
  }
  if (o.adjusted && !domain::votes::decide(o.raw, v.matter, false).quorum)
    out += "\n" + svc.t(l, "vote.raw_quorum_missing");
  const char* verdict = !o.quorum  ? "vote.verdict_invalid"
                        : o.passed ? "vote.verdict_passed"
                                   : "vote.verdict_failed";
  const char* rule =
      domain::votes::needs_three_quarters(v.matter) ? "vote.rule_three_quarters" : "vote.rule_half";
  out += "\n" + svc.t(l, rule, fmt::arg("matter", v.matter), fmt::arg("verdict", svc.t(l, verdict)));
  return out;
}

}  // namespace

std::string vote_ref(std::int64_t id) {
  return "vote:" + std::to_string(id);
}

std::string area_text(std::int64_t centi) {
  return fmt::format("{}.{:02}", centi / 100, centi % 100);
}

std::string option_list(const storage::vote_row& v) {
  std::string out;
  for (std::size_t i = 0; i < v.options.size(); ++i)
    out += fmt::format("{}{}.{}", i ? "  " : "", i + 1, v.options[i]);
  return out;
}

std::string chosen_text(const storage::vote_row& v, const std::vector<int>& choices) {
  std::string out;
  for (int c : choices)
    if (c >= 0 && static_cast<std::size_t>(c) < v.options.size())
      out += (out.empty() ? "" : "、") + v.options[static_cast<std::size_t>(c)];
  return out;
}

bot::outgoing vote_announcement(const bot::services& svc, bot::locale l, const storage::vote_row& v) {
  const std::string first = v.options.empty() ? "1" : v.options[static_cast<std::size_t>(v.approve_option)];
  return bot::outgoing::plain(
      svc.t(l, v.assembly ? "vote.announce_assembly" : "vote.announce_poll", fmt::arg("id", v.id),
            fmt::arg("title", title(v, l)), fmt::arg("kind", kind_line(svc, l, v)),
            fmt::arg("options", option_list(v)), fmt::arg("deadline", when(svc, v.deadline)),
            fmt::arg("scope", scope_text(svc, l, v.building)),
            fmt::arg("how", svc.t(l, v.secret ? "vote.how_secret" : "vote.how_named", fmt::arg("id", v.id),
                                  fmt::arg("first", first)))));
}

std::string vote_progress(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                          const domain::votes::tally& t) {
  std::string out = svc.t(l, "vote.heading", fmt::arg("id", v.id), fmt::arg("title", title(v, l))) + "\n" +
                    kind_line(svc, l, v) + "\n" + status_line(svc, l, v);
  const share part = share_at(t, "", participation);
  if (v.assembly) {
    const share total = share_at(t, "", electorate);
    out += "\n" + assembly_participation(svc, l, total, part);
    const bool quorum = part.area_centi * 3 >= total.area_centi * 2 && part.heads * 3 >= total.heads * 2;
    out += "\n" + svc.t(l, quorum ? "vote.quorum_reached" : "vote.quorum_missing");
  } else {
    out += "\n" + svc.t(l, "vote.poll_count", fmt::arg("heads", part.heads));
  }
  out += "\n" + svc.t(l, "vote.options", fmt::arg("options", option_list(v)), fmt::arg("id", v.id));
  return out;
}

std::string vote_result(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                        const domain::votes::tally& t) {
  std::string out = svc.t(l, "vote.result_heading", fmt::arg("id", v.id), fmt::arg("title", title(v, l)));
  const share part = share_at(t, "", participation);
  if (!v.assembly) {
    out += "\n" + svc.t(l, "vote.poll_count", fmt::arg("heads", part.heads));
    return out + option_lines(svc, l, v, t, "");
  }
  out += "\n" + assembly_participation(svc, l, share_at(t, "", electorate), part);
  out += option_lines(svc, l, v, t, "");
  return out + verdict_lines(svc, l, v, t);
}

std::string vote_details(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                         const domain::votes::tally& t) {
  std::set<std::string> buildings;
  for (const auto& [key, s] : t)
    if (!key.first.empty()) buildings.insert(key.first);
  std::string out = svc.t(l, "vote.details_heading", fmt::arg("id", v.id), fmt::arg("title", title(v, l)));
  if (!v.assembly || buildings.empty()) return out + "\n" + svc.t(l, "vote.details_none");
  const bool show_choices = v.closed_at && !v.secret;
  for (const auto& b : buildings) {
    out += "\n" + scope_text(svc, l, b) + "：" +
           assembly_participation(svc, l, share_at(t, b, electorate), share_at(t, b, participation));
    if (show_choices) out += option_lines(svc, l, v, t, b);
  }
  if (!show_choices) out += "\n" + svc.t(l, v.secret ? "vote.details_secret" : "vote.details_after_close");
  return out;
}

std::string vote_line(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                      const domain::votes::tally& t) {
  std::string state;
  if (!v.closed_at)
    state = svc.t(l, "vote.line_open", fmt::arg("time", when(svc, v.deadline)));
  else if (!v.assembly)
    state = svc.t(l, "vote.line_closed");
  else {
    const auto o = domain::votes::result_of(v, t);
    state = svc.t(l, !o.quorum  ? "vote.verdict_invalid"
                     : o.passed ? "vote.verdict_passed"
                                : "vote.verdict_failed");
  }
  return svc.t(l, "vote.line", fmt::arg("id", v.id), fmt::arg("title", title(v, l)),
               fmt::arg("state", state));
}

}  // namespace commands
