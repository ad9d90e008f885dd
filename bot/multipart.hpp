// A strict reader of multipart/form-data bodies (RFC 7578 over RFC 2046), for platforms that post
// forms (the wechatbot-webhook bridge). Strict: the body starts with its first delimiter, every
// part has a Content-Disposition of form-data with a name, the close delimiter is there; anything
// else is an error naming what is wrong, so the route answers 400. Bounded: at most max_parts
// parts and max_header_lines header lines per part, each line at most max_header_line bytes; the
// body size itself is bounded by the HTTP server. Part bodies are bytes, never interpreted.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bot::multipart {

inline constexpr std::size_t max_parts = 64;
inline constexpr std::size_t max_header_lines = 8;
inline constexpr std::size_t max_header_line = 1024;
inline constexpr std::size_t max_boundary = 70;  // RFC 2046 §5.1.1

struct part {
  std::string name;          // the form field's name
  std::string filename;      // empty unless the part is a file
  std::string content_type;  // empty when the part does not say
  std::string body;
};

struct form {
  std::vector<part> parts;

  const part* find(std::string_view name) const;  // the first part of that name
  std::size_t count(std::string_view name) const;
};

struct parse_result {
  std::optional<form> value;
  std::string error;  // what is wrong, when there is no value
};

// The boundary of a `Content-Type: multipart/form-data; boundary=...` header (the parameter may be
// quoted, the separator may lack its space as node-fetch sends it); nullopt for any other type or
// a boundary RFC 2046 does not allow.
std::optional<std::string> boundary_of(std::string_view content_type);

parse_result parse(std::string_view body, std::string_view boundary);

}  // namespace bot::multipart
