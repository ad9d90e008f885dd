#include "domain/privacy/redact_fold.hpp"

#include "bot/utf8.hpp"

namespace domain::privacy {
namespace {

char32_t fold_scan_char(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return U'0';
    case U'一':
    case U'幺':
      return U'1';
    case U'二':
      return U'2';
    case U'三':
      return U'3';
    case U'四':
      return U'4';
    case U'五':
      return U'5';
    case U'六':
      return U'6';
    case U'七':
      return U'7';
    case U'八':
      return U'8';
    case U'九':
      return U'9';
    case U'\u00A0':
      return U' ';
    case U'\u2212':  // minus sign
    case U'\uFE58':  // small em dash
    case U'\uFE63':  // small hyphen-minus
      return U'-';
    default:
      break;
  }
  if (cp >= U'\u2010' && cp <= U'\u2015') return U'-';  // hyphen … horizontal bar
  return bot::utf8::fold_width(cp);
}

}  // namespace

folded_text fold_for_scan(std::string_view original) {
  folded_text f;
  f.text.reserve(original.size());
  f.origin.reserve(original.size() + 1);
  for (std::size_t i = 0; i < original.size();) {
    const std::size_t start = i;
    const char32_t cp = bot::utf8::next(original, i);
    if (cp == U'\uFFFD')
      f.text.append(original.substr(start, i - start));  // invalid bytes pass through unread
    else
      bot::utf8::append(f.text, fold_scan_char(cp));
    f.origin.resize(f.text.size(), start);
  }
  f.origin.push_back(original.size());
  return f;
}

std::string splice(std::string_view original, const folded_text& f, const std::vector<text_span>& spans) {
  std::string out;
  out.reserve(original.size());
  std::size_t at = 0;
  for (const auto& s : spans) {
    const std::size_t begin = f.origin[s.begin];
    out.append(original.substr(at, begin - at));
    out += s.replacement;
    at = f.origin[s.end];
  }
  out.append(original.substr(at));
  return out;
}

}  // namespace domain::privacy
