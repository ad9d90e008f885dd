#include "domain/privacy/redact_phones.hpp"

#include <array>

namespace domain::privacy {
namespace {

constexpr std::size_t mobile_digits = 11;
constexpr std::size_t min_phone_digits = 7;  // shorter runs are rooms, dates, counts
constexpr std::size_t max_separators = 3;    // "138 - 1234"

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_separator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '/';
}

bool is_mobile(std::string_view digits) {
  return digits.size() == mobile_digits && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

std::string_view without_country_code(std::string_view digits) {
  for (std::string_view cc : {"0086", "86"})
    if (digits.size() == cc.size() + mobile_digits && digits.substr(0, cc.size()) == cc &&
        is_mobile(digits.substr(cc.size())))
      return digits.substr(cc.size());
  return digits;
}

struct group {
  std::size_t begin, length;
  bool dotted = false;  // joined to the group before by '.' or '/': one number only if a mobile
};

// One run of digit groups and what reading it has found so far.
class run_reader {
 public:
  run_reader(std::string_view s, std::size_t start, const phone_allow_list& allowed,
             std::vector<text_span>& out)
      : s_(s), allowed_(allowed), out_(out) {
    plus_ = s[start] == '+';
    mobiles_only_ = start > 0 && is_ascii_alpha(s[start - 1]);
    read_groups(plus_ ? start + 1 : start);
  }

  std::size_t end() const { return end_; }

  void mask() {
    std::size_t g = 0, stretch = 0;
    while (g < groups_.size()) {
      std::size_t last = 0;
      if (mobile_at(g, last) || allowed_at(g, last)) {
        other_numbers(stretch, g);
        g = stretch = last + 1;
      } else {
        ++g;
      }
    }
    other_numbers(stretch, groups_.size());
  }

 private:
  void read_groups(std::size_t j) {
    bool dotted = false;
    while (true) {
      const std::size_t begin = j;
      while (j < s_.size() && is_ascii_digit(s_[j])) ++j;
      groups_.push_back({begin, j - begin, dotted});
      end_ = j;
      std::size_t k = j, marks = 0;
      dotted = false;
      while (k < s_.size() && k - j < max_separators && is_separator(s_[k])) {
        marks += s_[k] != ' ';
        dotted = dotted || s_[k] == '.' || s_[k] == '/';
        ++k;
      }
      if (k == j || marks > 1 || k >= s_.size() || !is_ascii_digit(s_[k])) return;
      j = k;
    }
  }

  std::string digits(std::size_t first, std::size_t last) const {
    std::string d;
    for (std::size_t g = first; g <= last; ++g) d.append(s_.substr(groups_[g].begin, groups_[g].length));
    return d;
  }

  std::size_t span_begin(std::size_t g) const {
    return g == 0 && plus_ ? groups_[0].begin - 1 : groups_[g].begin;
  }

  void emit(std::size_t first, std::size_t last, std::string_view digits_read) {
    if (allowed_.allows(digits_read)) return;
    out_.push_back({span_begin(first), groups_[last].begin + groups_[last].length, "***"});
  }

  // Groups from `from` adding up to exactly 11 digits, or false.
  bool eleven_from(std::size_t from, std::size_t& last, std::string& d) const {
    d.clear();
    for (std::size_t g = from; g < groups_.size() && d.size() < mobile_digits; ++g) {
      d.append(s_.substr(groups_[g].begin, groups_[g].length));
      last = g;
    }
    return is_mobile(d);
  }

  bool mobile_at(std::size_t g, std::size_t& last) {
    const std::string_view first = s_.substr(groups_[g].begin, groups_[g].length);
    const bool prefix = first == "0086" || (first == "86" && g == 0 && plus_);
    std::string d;
    if (prefix && g + 1 < groups_.size() && eleven_from(g + 1, last, d)) {
      emit(g, last, d);
      return true;
    }
    if (!eleven_from(g, last, d)) return false;
    emit(g, last, d);
    return true;
  }

  bool allowed_at(std::size_t g, std::size_t& last) const {
    std::string d;
    for (std::size_t k = g; k < groups_.size(); ++k) {
      d.append(s_.substr(groups_[k].begin, groups_[k].length));
      if (d.size() > allowed_.longest()) return false;
      if (allowed_.allows(d)) {
        last = k;
        return true;
      }
    }
    return false;
  }

  // "1000-2000元", "2025-2026年": ranges, not phones.
  bool amount_or_years(std::size_t first, std::size_t last) const {
    static constexpr std::array<std::string_view, 13> units{"元", "块", "米", "平", "天", "户", "人",
                                                            "个", "次", "%",  "年", "月", "号"};
    if (last + 1 == groups_.size())
      for (auto u : units)
        if (s_.substr(end_, u.size()) == u) return true;
    for (std::size_t g = first; g <= last; ++g) {
      const std::string_view d = s_.substr(groups_[g].begin, groups_[g].length);
      if (d.size() != 4 || !(d.substr(0, 2) == "19" || d.substr(0, 2) == "20")) return false;
    }
    return true;
  }

  // Groups [first, last) that hold no mobile. Dots and slashes part them ("119/110/120",
  // "192.168.1.100"); what spaces and dashes join may be one landline or service number.
  void other_numbers(std::size_t first, std::size_t last) {
    if (mobiles_only_) return;
    for (std::size_t from = first, g = first + 1; from < last; ++g)
      if (g == last || groups_[g].dotted) {
        one_number(from, g);
        from = g;
      }
  }

  void one_number(std::size_t first, std::size_t last) {
    std::size_t total = 0;
    bool short_group = false;
    for (std::size_t g = first; g < last; ++g) {
      total += groups_[g].length;
      short_group = short_group || (groups_[g].length < 3 && !(g == 0 && plus_));
    }
    if (!short_group && total >= min_phone_digits && !amount_or_years(first, last - 1)) {
      emit(first, last - 1, digits(first, last - 1));
      return;
    }
    for (std::size_t g = first; g < last; ++g)
      if (groups_[g].length >= min_phone_digits) emit(g, g, digits(g, g));
  }

  std::string_view s_;
  const phone_allow_list& allowed_;
  std::vector<text_span>& out_;
  std::vector<group> groups_;
  bool plus_ = false;
  bool mobiles_only_ = false;
  std::size_t end_ = 0;
};

}  // namespace

phone_allow_list::phone_allow_list(const std::vector<std::string>& phones) {
  for (const auto& p : phones) {
    std::string d;
    for (char c : p)
      if (is_ascii_digit(c)) d.push_back(c);
    if (d.empty()) continue;
    d = std::string(without_country_code(d));
    longest_ = std::max(longest_, d.size());
    digits_.push_back(std::move(d));
  }
}

bool phone_allow_list::allows(std::string_view digits) const {
  const std::string_view d = without_country_code(digits);
  for (const auto& a : digits_)
    if (a == d) return true;
  return false;
}

std::vector<text_span> find_phones(std::string_view s, const phone_allow_list& allowed) {
  std::vector<text_span> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool plus = s[i] == '+' && i + 1 < s.size() && is_ascii_digit(s[i + 1]);
    const bool starts = (is_ascii_digit(s[i]) || plus) && (i == 0 || !is_ascii_digit(s[i - 1]));
    if (!starts) {
      ++i;
      continue;
    }
    run_reader run(s, i, allowed, out);
    run.mask();
    i = run.end();
  }
  return out;
}

}  // namespace domain::privacy
