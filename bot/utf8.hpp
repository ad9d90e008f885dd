// Small UTF-8 helpers for chat text: code points, full-width folding, trimming, edit distance.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace bot::utf8 {

std::u32string decode(std::string_view s);  // invalid bytes become U+FFFD
std::string encode(std::u32string_view s);
// The text as valid UTF-8: each invalid sequence (stray bytes, overlong forms, surrogates) becomes
// U+FFFD. What platforms deliver is checked once, at the dispatcher; JSON cannot hold the rest.
std::string valid(std::string_view s);
void make_valid(std::string& s);  // the same in place; no copy when it is valid already
void append(std::string& out, char32_t cp);

// Reads one code point at s[i], advances i. Returns U+FFFD on invalid input.
char32_t next(std::string_view s, std::size_t& i);

// Full-width ASCII (U+FF01..U+FF5E) → ASCII, ideographic space U+3000 → ' '.
char32_t fold_width(char32_t cp);
std::string fold_width(std::string_view s);

bool is_space(char32_t cp);  // ASCII whitespace, U+3000, NBSP
std::string_view trim(std::string_view s);
std::size_t length(std::string_view s);  // in code points

// Levenshtein distance counted in code points (so 报秀 → 报修 is 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

std::string to_lower_ascii(std::string_view s);
// Whether text contains one of the words (an empty word matches nothing). A byte search is exact
// in UTF-8: no character's bytes start inside another's. `words` is a braced list or a container.
template <class Words = std::initializer_list<std::string_view>>
bool contains_any(std::string_view text, const Words& words) {
  for (std::string_view w : words)
    if (!w.empty() && text.find(w) != std::string_view::npos) return true;
  return false;
}
// Cuts to at most max_points code points, appending "…" when something was cut.
std::string truncate(std::string_view s, std::size_t max_points);
// Pieces of at most max_bytes bytes (max_bytes ≥ 4), cut between code points: at the last line
// break of a piece when one lies in its second half (the break is dropped), else as late as fits.
std::vector<std::string> split_bytes(std::string_view s, std::size_t max_bytes);

}  // namespace bot::utf8
