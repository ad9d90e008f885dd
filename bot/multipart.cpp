#include "bot/multipart.hpp"

#include <fmt/format.h>

#include <utility>

namespace bot::multipart {
namespace {

constexpr std::string_view crlf = "\r\n";

bool is_ows(char c) {
  return c == ' ' || c == '\t';
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

// A byte of an unquoted parameter name or value: visible, not a separator the grammar uses ("="
// only ends a name: unquoted boundaries may hold one).
bool is_word_byte(char c, bool name) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u != 0x7F && c != ';' && c != '"' && !(name && c == '=');
}

// `type; name=value; name="quoted \" value"` as Content-Type and Content-Disposition write it.
struct header_value {
  std::string type;                                         // lower-case
  std::vector<std::pair<std::string, std::string>> params;  // names lower-case

  const std::string* param(std::string_view name) const {
    for (const auto& [n, v] : params)
      if (n == name) return &v;
    return nullptr;
  }
};

class value_reader {
 public:
  explicit value_reader(std::string_view s) : s_(s) {}

  std::optional<header_value> read() {
    header_value out;
    std::size_t semi = s_.find(';');
    out.type = lower_ascii(trim_ows(s_.substr(0, semi)));
    if (out.type.empty()) return std::nullopt;
    i_ = semi == std::string_view::npos ? s_.size() : semi;
    while (skip_ows(), i_ < s_.size()) {
      if (s_[i_++] != ';') return std::nullopt;
      skip_ows();
      if (i_ == s_.size()) break;  // a trailing ";"
      auto name = word(true);
      skip_ows();
      if (name.empty() || i_ == s_.size() || s_[i_++] != '=') return std::nullopt;
      skip_ows();
      auto value = i_ < s_.size() && s_[i_] == '"' ? quoted() : std::optional<std::string>(word(false));
      if (!value) return std::nullopt;
      out.params.emplace_back(lower_ascii(name), std::move(*value));
    }
    return out;
  }

 private:
  void skip_ows() {
    while (i_ < s_.size() && is_ows(s_[i_])) ++i_;
  }
  std::string word(bool name) {
    std::size_t start = i_;
    while (i_ < s_.size() && is_word_byte(s_[i_], name)) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }
  std::optional<std::string> quoted() {
    std::string out;
    for (++i_; i_ < s_.size(); ++i_) {
      char c = s_[i_];
      if (c == '"') {
        ++i_;
        return out;
      }
      if (c == '\\' && ++i_ == s_.size()) break;
      const auto u = static_cast<unsigned char>(s_[i_]);
      if ((u < 0x20 && s_[i_] != '\t') || u == 0x7F) return std::nullopt;
      out += s_[i_];
    }
    return std::nullopt;  // not closed
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

bool valid_boundary(std::string_view b) {
  if (b.empty() || b.size() > max_boundary || b.back() == ' ') return false;
  for (char c : b) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && std::string_view("'()+_,-./:=? ").find(c) == std::string_view::npos) return false;
  }
  return true;
}

// Reads one part's header lines at `pos` (just after its delimiter line) into `p`.
std::string read_headers(std::string_view body, std::size_t& pos, part& p) {
  bool disposition = false, type = false;
  for (std::size_t lines = 0;; ++lines) {
    std::size_t end = body.find(crlf, pos);
    if (end == std::string_view::npos) return "a part's headers do not end";
    std::string_view line = body.substr(pos, end - pos);
    pos = end + crlf.size();
    if (line.empty()) break;
    if (lines == max_header_lines)
      return fmt::format("a part has more than {} header lines", max_header_lines);
    if (line.size() > max_header_line) return "a part's header line is too long";
    if (is_ows(line.front())) return "a part's header is folded";
    std::size_t colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return "a part's header line has no name";
    const std::string name = lower_ascii(line.substr(0, colon));
    auto value = value_reader(line.substr(colon + 1)).read();
    if (name == "content-disposition") {
      if (disposition) return "a part has two Content-Disposition headers";
      disposition = true;
      if (!value) return "a part's Content-Disposition is malformed";
      if (value->type != "form-data") return "a part's Content-Disposition is not form-data";
      const std::string* field = value->param("name");
      if (!field || field->empty()) return "a part's Content-Disposition has no name";
      p.name = *field;
      if (const std::string* file = value->param("filename")) p.filename = *file;
    } else if (name == "content-type") {
      if (type) return "a part has two Content-Type headers";
      type = true;
      if (!value) return "a part's Content-Type is malformed";
      p.content_type = value->type;
    }
  }
  if (!disposition) return "a part has no Content-Disposition";
  return {};
}

}  // namespace

const part* form::find(std::string_view name) const {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

std::size_t form::count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& p : parts) n += p.name == name ? 1 : 0;
  return n;
}

std::optional<std::string> boundary_of(std::string_view content_type) {
  auto value = value_reader(content_type).read();
  if (!value || value->type != "multipart/form-data") return std::nullopt;
  const std::string* b = value->param("boundary");
  if (!b || !valid_boundary(*b)) return std::nullopt;
  return *b;
}

parse_result parse(std::string_view body, std::string_view boundary) {
  if (!valid_boundary(boundary)) return {std::nullopt, "the boundary is not one RFC 2046 allows"};
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = std::string(crlf) + delimiter;
  if (body.substr(0, delimiter.size()) != delimiter)
    return {std::nullopt, "the body does not start with its boundary"};
  form f;
  std::size_t pos = delimiter.size();
  while (body.substr(pos, 2) != "--") {
    while (pos < body.size() && is_ows(body[pos])) ++pos;
    if (body.substr(pos, crlf.size()) != crlf)
      return {std::nullopt, pos >= body.size() ? "the body ends without its closing boundary"
                                               : "a boundary line has more after the boundary"};
    pos += crlf.size();
    if (f.parts.size() == max_parts) return {std::nullopt, fmt::format("more than {} parts", max_parts)};
    part p;
    if (std::string why = read_headers(body, pos, p); !why.empty()) return {std::nullopt, why};
    std::size_t end = body.find(next_delimiter, pos);
    if (end == std::string_view::npos) return {std::nullopt, "a part is not followed by the boundary"};
    p.body = std::string(body.substr(pos, end - pos));
    f.parts.push_back(std::move(p));
    pos = end + next_delimiter.size();
  }
  if (f.parts.empty()) return {std::nullopt, "the form has no parts"};
  return {std::move(f), {}};  // what follows the closing boundary is an epilogue, ignored (RFC 2046)
}

}  // namespace bot::multipart
