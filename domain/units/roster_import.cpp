#include "domain/units/roster_import.hpp"

#include <fmt/format.h>

#include "bot/utf8.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace domain::units {
namespace {

std::string digits_of(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out.push_back(c);
  return out;
}

std::string clean(const std::string& s) {
  return bot::utf8::fold_width(bot::utf8::trim(s));
}

// "3栋" → "3", "2单元" → "2", "1201室" → "1201": the roster may use either style.
std::string strip_suffix(std::string s, std::initializer_list<std::string_view> suffixes) {
  for (auto suf : suffixes)
    if (s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0)
      return s.substr(0, s.size() - suf.size());
  return s;
}

}  // namespace

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

std::optional<std::int64_t> parse_area_centi(const std::string& text) {
  std::string s = clean(text);
  s = strip_suffix(s, {"m²", "㎡", "m2", "平方米", "平米"});
  if (s.empty()) return std::nullopt;
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool dot = false;
  for (char c : s) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      if (dot) {
        if (++frac_digits > 2) return std::nullopt;
        frac = frac * 10 + (c - '0');
      } else {
        whole = whole * 10 + (c - '0');
        if (whole > 1'000'000) return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
  }
  if (frac_digits == 1) frac *= 10;
  return whole * 100 + frac;
}

roster_report import_roster(storage::stores& db, std::int64_t community_id, std::istream& csv) {
  roster_report report;
  std::string line;
  int line_no = 0;
  storage::transaction txn(db.database);
  while (std::getline(csv, line)) {
    ++line_no;
    if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // a BOM from Excel
    if (bot::utf8::trim(line).empty() || line.front() == '#') continue;
    auto f = split_csv_line(line);
    if (f.size() < 6) {
      report.errors.push_back(
          fmt::format("line {}: expected 6 columns (building, unit, room, area, name, phone), got {}",
                      line_no, f.size()));
      continue;
    }
    auto area = parse_area_centi(f[3]);
    if (!area) {
      if (report.imported == 0 && report.errors.empty()) continue;  // the header row
      report.errors.push_back(
          fmt::format("line {}: area \"{}\" is not a number of m² (at most 2 decimals)", line_no, f[3]));
      continue;
    }
    storage::unit_row u;
    u.community_id = community_id;
    u.building = strip_suffix(clean(f[0]), {"号楼", "栋", "幢", "座", "#"});
    u.unit = strip_suffix(clean(f[1]), {"单元"});
    u.room = strip_suffix(clean(f[2]), {"室", "号"});
    u.area_centi = *area;
    u.owner_name = clean(f[4]);
    std::string phone = digits_of(f[5]);
    u.phone_tail = phone.size() >= 4 ? phone.substr(phone.size() - 4) : "";
    if (u.building.empty() || u.room.empty()) {
      report.errors.push_back(fmt::format("line {}: building and room are required", line_no));
      continue;
    }
    auto typed = parse_unit_address(unit_address{u.building, u.unit, u.room}.canonical());
    if (!typed || !typed->has_room()) {
      report.errors.push_back(fmt::format("line {}: \"{}-{}-{}\" is not a room owners could type", line_no,
                                          u.building, u.unit, u.room));
      continue;
    }
    u.building = typed->building;  // the same spelling the bot reads from chat ("a" → "A")
    u.unit = typed->unit;
    u.room = typed->room;
    db.units.upsert(u);
    ++report.imported;
  }
  txn.commit();
  return report;
}

}  // namespace domain::units
