#include "adapters/onebot12/segments.hpp"

#include <array>

#include "adapters/limits.hpp"
#include "adapters/onebot12/ids.hpp"

namespace adapters::onebot12 {
namespace {

using nlohmann::json;

std::string string_field(const json& data, const char* key) {
  if (!data.is_object()) return {};
  auto it = data.find(key);
  if (it == data.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  return id_text(*it).value_or("");
}

// WeChat puts U+2005 (four-per-em space) after "@name"; a command reads it as an ordinary space.
std::string plain_spaces(std::string text) {
  static const std::string wechat_at_space = "\xE2\x80\x85";
  for (std::size_t at = text.find(wechat_at_space); at != std::string::npos;
       at = text.find(wechat_at_space, at))
    text.replace(at, wechat_at_space.size(), " ");
  return text;
}

bool space(char ch) {
  return ch == ' ' || ch == '\n' || ch == '\t';
}

bool begins_with_space(const std::string& s) {
  return !s.empty() && space(s.front());
}

}  // namespace

content read_content(const json& message, std::string_view platform, std::string_view self_user_id) {
  content c;
  if (!message.is_array()) return c;
  bool after_mention = false;
  bool quoted_bot = false;
  auto add_mention_text = [&](const std::string& shown) {
    if (!c.text.empty() && !space(c.text.back())) c.text += ' ';
    c.text += "@" + shown;
    after_mention = true;
  };
  for (const auto& seg : message) {
    if (!seg.is_object()) continue;
    const std::string type = string_field(seg, "type");
    const json& data = seg.contains("data") ? seg["data"] : json();
    if (type == "text") {
      std::string t = plain_spaces(string_field(data, "text"));
      if (after_mention && !t.empty() && !begins_with_space(t)) c.text += ' ';
      after_mention = false;
      c.text += t;
    } else if (type == "mention") {
      const std::string user = string_field(data, "user_id");
      if (user.empty()) continue;
      if (user == self_user_id) {
        c.at_bot = true;
        continue;
      }
      add_mention_text(user);
      c.mentions.push_back({qualified(platform, user), ""});
    } else if (type == "mention_all") {
      add_mention_text("全体成员");
    } else if (type == "image") {
      std::string ref = string_field(data, "url");
      if (ref.empty()) ref = string_field(data, "file_id");
      if (!ref.empty() && c.images.size() < max_images_per_message) c.images.push_back(std::move(ref));
    } else if (type == "reply") {
      c.quoted_id = string_field(data, "message_id");
      quoted_bot = quoted_bot || (!self_user_id.empty() && string_field(data, "user_id") == self_user_id);
    }
  }
  if (quoted_bot && !c.at_bot) c.at_bot = c.at_bot_by_quote_only = true;
  return c;
}

render_options options_for(std::string_view impl) {
  std::string name;
  for (char ch : impl) name += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  if (name.starts_with("comwechat")) return {false, true, true, true};  // wechatbot_client/action_manager
  return {};
}

json render(const bot::outgoing& body, std::string_view account, const render_options& opt) {
  json segments = json::array();
  if (opt.quote && !body.quote_id.empty())
    segments.push_back({{"type", "reply"}, {"data", {{"message_id", body.quote_id}}}});
  json mentions = json::array();
  if (body.mention_all && opt.mention_all)
    mentions.push_back({{"type", "mention_all"}, {"data", json::object()}});
  for (const auto& m : body.mentions) {
    if (opt.mentions)
      mentions.push_back({{"type", "mention"}, {"data", {{"user_id", wire_id(account, m.user_id)}}}});
    else if (!m.name.empty())
      mentions.push_back({{"type", "text"}, {"data", {{"text", "@" + m.name}}}});
  }
  std::string text = body.text;
  if (!mentions.empty() && !text.empty()) {
    if (opt.mentions_last && !space(text.back())) text += ' ';
    if (!opt.mentions_last && !begins_with_space(text)) text.insert(0, " ");
  }
  json text_seg = json::array();
  if (!text.empty()) text_seg.push_back({{"type", "text"}, {"data", {{"text", std::move(text)}}}});
  for (auto* part : opt.mentions_last ? std::array{&text_seg, &mentions} : std::array{&mentions, &text_seg})
    for (auto& seg : *part) segments.push_back(std::move(seg));
  return segments;
}

}  // namespace adapters::onebot12
