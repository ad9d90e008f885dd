#include "commands/audience_words.hpp"

#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/category_names.hpp"
#include "domain/ticket_types.hpp"

namespace commands {
namespace {

bool is_target_word(std::string_view w) {
  const std::string lower = bot::utf8::to_lower_ascii(w);
  return lower == "对象" || lower == "目标" || lower == "范围" || lower == "for";
}

}  // namespace

std::string words_between(const bot::args& a, std::size_t from, std::size_t to) {
  if (from >= to || to > a.size()) return {};
  return std::string(bot::utf8::trim(
      std::string_view(a.body).substr(a.tokens[from].begin, a.tokens[to - 1].end - a.tokens[from].begin)));
}

std::optional<bot::failure> read_audience(const bot::context& ctx, const bot::args& a, std::size_t from,
                                          audience_words& out) {
  out = {a.size(), std::nullopt, std::nullopt};
  for (std::size_t i = from; i < a.size(); ++i)
    if (is_target_word(a[i])) {
      out.at = i;
      break;
    }
  if (out.at == a.size()) return std::nullopt;
  const std::string word = words_between(a, out.at + 1, a.size());
  if (word.empty()) return ctx.usage();
  const std::string lower = bot::utf8::to_lower_ascii(word);
  std::size_t next = out.at + 1;
  if (lower == "全体" || lower == "全小区" || lower == "全部" || lower == "all") return std::nullopt;
  if (auto b = read_scope_building(a, next); b && next == a.size()) {
    out.building = b;
    return std::nullopt;
  }
  if (auto c = category_from_name(word)) {
    out.category = std::string(domain::to_text(*c));
    return std::nullopt;
  }
  return ctx.fail("audience.unknown", fmt::arg("word", word));
}

}  // namespace commands
