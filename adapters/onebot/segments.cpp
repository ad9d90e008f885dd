#include "adapters/onebot/segments.hpp"

#include <nlohmann/json.hpp>

#include "adapters/limits.hpp"
#include "adapters/onebot/ids.hpp"
#include "bot/utf8.hpp"

namespace adapters::onebot {
namespace {

using nlohmann::json;

// Scalars only: no segment field a command reads is an array or an object, and rendering one
// (dump()) recurses once per level of a value the sender chose.
std::string value_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (auto id = id_text(v)) return *id;
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) return v.dump();
  return {};
}

std::optional<segment> segment_of(const json& j) {
  if (!j.is_object()) return std::nullopt;
  auto type = j.find("type");
  if (type == j.end() || !type->is_string() || type->get_ref<const std::string&>().empty())
    return std::nullopt;
  segment seg;
  seg.type = type->get<std::string>();
  if (auto data = j.find("data"); data != j.end() && data->is_object())
    for (const auto& [k, v] : data->items()) seg.data.emplace_back(k, value_text(v));
  return seg;
}

json text_segment(std::string text) {
  return {{"type", "text"}, {"data", {{"text", std::move(text)}}}};
}
json at_segment(const std::string& qq) {
  return {{"type", "at"}, {"data", {{"qq", qq}}}};
}

bool begins_with_space(std::string_view s) {
  std::size_t i = 0;
  return !s.empty() && bot::utf8::is_space(bot::utf8::next(s, i));
}

bool ends_with_space(std::string_view s) {
  std::string_view trimmed = bot::utf8::trim(s);
  return trimmed.empty() || trimmed.data() + trimmed.size() != s.data() + s.size();
}

}  // namespace

std::vector<segment> segments_of(const json& message) {
  std::vector<segment> out;
  if (message.is_string()) return parse_cq(message.get_ref<const std::string&>());
  if (message.is_object()) {
    if (auto seg = segment_of(message)) out.push_back(std::move(*seg));
    return out;
  }
  if (message.is_array())
    for (const auto& item : message)
      if (auto seg = segment_of(item)) out.push_back(std::move(*seg));
  return out;
}

content read_content(const std::vector<segment>& segments, const std::string& self_id) {
  content c;
  bool right_after_quote = false;  // only a reply segment and spaces so far since the quote
  bool explicit_at_bot = false, quote_at_bot = false;
  bool after_mention = false;
  auto add_mention_text = [&](const std::string& shown) {
    if (!ends_with_space(c.text)) c.text += ' ';
    c.text += "@" + shown;
    after_mention = true;
  };
  for (const auto& seg : segments) {
    if (seg.type == "text") {
      std::string t = seg.get("text");
      if (after_mention && !t.empty() && !begins_with_space(t)) c.text += ' ';
      after_mention = false;
      if (!bot::utf8::trim(t).empty()) right_after_quote = false;
      c.text += t;
      continue;
    }
    if (seg.type == "at") {
      std::string qq = seg.get("qq");
      const bool inserted_by_quote = right_after_quote;
      right_after_quote = false;
      if (!self_id.empty() && qq == self_id) {
        (inserted_by_quote ? quote_at_bot : explicit_at_bot) = true;
      } else if (inserted_by_quote) {
        // QQ's @ of the quoted author, not typed: left out so "报修 …" quoting a neighbour still reads.
      } else if (qq == "all") {
        add_mention_text("全体成员");
      } else if (!qq.empty()) {
        std::string name = seg.get("name");
        if (name.rfind('@', 0) == 0) name.erase(0, 1);
        add_mention_text(name.empty() ? qq : name);
        c.mentions.push_back({qq, std::move(name)});
      }
      continue;
    }
    right_after_quote = false;
    if (seg.type == "reply") {
      if (c.quoted_id.empty()) {
        c.quoted_id = seg.get("id");
        right_after_quote = true;
      }
    } else if (seg.type == "image") {
      std::string ref = seg.get("url");
      if (ref.empty()) ref = seg.get("file");
      if (!ref.empty() && c.images.size() < max_images_per_message) c.images.push_back(std::move(ref));
    }
    // face, record, video, file, forward, json, mface, poke, ...: nothing a command reads.
  }
  c.at_bot = explicit_at_bot || quote_at_bot;
  c.at_bot_by_quote_only = quote_at_bot && !explicit_at_bot;
  c.text = std::string(bot::utf8::trim(c.text));
  return c;
}

std::vector<std::string> split_text(const std::string& text, std::size_t max_chars) {
  if (max_chars == 0 || bot::utf8::length(text) <= max_chars) return {text};
  std::u32string rest = bot::utf8::decode(text);
  std::vector<std::string> parts;
  while (rest.size() > max_chars) {
    std::size_t cut = rest.rfind(U'\n', max_chars);
    std::size_t skip = 1;
    if (cut == std::u32string::npos || cut < max_chars / 2) {
      cut = max_chars;
      skip = 0;
    }
    parts.push_back(bot::utf8::encode(std::u32string_view(rest).substr(0, cut)));
    rest.erase(0, cut + skip);
  }
  if (!rest.empty()) parts.push_back(bot::utf8::encode(rest));
  return parts;
}

std::vector<json> render(const bot::outgoing& body, const render_options& opt) {
  std::vector<json> messages;
  auto parts = split_text(body.text, opt.max_text_chars);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    json segments = json::array();
    bool mentioned = false;
    if (i == 0) {
      if (!body.quote_id.empty()) segments.push_back({{"type", "reply"}, {"data", {{"id", body.quote_id}}}});
      if (body.mention_all && opt.at_all) {
        segments.push_back(at_segment("all"));
        mentioned = true;
      }
      for (const auto& m : body.mentions) {
        if (m.user_id.empty()) continue;
        segments.push_back(at_segment(m.user_id));
        mentioned = true;
      }
    }
    std::string text = mentioned && !parts[i].empty() ? " " + parts[i] : parts[i];
    if (!text.empty()) segments.push_back(text_segment(std::move(text)));
    messages.push_back(std::move(segments));
  }
  return messages;
}

}  // namespace adapters::onebot
