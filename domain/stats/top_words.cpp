#include "domain/stats/top_words.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "bot/utf8.hpp"

namespace domain::stats {
namespace {

constexpr std::size_t max_word = 8;

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

bool is_function_word(char32_t c) {
  static const std::u32string words = U"的了是在我们你他她它就都也还和有个这那吗呢吧啊呀么被把给让又很太要没不说";
  return words.find(c) != std::u32string::npos;
}

}  // namespace

std::vector<std::string> top_words(const std::vector<std::string>& descriptions, std::string_view category_name,
                                   std::size_t limit) {
  const std::u32string category = bot::utf8::decode(category_name);
  std::vector<std::u32string> texts;
  std::map<std::u32string, int> shared;
  for (const auto& d : descriptions) {
    const std::u32string text = bot::utf8::decode(d);
    // Characters of the category's own name where it is written ("电梯坏了": 梯坏 is no word).
    std::vector<bool> named(text.size(), false);
    for (std::size_t at = category.empty() ? std::u32string::npos : text.find(category); at != std::u32string::npos;
         at = text.find(category, at + 1))
      for (std::size_t k = at; k < at + category.size(); ++k) named[k] = true;
    std::set<std::u32string> seen;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      const char32_t a = text[i], b = text[i + 1];
      if (!is_han(a) || !is_han(b) || is_function_word(a) || is_function_word(b) || named[i] || named[i + 1])
        continue;
      std::u32string pair{a, b};
      if (seen.insert(pair).second) ++shared[pair];
    }
    texts.push_back(text);
  }
  auto sharing = [&](const std::u32string& w) {
    int n = 0;
    for (const auto& t : texts) n += t.find(w) != std::u32string::npos;
    return n;
  };
  // A pair that every description holding it writes inside the same longer phrase ("楼下" in
  // "楼下烧烤") stands for that phrase.
  auto widen = [&](std::u32string w, int n) {
    for (bool grew = true; grew && w.size() < max_word;) {
      grew = false;
      for (const auto& t : texts) {
        const std::size_t at = t.find(w);
        if (at == std::u32string::npos) continue;
        for (const std::u32string& longer :
             {at > 0 ? t.substr(at - 1, w.size() + 1) : std::u32string(),
              at + w.size() < t.size() ? t.substr(at, w.size() + 1) : std::u32string()})
          if (!longer.empty() && is_han(longer.front()) && is_han(longer.back()) && sharing(longer) >= n) {
            w = longer;
            grew = true;
            break;
          }
        break;
      }
    }
    return w;
  };
  std::vector<std::pair<std::u32string, int>> ranked(shared.begin(), shared.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  std::vector<std::u32string> chosen;
  for (const auto& entry : ranked) {
    const std::u32string& pair = entry.first;  // (clang 14 lambdas cannot capture structured bindings)
    const int n = entry.second;
    if (n < 2 || chosen.size() >= limit) break;
    if (std::any_of(chosen.begin(), chosen.end(), [&](const auto& c) { return c.find(pair) != std::u32string::npos; }))
      continue;
    auto word = widen(pair, n);
    // Rarer words around a commoner one already chosen say nothing new.
    if (std::any_of(chosen.begin(), chosen.end(), [&](const auto& c) { return word.find(c) != std::u32string::npos; }))
      continue;
    chosen.push_back(std::move(word));
  }
  std::vector<std::string> out;
  for (const auto& w : chosen) out.push_back(bot::utf8::encode(w));
  return out;
}

}  // namespace domain::stats
