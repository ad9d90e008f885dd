#include "commands/vote_draft.hpp"

#include <algorithm>
#include <array>

#include "bot/utf8.hpp"

namespace commands {
namespace {

using bot::utf8::trim;

enum class key { none, deadline, type, matter, multiple, single, secret, named };

struct keyword {
  std::string_view word;
  key k;
  bool takes_value;  // may be glued to its value: 截止12月20日, 事项5
};

// Longer words first: "截止到" before "截止".
constexpr keyword keywords[] = {
    {"截止时间", key::deadline, true}, {"截止日期", key::deadline, true},  {"截止到", key::deadline, true},
    {"截止于", key::deadline, true},   {"截至到", key::deadline, true},    {"截止", key::deadline, true},
    {"截至", key::deadline, true},     {"类型", key::type, true},          {"事项", key::matter, true},
    {"多选", key::multiple, false},    {"单选", key::single, false},       {"不记名", key::secret, false},
    {"匿名", key::secret, false},      {"记名", key::named, false},        {"公开", key::named, false},
    {"until", key::deadline, false},   {"deadline", key::deadline, false}, {"type", key::type, false},
    {"matter", key::matter, false},    {"multi", key::multiple, false},    {"multiple", key::multiple, false},
    {"single", key::single, false},    {"secret", key::secret, false},     {"anonymous", key::secret, false},
    {"open", key::named, false},
};

// The keyword a word starts with, and what is glued after it ("截止12月20日" → deadline, "12月20日").
key keyword_of(std::string_view word, std::string_view& glued) {
  const std::string lower = bot::utf8::to_lower_ascii(word);
  for (const auto& kw : keywords) {
    if (lower == kw.word) {
      glued = {};
      return kw.k;
    }
    if (kw.takes_value && word.substr(0, kw.word.size()) == kw.word) {
      glued = word.substr(kw.word.size());
      for (std::string_view sep : {":", "\xEF\xBC\x9A"})  // ：
        if (glued.substr(0, sep.size()) == sep) glued.remove_prefix(sep.size());
      return kw.k;
    }
  }
  return key::none;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    char32_t cp = bot::utf8::next(s, j);
    if (bot::utf8::is_space(cp)) {
      i = j;
      continue;
    }
    std::size_t start = i;
    while (i < s.size()) {
      std::size_t k = i;
      if (bot::utf8::is_space(bot::utf8::next(s, k))) break;
      i = k;
    }
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> split_bars(std::string_view text) {
  std::vector<std::string> parts;
  std::string cur;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '|') {
      parts.emplace_back(trim(cur));
      cur.clear();
      ++i;
    } else if (text.substr(i, 3) == "\xEF\xBD\x9C") {  // ｜
      parts.emplace_back(trim(cur));
      cur.clear();
      i += 3;
    } else {
      cur += text[i++];
    }
  }
  parts.emplace_back(trim(cur));
  return parts;
}

std::optional<int> matter_number(std::string_view w) {
  static constexpr std::array<std::string_view, 10> zh = {"",   "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
  std::string s(w);
  for (std::string_view strip : {"第", "项", "条", "(", ")", "（", "）"}) {
    for (std::size_t p; (p = s.find(strip)) != std::string::npos;) s.erase(p, strip.size());
  }
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '9') return s[0] - '0';
  for (int n = 1; n <= 9; ++n)
    if (s == zh[static_cast<std::size_t>(n)]) return n;
  return std::nullopt;
}

std::optional<draft_problem> apply(vote_draft& d, key k, const std::vector<std::string_view>& value) {
  std::string joined;
  for (auto w : value) joined += (joined.empty() ? "" : " ") + std::string(w);
  switch (k) {
    case key::deadline:
      d.deadline_text = joined;
      return std::nullopt;
    case key::type: {
      const std::string t = bot::utf8::to_lower_ascii(joined);
      if (t == "表决" || t == "业主大会" || t == "大会表决" || t == "业主表决" || t == "assembly")
        d.assembly = true;
      else if (t == "投票" || t == "民意调查" || t == "意见征集" || t == "调查" || t == "poll")
        d.assembly = false;
      else
        return draft_problem{"vote.new.bad_type", joined};
      return std::nullopt;
    }
    case key::matter: {
      auto n = matter_number(joined);
      if (!n) return draft_problem{"vote.new.bad_matter", joined};
      d.matter = *n;
      d.assembly = true;
      return std::nullopt;
    }
    case key::multiple:
      d.multiple = true;
      break;
    case key::single:
      d.multiple = false;
      break;
    case key::secret:
      d.secret = true;
      break;
    case key::named:
      d.secret = false;
      break;
    case key::none:
      break;
  }
  if (!value.empty()) return draft_problem{"vote.new.stray_words", joined};
  return std::nullopt;
}

// Settings at the end of the last part; returns what comes before them.
std::optional<draft_problem> read_settings(std::string& part, vote_draft& d) {
  auto words = words_of(part);
  std::size_t first = words.size();
  for (std::size_t i = 0; i < words.size() && first == words.size(); ++i) {
    std::string_view glued;
    if (keyword_of(words[i], glued) != key::none) first = i;
  }
  if (first == words.size()) return std::nullopt;
  const std::size_t settings_at = static_cast<std::size_t>(words[first].data() - part.data());
  key current = key::none;
  std::vector<std::string_view> value;
  for (std::size_t i = first; i < words.size(); ++i) {
    std::string_view glued;
    key k = keyword_of(words[i], glued);
    if (k == key::none) {
      value.push_back(words[i]);
      continue;
    }
    if (current != key::none)
      if (auto p = apply(d, current, value)) return p;
    current = k;
    value.clear();
    if (!glued.empty()) value.push_back(glued);
  }
  if (auto p = apply(d, current, value)) return p;
  part = std::string(trim(std::string_view(part).substr(0, settings_at)));
  return std::nullopt;
}

}  // namespace

