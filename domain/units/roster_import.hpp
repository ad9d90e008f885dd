// `estatebot import-roster roster.csv`: loads the owner roster (building, unit, room, area m²,
// owner name, phone) into one community. Only the phone's last four digits are kept.
#pragma once
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace storage {
struct stores;
}

namespace domain::units {

struct roster_report {
  int imported = 0;
  std::vector<std::string> errors;  // "line 7: area \"abc\" is not a number"
};

roster_report import_roster(storage::stores& db, std::int64_t community_id, std::istream& csv);

std::vector<std::string> split_csv_line(const std::string& line);       // RFC 4180 quoting
std::optional<std::int64_t> parse_area_centi(const std::string& text);  // "89.5" → 8950; no floats

}  // namespace domain::units
