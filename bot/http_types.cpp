#include "bot/http_types.hpp"

#include <nlohmann/json.hpp>

#include "bot/utf8.hpp"

namespace bot {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string find_header(const header_list& headers, std::string_view name) {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return v;
  return {};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string http_request::header(std::string_view name) const {
  return find_header(headers, name);
}

bool http_request::has_header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return true;
  return false;
}

std::string http_reply::header(std::string_view name) const {
  return find_header(headers, name);
}

std::string percent_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i] == '+' && plus_is_space ? ' ' : s[i]);
  }
  return out;
}

std::string http_request::query_param(std::string_view name, bool plus_is_space) const {
  std::string_view q = query;
  while (!q.empty()) {
    std::size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    std::size_t eq = pair.find('=');
    if (percent_decode(pair.substr(0, eq)) == name)
      return eq == std::string_view::npos ? std::string()
                                          : percent_decode(pair.substr(eq + 1), plus_is_space);
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return {};
}

http_response json_error(int status, std::string_view message) {
  return http_response{
      status, "application/json", nlohmann::json{{"error", std::string(message)}}.dump(), {}};
}

std::optional<url_parts> parse_url(std::string_view url) {
  url_parts u;
  std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return std::nullopt;
  u.scheme = utf8::to_lower_ascii(url.substr(0, colon));
  std::string_view rest = url.substr(colon + 3);
  std::size_t slash = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, slash);
  u.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (!u.target.empty() && u.target.front() == '?') u.target.insert(0, "/");
  if (authority.find('@') != std::string_view::npos) return std::nullopt;  // no credentials in URLs
  if (!authority.empty() && authority.front() == '[') {
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    u.host = std::string(authority.substr(1, close - 1));
    if (close + 1 < authority.size() && authority[close + 1] == ':')
      u.port = std::string(authority.substr(close + 2));
  } else {
    std::size_t pc = authority.rfind(':');
    u.host = std::string(authority.substr(0, pc));
    if (pc != std::string_view::npos) u.port = std::string(authority.substr(pc + 1));
  }
  if (u.host.empty()) return std::nullopt;
  if (u.port.empty()) u.port = (u.scheme == "https" || u.scheme == "wss") ? "443" : "80";
  if (u.scheme != "http" && u.scheme != "https" && u.scheme != "ws" && u.scheme != "wss") return std::nullopt;
  return u;
}

}  // namespace bot
