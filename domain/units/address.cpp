#include "domain/units/address.hpp"

#include <regex>
#include <vector>

#include "bot/utf8.hpp"

namespace domain::units {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Reads a run of ASCII letters and digits at s[i].
std::string read_word(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  while (i < s.size() && is_alnum(s[i])) ++i;
  return std::string(s.substr(start, i - start));
}

bool eat(std::string_view s, std::size_t& i, std::string_view word) {
  if (s.substr(i, word.size()) != word) return false;
  i += word.size();
  return true;
}

bool eat_any(std::string_view s, std::size_t& i, std::initializer_list<std::string_view> words) {
  for (auto w : words)
    if (eat(s, i, w)) return true;
  return false;
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

std::string unit_address::canonical() const {
  std::string out = building;
  if (!unit.empty()) out += "-" + unit;
  if (!room.empty()) out += "-" + room;
  return out;
}

std::string unit_address::masked(bot::locale l) const {
  const auto& t = bot::texts::embedded();
  return unit.empty() ? t(l, "address.building", fmt::arg("building", building))
                      : t(l, "address.unit", fmt::arg("building", building), fmt::arg("unit", unit));
}

std::optional<unit_address> parse_unit_address(std::string_view raw) {
  std::string folded = bot::utf8::fold_width(bot::utf8::trim(raw));
  std::string_view s = folded;
  std::size_t i = 0;
  unit_address a;
  a.building = upper(read_word(s, i));
  if (a.building.empty()) return std::nullopt;

  if (i < s.size() && (s[i] == '-' || s[i] == '_')) {  // 3-2-1201 or 3-1201
    std::vector<std::string> parts{a.building};
    while (i < s.size() && (s[i] == '-' || s[i] == '_')) {
      ++i;
      std::string w = upper(read_word(s, i));
      if (w.empty()) return std::nullopt;
      parts.push_back(w);
    }
    if (i != s.size() || parts.size() > 3) return std::nullopt;
    if (parts.size() == 3) {
      a.unit = parts[1];
      a.room = parts[2];
    } else {
      a.room = parts[1];
    }
    return a;
  }
  // 3栋2单元1201室 / 3号楼2单元1201 / 3幢1201 / 3#2-1201
  if (!eat_any(s, i, {"号楼", "#楼", "栋", "幢", "座", "#", "号"})) return std::nullopt;
  if (i == s.size()) return a;  // a whole building
  std::size_t save = i;
  std::string second = upper(read_word(s, i));
  if (second.empty()) return std::nullopt;
  if (eat_any(s, i, {"单元", "-"})) {
    a.unit = second;
    a.room = upper(read_word(s, i));
    if (a.room.empty()) return std::nullopt;
  } else {
    i = save;
    a.room = upper(read_word(s, i));
  }
  eat_any(s, i, {"室", "号"});
  if (i != s.size()) return std::nullopt;
  return a;
}

std::optional<address_words> parse_address_words(const std::vector<std::string_view>& words) {
  auto is = [&](std::size_t i, std::initializer_list<std::string_view> names) {
    if (i >= words.size()) return false;
    const std::string w = bot::utf8::to_lower_ascii(words[i]);
    for (auto n : names)
      if (w == n) return true;
    return false;
  };
  auto value = [&](std::size_t i) -> std::string {  // "5", "A", "1201": one short word
    if (i >= words.size()) return {};
    std::size_t at = 0;
    std::string w = upper(read_word(words[i], at));
    return at == words[i].size() && w.size() <= 5 ? w : std::string();
  };
  if (!is(0, {"bldg", "bldg.", "building", "block", "blk"})) return std::nullopt;
  address_words out;
  out.address.building = value(1);
  if (out.address.building.empty()) return std::nullopt;
  out.used = 2;
  if (is(out.used, {"unit"}) && !value(out.used + 1).empty()) {
    out.address.unit = value(out.used + 1);
    out.used += 2;
  }
  if (is(out.used, {"room", "rm", "apt", "flat", "#"}) && !value(out.used + 1).empty()) {
    out.address.room = value(out.used + 1);
    out.used += 2;
  }
  return out;
}

std::optional<std::string> parse_building(std::string_view text) {
  auto a = parse_unit_address(text);
  if (a && !a->has_room() && a->unit.empty()) return a->building;
  std::string folded = bot::utf8::fold_width(bot::utf8::trim(text));
  if (!folded.empty() && folded.size() <= 4) {
    bool digits = true;
    for (char c : folded) digits = digits && c >= '0' && c <= '9';
    if (digits) return folded;
  }
  return std::nullopt;
}

std::optional<std::string> find_building(std::string_view text) {
  static const std::regex building("([0-9]{1,3})(栋|号楼|幢|#楼)");
  static const std::regex english(R"((?:^|[^A-Za-z])(?:bldg\.?|building|block)\s*([0-9]{1,3})(?![0-9]))",
                                  std::regex::icase);
  std::string s(text);
  std::smatch m;
  if (std::regex_search(s, m, building) || std::regex_search(s, m, english)) return m[1].str();
  return std::nullopt;
}

}  // namespace domain::units
