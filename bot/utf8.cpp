#include "bot/utf8.hpp"

#include <algorithm>

namespace bot::utf8 {

char32_t next(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int extra = c >= 0xF8 ? -1 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (extra < 0) {
    ++i;
    return U'\uFFFD';
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) {  // truncated sequence at the end
    i = s.size();
    return U'\uFFFD';
  }
  char32_t cp = c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) {
      i += k;
      return U'\uFFFD';
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += extra + 1;
  // Overlong forms, UTF-16 surrogates and code points past Unicode are not UTF-8 either.
  static constexpr char32_t shortest[] = {0, 0x80, 0x800, 0x10000};
  if (cp < shortest[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return U'\uFFFD';
  return cp;
}

std::string valid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t from = i;
    const char32_t cp = next(s, i);
    if (cp == U'\uFFFD' && s.substr(from, i - from) != "\xEF\xBF\xBD")
      append(out, cp);
    else
      out.append(s.substr(from, i - from));
  }
  return out;
}

void make_valid(std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t from = i;
    if (next(s, i) == U'\uFFFD' && std::string_view(s).substr(from, i - from) != "\xEF\xBF\xBD") {
      s = valid(s);  // rare: rebuild once
      return;
    }
  }
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(next(s, i));
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t cp : s) append(out, cp);
  return out;
}

char32_t fold_width(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFF01 + 0x21;
  if (cp == 0x3000) return U' ';
  return cp;
}

std::string fold_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) append(out, fold_width(next(s, i)));
  return out;
}

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
         cp == 0x3000 || cp == 0xA0;
}

std::string_view trim(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t i = begin;
    if (!is_space(next(s, i))) break;
    begin = i;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    if (!is_space(next(s, i))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::u32string x = decode(a), y = decode(b);
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[y.size()];
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string truncate(std::string_view s, std::size_t max_points) {
  std::size_t i = 0, n = 0;
  while (i < s.size() && n < max_points) {
    next(s, i);
    ++n;
  }
  if (i >= s.size()) return std::string(s);
  return std::string(s.substr(0, i)) + "…";
}

std::vector<std::string> split_bytes(std::string_view s, std::size_t max_bytes) {
  std::vector<std::string> pieces;
  while (s.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a continuation byte
    if (cut == 0) cut = max_bytes;  // not UTF-8 at all: cut anywhere rather than loop
    std::size_t skip = 0;
    if (const std::size_t line = s.rfind('\n', cut - 1);
        line != std::string_view::npos && line >= max_bytes / 2) {
      cut = line;
      skip = 1;
    }
    pieces.emplace_back(s.substr(0, cut));
    s.remove_prefix(cut + skip);
  }
  if (!s.empty() || pieces.empty()) pieces.emplace_back(s);
  return pieces;
}

}  // namespace bot::utf8
