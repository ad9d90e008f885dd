// Text as the privacy scanners read it: every way people type a digit, a dash or a space folded
// to one ASCII form, with a map back to the original so that only what is masked changes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace domain::privacy {

struct folded_text {
  std::string text;                 // full-width forms, dashes of every width, 一二三… as ASCII
  std::vector<std::size_t> origin;  // where folded byte i starts in the original; size() + 1 entries
};

// Full-width ASCII and the ideographic space as ASCII; ‐‑‒–—―−﹣ as '-'; the Chinese numerals
// 零〇一二三四五六七八九 and 幺 (how 一 is read out in phone numbers) as digits. 十/百 are not
// digits, so "十二楼" is not read as a floor.
folded_text fold_for_scan(std::string_view original);

// A part of the folded text to replace, in folded byte offsets.
struct text_span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string replacement;
};

// The original with each span (sorted, not overlapping) replaced; the rest as typed.
std::string splice(std::string_view original, const folded_text& f, const std::vector<text_span>& spans);

}  // namespace domain::privacy
