#include "adapters/console/console_session.hpp"

#include <fmt/format.h>

#include "bot/invocation.hpp"
#include "bot/utf8.hpp"

namespace adapters::console {
namespace {

constexpr const char* help_text =
    "控制台命令 / console commands:\n"
    "  :as <resident|owner|staff|manager|admin> [名字]   切换身份 / act as someone else\n"
    "  :group [群名]    在群里说话（默认“业主群”）/ talk in a group\n"
    "  :private         私聊机器人 / talk to the bot privately\n"
    "  :help            本说明 / this text\n"
    "其他内容都会作为消息发给机器人，例如：报修 3-2-1201 厨房水管漏水 · 帮助";

}  // namespace

console_session::console_session(const bot::console_config& cfg, std::int64_t start_ms)
    : user_id_(cfg.user_id), user_name_(cfg.user_name), id_prefix_(fmt::format("c{}-", start_ms)) {}

std::variant<bot::message, meta_reply, std::monostate> console_session::read_line(const std::string& raw,
                                                                                  std::int64_t now_ms) {
  std::string line(bot::utf8::trim(raw));
  if (line.empty()) return std::monostate{};
  if (line.front() == ':') {
    auto words = bot::tokenize(std::string_view(line).substr(1));
    if (words.empty() || words[0].text == "help") return meta_reply{help_text};
    const std::string& verb = words[0].text;
    if (verb == "as" && words.size() >= 2) {
      auto r = bot::parse_role(words[1].text);
      if (!r) return meta_reply{"未知身份 / unknown role: " + words[1].text};
      role_ = *r;
      std::string name = words.size() >= 3 ? words[2].text : std::string(bot::role_name(*r));
      user_id_ = name;
      user_name_ = name;
      return meta_reply{fmt::format("现在您是 {}（{}）/ you are now {} ({})", name, bot::role_name(*r), name,
                                    bot::role_name(*r))};
    }
    if (verb == "group") {
      group_ = words.size() >= 2 ? words[1].text : std::string("业主群");
      return meta_reply{fmt::format("现在在群“{}”里说话 / now talking in group {}", *group_, *group_)};
    }
    if (verb == "private") {
      group_.reset();
      return meta_reply{"现在私聊机器人 / now talking to the bot privately"};
    }
    return meta_reply{help_text};
  }
  bot::message m;
  m.id = id_prefix_ + std::to_string(++counter_);
  m.chat = {std::string(platform), "", group_ ? bot::chat_kind::group : bot::chat_kind::direct,
            group_ ? *group_ : user_id_};
  if (group_) m.chat_title = *group_;
  m.sender = {std::string(platform), user_id_, user_name_};
  m.text = line;
  m.unix_ms = now_ms;
  m.claimed_role = role_;
  return m;
}

std::string render(const bot::chat_ref& target, const bot::outgoing& body) {
  std::string head =
      target.is_group() ? fmt::format("🤖 [群 {}] ", target.id) : fmt::format("🤖 [→ {}] ", target.id);
  std::string text;
  if (body.mention_all) text += "@全体成员 ";
  for (const auto& m : body.mentions) text += "@" + (m.name.empty() ? m.user_id : m.name) + " ";
  text += body.text;
  // Indent continuation lines under the first.
  std::string out = head;
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += "   ";
  }
  return out;
}

}  // namespace adapters::console
