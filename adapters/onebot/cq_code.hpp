// Message segments and their CQ-code string form ("[CQ:at,qq=10001] 报修"), the format go-cqhttp
// posts by default. Escaping per the OneBot v11 spec: text escapes & [ ], parameter values also ,.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace adapters::onebot {

// One segment: {"type":"at","data":{"qq":"10001"}}. Values are strings, as on the wire.
struct segment {
  std::string type;
  std::vector<std::pair<std::string, std::string>> data;

  std::string get(std::string_view key) const;  // "" when absent
  friend bool operator==(const segment&, const segment&) = default;
};

// Parses a CQ-code string into segments; text between codes becomes "text" segments. A "[CQ:" that
// never closes is plain text. Never throws.
std::vector<segment> parse_cq(std::string_view s);
std::string to_cq(const std::vector<segment>& segments);

std::string escape_text(std::string_view s);
std::string escape_param(std::string_view s);
// &#91; &#93; (and &#44; in values) first, &amp; last, so "&amp;#91;" stays the literal "&#91;".
std::string unescape_text(std::string_view s);
std::string unescape_param(std::string_view s);

}  // namespace adapters::onebot
