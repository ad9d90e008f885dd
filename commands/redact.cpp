#include "commands/redact.hpp"

#include <array>
#include <vector>

#include "bot/utf8.hpp"
#include "commands/unit_address.hpp"

namespace commands {
namespace {

constexpr std::size_t min_phone_digits = 7;  // shorter runs are rooms, dates, counts
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

// Full-width digits, letters, '-', '#', '+' and the ideographic space read as their ASCII forms;
// everything else (Chinese punctuation included) stays as typed.
std::string fold_address_chars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = bot::utf8::next(text, i);
    const bool fold = (cp >= U'\uFF10' && cp <= U'\uFF19') || (cp >= U'\uFF21' && cp <= U'\uFF3A') ||
                      (cp >= U'\uFF41' && cp <= U'\uFF5A') || cp == U'\uFF0D' || cp == U'\uFF03' ||
                      cp == U'\uFF0B';
    if (fold)
      out.push_back(static_cast<char>(cp - 0xFEE0));
    else if (cp == U'\u3000')
      out.push_back(' ');
    else
      out.append(text.substr(start, i - start));
  }
  return out;
}

// Words that join the parts of an address, longest first.
constexpr std::array<std::string_view, 9> markers{"号楼", "#楼", "单元", "栋", "幢", "座", "#", "号", "室"};

std::size_t marker_at(std::string_view s, std::size_t i) {
  for (auto m : markers)
    if (s.substr(i, m.size()) == m) return m.size();
  return 0;
}

std::size_t alnum_run(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && is_alnum(s[j])) ++j;
  return j - i;
}

// Where an address starting at `start` could end: after each word, and after 室 or 号.
std::vector<std::size_t> possible_ends(std::string_view s, std::size_t start) {
  std::vector<std::size_t> ends;
  std::size_t j = start;
  while (j < s.size() && j - start < max_address_bytes) {
    const std::size_t run = alnum_run(s, j);
    if (run == 0) break;
    j += run;
    ends.push_back(j);
    if (j < s.size() && (s[j] == '-' || s[j] == '_') && j + 1 < s.size() && is_alnum(s[j + 1])) {
      ++j;
      continue;
    }
    std::size_t k = j < s.size() && s[j] == ' ' ? j + 1 : j;  // "3栋 2单元 1201"
    std::size_t m = marker_at(s, k);
    if (m == 0) break;
    const std::string_view word = s.substr(k, m);
    j = k + m;
    if (word == "室" || word == "号") ends.push_back(j);
    if (word == "室") break;
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

bool has_digit(std::string_view s) {
  for (char c : s)
    if (is_digit(c)) return true;
  return false;
}

// Guards against what merely looks like an address: a date ("2024-12-01": no building has four
// characters), a floor ("3栋12楼": rooms have three to five), a time ("3号18:00"), words.
bool plausible(const unit_address& a) {
  if (a.room.size() < 3 || a.room.size() > 5 || !has_digit(a.room)) return false;
  if (a.building.empty() || a.building.size() > 3) return false;
  if (!has_digit(a.building) && a.building.size() > 2) return false;
  return a.unit.size() <= 2;
}

// "1201室" / "1201号": a room number with nothing before it.
std::optional<std::string> bare_room(std::string_view cand) {
  for (std::string_view suffix : {"室", "号"}) {
    if (cand.size() <= suffix.size() || cand.substr(cand.size() - suffix.size()) != suffix) continue;
    std::string_view digits = cand.substr(0, cand.size() - suffix.size());
    if (digits.size() < 3 || digits.size() > 5) return std::nullopt;
    for (char c : digits)
      if (!is_digit(c)) return std::nullopt;
    return "***" + std::string(suffix);
  }
  return std::nullopt;
}

std::string mask_addresses(std::string_view s, bot::locale l) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool starts_word =
        is_alnum(s[i]) && (i == 0 || !(is_alnum(s[i - 1]) || s[i - 1] == '-' || s[i - 1] == '_' ||
                                       s[i - 1] == '#' || s[i - 1] == '.'));
    if (starts_word) {
      auto ends = possible_ends(s, i);
      bool done = false;
      for (auto it = ends.rbegin(); it != ends.rend() && !done; ++it) {
        const std::size_t end = *it;
        const bool more = end + 1 < s.size() && is_alnum(s[end + 1]);
        if (more && (s[end] == ':' || s[end] == '-' || s[end] == '_')) continue;  // 3号18:00, 138-1234-5678
        const std::string cand = without_spaces(s.substr(i, end - i));
        if (auto room = bare_room(cand)) {
          out += *room;
        } else if (auto a = parse_unit_address(cand); a && plausible(*a)) {
          out += a->masked(l);
        } else {
          continue;
        }
        i = end;
        done = true;
      }
      if (done) continue;
      const std::size_t run = alnum_run(s, i);  // no address starts inside this word
      out.append(s.substr(i, run));
      i += run;
      continue;
    }
    out.push_back(s[i++]);
  }
  return out;
}

// A phone number in any spacing: digit groups joined by single spaces or dashes, of three digits
// or more each ("138-1234-5678", "0571-88886666", "139 0000 1111"; "+86" may lead), or one run,
// with 7 digits or more in all. Dates ("2024-12-01 18:00") have shorter groups.
bool phone_like(const std::vector<std::size_t>& groups, bool plus) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    digits += groups[i];
    if (groups[i] < 3 && !(i == 0 && plus)) return false;
  }
  return digits >= min_phone_digits;
}

std::string mask_phones(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool plus = s[i] == '+' && i + 1 < s.size() && is_digit(s[i + 1]);
    const bool starts = (is_digit(s[i]) || plus) && (i == 0 || !is_alnum(s[i - 1]));
    if (!starts) {
      out.push_back(s[i++]);
      continue;
    }
    std::size_t j = plus ? i + 1 : i;
    std::vector<std::pair<std::size_t, std::size_t>> groups;  // (begin, length)
    while (true) {
      const std::size_t begin = j;
      while (j < s.size() && is_digit(s[j])) ++j;
      groups.emplace_back(begin, j - begin);
      if (j + 1 < s.size() && (s[j] == ' ' || s[j] == '-') && is_digit(s[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    std::vector<std::size_t> lengths;
    for (const auto& g : groups) lengths.push_back(g.second);
    if (phone_like(lengths, plus)) {
      out += "***";
    } else {  // not one number, but a long run inside it still is ("86-13812345678")
      std::size_t at = i;
      for (const auto& [begin, length] : groups) {
        out.append(s.substr(at, begin - at));
        out += length >= min_phone_digits ? std::string("***") : std::string(s.substr(begin, length));
        at = begin + length;
      }
    }
    i = j;
  }
  return out;
}

}  // namespace

std::string redact_for_group(std::string_view text, bot::locale l) {
  return mask_phones(mask_addresses(fold_address_chars(text), l));
}

std::string redact_rooms(std::string_view text, bot::locale l) {
  const std::string folded = fold_address_chars(text);
  std::string masked = mask_addresses(folded, l);
  return masked == folded ? std::string(text) : masked;  // full-width text is left as typed
}

}  // namespace commands
