#include "domain/votes/ballot_export.hpp"

#include <fmt/format.h>

#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "storage/stores.hpp"

namespace domain::votes {
namespace {

std::string cell(const std::string& raw) {
  // A nickname or an option that starts like a formula stays text in a spreadsheet.
  const bool formula = !raw.empty() && std::string_view("=+-@\t\r").find(raw[0]) != std::string_view::npos;
  const std::string s = formula ? "'" + raw : raw;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string row(std::initializer_list<std::string> cells) {
  std::string out;
  for (const auto& c : cells) out += (out.empty() ? "" : ",") + cell(c);
  return out + "\r\n";
}

std::string choices_of(const storage::vote_row& v, const std::vector<int>& choices) {
  std::string out;
  for (int c : choices)
    if (c >= 0 && static_cast<std::size_t>(c) < v.options.size())
      out += (out.empty() ? "" : "; ") + v.options[static_cast<std::size_t>(c)];
  return out;
}

std::string area(std::int64_t centi) {
  return fmt::format("{}.{:02}", centi / 100, centi % 100);
}

}  // namespace

ballot_csv export_ballots(bot::services& svc, const storage::vote_row& v) {
  const bot::local_time_zone tz{svc.cfg.community.utc_offset_minutes};
  auto& db = svc.db;
  auto name_of = [&](std::optional<std::int64_t> id) {
    if (!id) return std::string();
    auto m = db.members.get(*id);
    return m ? (m->display_name.empty() ? m->user_id : m->display_name) : std::string();
  };
  auto time_of = [&](std::optional<std::int64_t> at) {
    return at ? tz.format_with_year(*at) : std::string();
  };
  ballot_csv out;
  out.text = "\xEF\xBB\xBF";
  if (v.assembly) {
    if (v.secret)
      out.text += row({"楼栋", "单元", "房号", "面积(m²)", "已投票"});
    else
      out.text += row({"楼栋", "单元", "房号", "面积(m²)", "业主(花名册)", "投票人", "选择", "投票时间"});
    for (const auto& r : db.votes.rooms(v.id)) {
      auto u = db.units.get(r.unit_id);
      if (!u) continue;
      if (v.secret) {
        out.text += row({u->building, u->unit, u->room, area(r.area_centi), r.voted_at ? "是" : "否"});
        continue;
      }
      auto b = r.voted_at ? db.votes.ballot(v.id, "unit:" + std::to_string(r.unit_id)) : std::nullopt;
      if (b) ++out.ballots;
      out.text +=
          row({u->building, u->unit, u->room, area(r.area_centi), u->owner_name, b ? name_of(b->cast_by) : "",
               b ? choices_of(v, b->choices) : "", b ? time_of(b->cast_at) : ""});
    }
    if (!v.secret) return out;
    out.text += "\r\n" + row({"匿名选票（与房屋无对应关系）"});
  } else {
    out.text += v.secret ? row({"选择"}) : row({"投票人", "选择", "投票时间"});
  }
  for (const auto& b : db.votes.ballots(v.id)) {
    ++out.ballots;
    if (v.secret)
      out.text += row({choices_of(v, b.choices)});
    else
      out.text += row({name_of(b.cast_by), choices_of(v, b.choices), time_of(b.cast_at)});
  }
  return out;
}

}  // namespace domain::votes