std::optional<draft_problem> read_vote_draft(std::string_view text, vote_draft& d) {
  auto parts = split_bars(text);
  if (auto p = read_settings(parts.back(), d)) return p;
  // "标题 | 同意 | 反对 | 截止 明天18:00": the settings had a part of their own.
  if (parts.size() > 1 && parts.back().empty()) parts.pop_back();
  d.title = parts.front();
  if (d.title.empty()) return draft_problem{"vote.new.no_title", ""};
  if (bot::utf8::length(d.title) > max_vote_title_points)
    return draft_problem{"vote.new.title_too_long", std::to_string(max_vote_title_points)};
  d.options.assign(parts.begin() + 1, parts.end());
  if (d.options.empty()) d.options = {"同意", "反对", "弃权"};
  if (d.options.size() < 2 || d.options.size() > max_vote_options)
    return draft_problem{"vote.new.options", std::to_string(max_vote_options)};
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    const auto& o = d.options[i];
    if (o.empty()) return draft_problem{"vote.new.empty_option", ""};
    if (bot::utf8::length(o) > max_vote_option_points) return draft_problem{"vote.new.option_too_long", o};
    if (std::find(d.options.begin(), d.options.begin() + static_cast<std::ptrdiff_t>(i), o) !=
        d.options.begin() + static_cast<std::ptrdiff_t>(i))
      return draft_problem{"vote.new.duplicate_option", o};
  }
  if (d.deadline_text.empty()) return draft_problem{"vote.new.no_deadline", ""};
  if (d.assembly && d.matter == 0) return draft_problem{"vote.new.no_matter", ""};
  if (d.assembly && d.multiple) return draft_problem{"vote.new.multi_assembly", ""};
  return std::nullopt;
}

int approving_option(const std::vector<std::string>& options) {
  for (std::size_t i = 0; i < options.size(); ++i) {
    const std::string o = bot::utf8::to_lower_ascii(options[i]);
    for (std::string_view yes : {"同意", "赞成", "支持", "yes", "agree", "approve", "for"})
      if (o == yes) return static_cast<int>(i);
  }
  return 0;
}

}  // namespace commands
