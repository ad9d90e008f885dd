#include "adapters/onebot/cq_code.hpp"

namespace adapters::onebot {
namespace {

struct entity {
  std::string_view code;
  char plain;
};
constexpr entity text_entities[] = {{"&#91;", '['}, {"&#93;", ']'}, {"&amp;", '&'}};
constexpr entity param_entities[] = {{"&#91;", '['}, {"&#93;", ']'}, {"&amp;", '&'}, {"&#44;", ','}};

// One pass, left to right, so a megabyte of entities costs a megabyte of work (replacing in place
// moved the rest of the string once per entity). Decoded text is never decoded again, which is why
// "&amp;#91;" stays the literal "&#91;".
template <std::size_t n>
std::string decode(std::string_view s, const entity (&entities)[n]) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const entity* hit = nullptr;
    if (s[i] == '&')
      for (const auto& e : entities)
        if (s.substr(i, e.code.size()) == e.code) hit = &e;
    if (hit) {
      out.push_back(hit->plain);
      i += hit->code.size();
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

std::string encode(std::string_view s, bool comma) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '[':
        out += "&#91;";
        break;
      case ']':
        out += "&#93;";
        break;
      case ',':
        if (comma) {
          out += "&#44;";
          break;
        }
        [[fallthrough]];
      default:
        out.push_back(c);
    }
  }
  return out;
}

void add_text(std::vector<segment>& out, std::string_view raw) {
  if (raw.empty()) return;
  out.push_back({"text", {{"text", unescape_text(raw)}}});
}

}  // namespace

std::string segment::get(std::string_view key) const {
  for (const auto& [k, v] : data)
    if (k == key) return v;
  return {};
}

std::string escape_text(std::string_view s) {
  return encode(s, false);
}

std::string escape_param(std::string_view s) {
  return encode(s, true);
}

std::string unescape_text(std::string_view s) {
  return decode(s, text_entities);
}

std::string unescape_param(std::string_view s) {
  return decode(s, param_entities);
}

std::vector<segment> parse_cq(std::string_view s) {
  std::vector<segment> out;
  std::size_t text_from = 0;
  std::size_t at = s.find("[CQ:");
  while (at != std::string_view::npos) {
    std::size_t close = s.find(']', at);
    if (close == std::string_view::npos) break;  // unterminated: the rest is text
    std::string_view body = s.substr(at + 4, close - at - 4);
    std::size_t comma = body.find(',');
    std::string_view type = body.substr(0, comma);
    if (type.empty()) {  // "[CQ:]" is not a code
      at = s.find("[CQ:", at + 1);
      continue;
    }
    add_text(out, s.substr(text_from, at - text_from));
    segment seg;
    seg.type = std::string(type);
    while (comma != std::string_view::npos) {
      std::size_t next = body.find(',', comma + 1);
      std::string_view param =
          body.substr(comma + 1, next == std::string_view::npos ? std::string_view::npos : next - comma - 1);
      std::size_t eq = param.find('=');  // values may contain '=': split at the first one
      if (!param.empty())
        seg.data.emplace_back(std::string(param.substr(0, eq)), eq == std::string_view::npos
                                                                    ? std::string()
                                                                    : unescape_param(param.substr(eq + 1)));
      comma = next;
    }
    out.push_back(std::move(seg));
    text_from = close + 1;
    at = s.find("[CQ:", text_from);
  }
  add_text(out, s.substr(text_from));
  return out;
}

std::string to_cq(const std::vector<segment>& segments) {
  std::string out;
  for (const auto& seg : segments) {
    if (seg.type == "text") {
      out += escape_text(seg.get("text"));
      continue;
    }
    out += "[CQ:" + seg.type;
    for (const auto& [k, v] : seg.data) out += "," + k + "=" + escape_param(v);
    out += "]";
  }
  return out;
}

}  // namespace adapters::onebot
