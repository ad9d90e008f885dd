#include "bot/invocation.hpp"

#include "bot/registry.hpp"
#include "bot/utf8.hpp"

namespace bot {
namespace {

char32_t closing_quote(char32_t open) {
  switch (open) {
    case U'"':
      return U'"';
    case U'\u201C':
      return U'\u201D';  // “ ”
    case U'\u300C':
      return U'\u300D';  // 「 」
    case U'\u300E':
      return U'\u300F';  // 『 』
    default:
      return 0;
  }
}

bool is_separator(char32_t cp) {
  return utf8::is_space(cp) || cp == U',' || cp == U'\uFF0C' || cp == U'\u3001';  // , ， 、
}

bool is_cjk(char32_t cp) {
  return cp >= 0x2E80;
}

// Strips "@name" (and a following comma, colon or space) when name is one of the bot's names.
bool strip_mention(std::string_view& text, const std::vector<std::string>& bot_names) {
  std::string_view t = strip_at(text);
  if (t.size() == text.size()) return false;
  for (const auto& name : bot_names) {
    if (name.empty() || t.rfind(name, 0) != 0) continue;
    std::string_view after = t.substr(name.size());
    for (std::string_view p : {",", "\uFF0C", ":", "\uFF1A"})
      if (after.rfind(p, 0) == 0) after.remove_prefix(p.size());
    text = utf8::trim(after);
    return true;
  }
  return false;
}

}  // namespace

std::string_view strip_at(std::string_view word) {
  if (word.rfind("@", 0) == 0)
    word.remove_prefix(1);
  else if (word.rfind("\uFF20", 0) == 0)  // ＠
    word.remove_prefix(3);
  return word;
}

std::vector<token> tokenize(std::string_view body) {
  std::vector<token> out;
  std::size_t i = 0;
  while (i < body.size()) {
    std::size_t start = i;
    char32_t cp = utf8::fold_width(utf8::next(body, i));
    if (is_separator(cp)) continue;
    token t;
    t.begin = start;
    if (char32_t close = closing_quote(cp)) {
      std::size_t content = i;
      std::size_t close_at = std::string_view::npos;
      for (std::size_t j = i; j < body.size();) {
        std::size_t here = j;
        if (utf8::fold_width(utf8::next(body, j)) == close) {
          close_at = here;
          i = j;
          break;
        }
      }
      if (close_at != std::string_view::npos) {
        t.text = utf8::fold_width(body.substr(content, close_at - content));
        t.end = i;
        out.push_back(std::move(t));
        continue;
      }
      // An unclosed quote is just a character.
    }
    std::size_t j = i;
    while (j < body.size()) {
      std::size_t here = j;
      if (is_separator(utf8::fold_width(utf8::next(body, j)))) {
        j = here;
        break;
      }
    }
    t.end = j;
    t.text = utf8::fold_width(body.substr(start, j - start));
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

invocation parse_invocation(std::string_view text, bool direct_chat, bool addressed_to_bot,
                            const std::vector<std::string>& bot_names) {
  invocation inv;
  std::string_view rest = utf8::trim(text);
  inv.addressed = direct_chat || addressed_to_bot;
  if (strip_mention(rest, bot_names)) inv.addressed = true;
  if (!rest.empty()) {
    std::size_t i = 0;
    char32_t first = utf8::fold_width(utf8::next(rest, i));
    if (first == U'/' || first == U'#' || first == U'!') {
      rest = utf8::trim(rest.substr(i));
      inv.addressed = true;
      inv.prefixed = true;
    }
  }
  inv.body = std::string(rest);
  inv.tokens = tokenize(inv.body);
  return inv;
}

void split_glued_name(invocation& inv, const registry& commands) {
  if (inv.tokens.empty() || commands.find(inv.tokens).has_value()) return;
  const token first = inv.tokens.front();
  for (const auto& name : commands.zh_names_longest_first()) {
    if (first.text.size() <= name.size() || first.text.rfind(name, 0) != 0) continue;
    std::size_t i = name.size();
    char32_t next = utf8::next(first.text, i);
    if (is_cjk(next) && !inv.addressed) return;  // "投票的事大家怎么看" is chat
    // Offsets: where the name stands in the typed token (names contain no full-width forms, but the
    // token may open with a quote: "搜索公告0" must not be cut inside 告).
    const std::size_t at = std::string_view(inv.body).substr(first.begin, first.end - first.begin).find(name);
    if (at == std::string_view::npos) return;
    token head{name, first.begin + at, first.begin + at + name.size()};
    token tail{first.text.substr(name.size()), first.begin + at + name.size(), first.end};
    inv.tokens.front() = std::move(tail);
    inv.tokens.insert(inv.tokens.begin(), std::move(head));
    return;
  }
}

args arguments(const invocation& inv, const command_match& match) {
  args a;
  a.body = inv.body;
  a.invoked_name = match.name;
  a.addressed = inv.addressed;
  a.prefixed = inv.prefixed;
  a.tokens.assign(inv.tokens.begin() + static_cast<std::ptrdiff_t>(match.words_used), inv.tokens.end());
  return a;
}

}  // namespace bot
