#include "domain/privacy/redact_addresses.hpp"

#include <array>
#include <optional>
#include <string>

#include "domain/units/address.hpp"

namespace domain::privacy {
namespace {

using units::parse_unit_address;
using units::unit_address;

constexpr std::size_t max_address_bytes = 40;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_digit(c) || is_alpha(c);
}
bool starts_with(std::string_view s, std::size_t at, std::string_view word) {
  return s.substr(at, word.size()) == word;
}
bool ends_with(std::string_view s, std::size_t at, std::string_view word) {
  return at >= word.size() && s.substr(at - word.size(), word.size()) == word;
}
template <std::size_t N>
bool starts_with_any(std::string_view s, std::size_t at, const std::array<std::string_view, N>& words) {
  for (auto w : words)
    if (starts_with(s, at, w)) return true;
  return false;
}

std::size_t run_of(std::string_view s, std::size_t i, bool (*pred)(char)) {
  std::size_t j = i;
  while (j < s.size() && pred(s[j])) ++j;
  return j - i;
}

// Words that join the parts of an address; a prefix of another comes after it.
constexpr std::array<std::string_view, 11> markers{"号楼", "#楼", "单元", "栋", "幢", "座",
                                                   "#",    "号",  "室",   "房", "楼"};
constexpr std::array<std::string_view, 7> building_markers{"号楼", "#楼", "栋", "幢", "座", "#", "号"};
constexpr std::array<std::string_view, 3> room_suffixes{"室", "号", "房"};

std::size_t marker_at(std::string_view s, std::size_t i) {
  for (auto m : markers)
    if (starts_with(s, i, m)) return m.size();
  return 0;
}

// Where an address starting at `start` could end: after each word, and after 室, 房, 号 or 楼.
// An address has at most four words (building, unit, floor, room), two dashes and each marker
// once, so "3栋3栋3栋…" or "1楼1楼…" cost a few steps from each start, not forty bytes of them.
std::vector<std::size_t> possible_ends(std::string_view s, std::size_t start) {
  std::vector<std::size_t> ends;
  std::size_t j = start, words = 0, dashes = 0;
  bool building = false, unit = false, floor = false;
  while (j < s.size() && j - start < max_address_bytes && words++ < 4) {
    const std::size_t run = run_of(s, j, is_alnum);
    if (run == 0) break;
    j += run;
    ends.push_back(j);
    if (j + 1 < s.size() && (s[j] == '-' || s[j] == '_') && is_alnum(s[j + 1]) && dashes++ < 2) {
      ++j;
      continue;
    }
    std::size_t k = j < s.size() && s[j] == ' ' ? j + 1 : j;  // "3栋 2单元 1201"
    std::size_t m = marker_at(s, k);
    if (m == 0) break;
    const std::string_view word = s.substr(k, m);
    const bool room_end = word == "室" || word == "房" || (word == "号" && building);
    bool& seen = word == "单元" ? unit : word == "楼" ? floor : building;
    if (!room_end && seen) break;
    seen = true;
    j = k + m;
    if (room_end || word == "号" || word == "楼") ends.push_back(j);
    if (room_end) break;
    if (j < s.size() && s[j] == ' ' && j + 1 < s.size() && is_alnum(s[j + 1])) ++j;
  }
  return ends;
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out.push_back(c);
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && run_of(s, 0, is_digit) == s.size();
}

// Guards against what merely looks like an address: a date ("2024-12-01": no building has four
// characters), a floor ("3栋12": rooms have three to five), words.
bool plausible(const unit_address& a) {
  if (a.room.size() < 3 || a.room.size() > 5 || run_of(a.room, 0, is_alpha) == a.room.size()) return false;
  if (a.building.empty() || a.building.size() > 3) return false;
  if (run_of(a.building, 0, is_alpha) == a.building.size() && a.building.size() > 2) return false;
  return a.unit.size() <= 2;
}

// "1201室" / "1201号" / "1201房": a room number with nothing before it.
std::optional<std::string> bare_room(std::string_view cand) {
  for (auto suffix : room_suffixes) {
    if (cand.size() <= suffix.size() || !ends_with(cand, cand.size(), suffix)) continue;
    std::string_view digits = cand.substr(0, cand.size() - suffix.size());
    if (digits.size() < 3 || digits.size() > 5 || !all_digits(digits)) return std::nullopt;
    return "***" + std::string(suffix);
  }
  return std::nullopt;
}

struct floor_address {
  unit_address place;  // building and unit: what a group may read
  bool room = false;   // a room after the floor ("12楼01")
};

// "3栋13楼", "3号楼2单元12楼01", "3栋2单元12楼01室".
std::optional<floor_address> read_floor_address(std::string_view c) {
  floor_address f;
  std::size_t i = run_of(c, 0, is_alnum);
  if (i == 0 || i > 3) return std::nullopt;
  f.place.building = std::string(c.substr(0, i));
  std::size_t m = 0;
  for (auto b : building_markers)
    if (starts_with(c, i, b)) {
      m = b.size();
      break;
    }
  if (m == 0) return std::nullopt;
  i += m;
  std::size_t n = run_of(c, i, is_alnum);
  if (n > 0 && n <= 2 && starts_with(c, i + n, "单元")) {
    f.place.unit = std::string(c.substr(i, n));
    i += n + std::string_view("单元").size();
    n = run_of(c, i, is_alnum);
  }
  if (n == 0 || n > 2 || !all_digits(c.substr(i, n)) || !starts_with(c, i + n, "楼")) return std::nullopt;
  i += n + std::string_view("楼").size();
  if (const std::size_t r = run_of(c, i, is_digit); r > 0 && r <= 4) {
    f.room = true;
    i += r;
    for (auto suffix : room_suffixes)
      if (starts_with(c, i, suffix)) i += suffix.size();
  }
  if (i != c.size()) return std::nullopt;
  for (char& ch : f.place.building)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return f;
}

// Shared places on a floor, and ranges of floors: "3栋12楼楼道", "3栋13楼至15楼".
bool public_place_at(std::string_view s, std::size_t at) {
  static constexpr std::array<std::string_view, 22> words{
      "楼道", "走廊", "电梯", "楼梯", "消防", "平台", "大厅", "大堂", "公共",   "过道", "通道",
      "管道", "水井", "电井", "天台", "机房", "会议", "活动", "物业", "架空层", "至",   "-"};
  return starts_with_any(s, at, words);
}

// "100-200块钱", "3-5天": a range of an amount or a count, not a building and a room.
bool amount_follows(std::string_view s, std::size_t at) {
  static constexpr std::array<std::string_view, 14> units{"元", "块", "米",   "平",   "天", "人", "个",
                                                          "次", "%",  "分钟", "小时", "户", "吨", "度"};
  return starts_with_any(s, at, units);
}

// "3.2.1201", "3/2/1201": building, unit and room with one separator; not a date ("6/12/2026").
std::optional<std::size_t> dotted_address(std::string_view s, std::size_t i, unit_address& a) {
  const std::size_t b = run_of(s, i, is_digit);
  if (b == 0 || b > 3 || i + b >= s.size() || (s[i + b] != '.' && s[i + b] != '/')) return std::nullopt;
  const char sep = s[i + b];
  const std::size_t u_at = i + b + 1, u = run_of(s, u_at, is_digit);
  if (u == 0 || u > 2 || u_at + u >= s.size() || s[u_at + u] != sep) return std::nullopt;
  const std::size_t r_at = u_at + u + 1, r = run_of(s, r_at, is_digit);
  if (r < 3 || r > 4) return std::nullopt;
  std::size_t end = r_at + r;
  if (end < s.size() && (is_alnum(s[end]) || ((s[end] == '.' || s[end] == '/' || s[end] == '-') &&
                                              end + 1 < s.size() && is_digit(s[end + 1]))))
    return std::nullopt;
  const std::string_view room = s.substr(r_at, r);
  if (r == 4 && (starts_with(room, 0, "19") || starts_with(room, 0, "20"))) return std::nullopt;
  for (auto suffix : room_suffixes)
    if (starts_with(s, end, suffix)) end += suffix.size();
  a = unit_address{std::string(s.substr(i, b)), std::string(s.substr(u_at, u)), std::string(room)};
  return end;
}

// A floor (1-99) and a room on it (01-40): "1301", "802".
bool floor_and_room(std::string_view d) {
  if (d.size() < 3 || d.size() > 4 || !all_digits(d)) return false;
  const int room = (d[d.size() - 2] - '0') * 10 + (d.back() - '0');
  const bool floor = d[0] != '0';
  return floor && room >= 1 && room <= 40;
}

// Words before a bare number that make it a home, whatever follows ("楼上1301", "对门302天天…"),
// and those that do unless an amount or a count follows ("业主1201反映", not "业主120户").
enum class before_words { none, unless_amount, always };
before_words home_before(std::string_view s, std::size_t begin) {
  static constexpr std::array<std::string_view, 10> places{"楼上的", "楼下的", "楼上", "楼下", "隔壁",
                                                           "对门",   "对面",   "住在", "家住", "房号"};
  static constexpr std::array<std::string_view, 4> people{"住", "邻居", "业主", "户主"};
  const std::size_t b = begin > 0 && s[begin - 1] == ' ' ? begin - 1 : begin;
  for (auto w : places)
    if (ends_with(s, b, w)) return before_words::always;
  for (auto w : people)
    if (ends_with(s, b, w)) return before_words::unless_amount;
  return before_words::none;
}

// Words after a bare number that make it a home: "1301卫生间", "1201张先生".
bool home_after(std::string_view s, std::size_t end) {
  static constexpr std::array<std::string_view, 15> words{"业主",   "住户",   "户主",   "邻居", "的业主",
                                                          "的住户", "的邻居", "卫生间", "厨房", "客厅",
                                                          "卧室",   "阳台",   "门口",   "门前", "房间"};
  static constexpr std::array<std::string_view, 14> people{"先生", "女士", "小姐", "太太", "阿姨",
                                                           "大爷", "大妈", "奶奶", "爷爷", "叔叔",
                                                           "老师", "师傅", "姐",   "哥"};
  const std::size_t a = end < s.size() && s[end] == ' ' ? end + 1 : end;
  if (starts_with_any(s, a, words) || starts_with_any(s, a, people)) return true;
  // A surname, then how one addresses its bearer ("张先生"): one CJK character (3 bytes).
  return a + 3 <= s.size() && static_cast<unsigned char>(s[a]) >= 0xE0 && starts_with_any(s, a + 3, people);
}

std::optional<std::size_t> bare_floor_room(std::string_view s, std::size_t i) {
  const std::size_t n = run_of(s, i, is_digit);
  const std::size_t end = i + n;
  if (end < s.size() &&
      (is_alpha(s[end]) || s[end] == ':' ||
       ((s[end] == '.' || s[end] == '/' || s[end] == '-') && end + 1 < s.size() && is_digit(s[end + 1]))))
    return std::nullopt;
  if (i > 0 && (s[i - 1] == ':' || s[i - 1] == '/')) return std::nullopt;
  if (!floor_and_room(s.substr(i, n))) return std::nullopt;
  const before_words before = home_before(s, i);
  if (before == before_words::always) return end;
  if (amount_follows(s, end) || (before == before_words::none && !home_after(s, end))) return std::nullopt;
  return end;
}

bool starts_word(std::string_view s, std::size_t i) {
  if (!is_alnum(s[i]) || i == 0) return is_alnum(s[i]);
  const char p = s[i - 1];
  return !(is_alnum(p) || p == '-' || p == '_' || p == '#' || p == '.');
}

// The address starting at s[i], if any: its end, and what shows instead.
std::optional<std::size_t> address_at(std::string_view s, std::size_t i, const address_scan& how,
                                      std::string& shown) {
  unit_address dotted;
  if (auto end = dotted_address(s, i, dotted)) {
    shown = dotted.masked(how.lang);
    return end;
  }
  const auto ends = possible_ends(s, i);
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    const std::size_t end = *it;
    const bool more = end + 1 < s.size() && is_alnum(s[end + 1]);
    if (more && (s[end] == ':' || s[end] == '-' || s[end] == '_')) continue;  // 3号18:00, 138-1234-5678
    if (amount_follows(s, end)) continue;
    if (run_of(s, i, is_alnum) == end - i) continue;  // one word alone is no address
    const std::string cand = without_spaces(s.substr(i, end - i));
    if (auto room = bare_room(cand)) {
      shown = *room;
      return end;
    }
    if (auto f = read_floor_address(cand); f && (f->room || (how.floors && !public_place_at(s, end)))) {
      shown = f->place.masked(how.lang);
      return end;
    }
    if (auto a = parse_unit_address(cand); a && plausible(*a)) {
      shown = a->masked(how.lang);
      return end;
    }
  }
  if (auto end = bare_floor_room(s, i)) {
    shown = "***";
    return end;
  }
  return std::nullopt;
}

}  // namespace

std::vector<text_span> find_addresses(std::string_view s, const address_scan& how) {
  std::vector<text_span> out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!starts_word(s, i)) {
      ++i;
      continue;
    }
    std::string shown;
    if (auto end = address_at(s, i, how, shown)) {
      out.push_back({i, *end, std::move(shown)});
      i = *end;
      continue;
    }
    i += run_of(s, i, is_alnum);  // no address starts inside this word
  }
  return out;
}

}  // namespace domain::privacy
