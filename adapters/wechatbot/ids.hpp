// How estatebot names the chats and people of personal WeChat behind wechatbot-webhook.
//
// Web WeChat (the protocol the bridge's Wechaty puppet speaks) gives every room and contact a new
// id ("@@3f…", "@6b5…") at each login, and the bridge logs in again every few days. Its send API
// finds a room by topic (群名) and a person by nickname or by remark (备注名): `to` is a name, never
// an id. So estatebot keys what outlives a login:
//   - a group's chat id is its topic, verbatim: a re-login keeps the same chat (and its
//     registration, 绑定小区), and a reply goes to `to: <topic>, isRoom: true`. What it costs: a
//     renamed group is a new chat and must be registered again, and two groups of one name are
//     one chat to estatebot (the bridge sends to whichever it finds first). The room ids still
//     serve within a login, to notice both (room_history.hpp).
//   - a person is "alias:<备注名>" when the bot's WeChat gave them a remark, else "name:<昵称>".
//     A remark is set by whoever holds the bot's phone, so it is stable and nobody can take it;
//     a nickname is whatever its owner types today: two people of one nickname are one member, and
//     anyone may take a nickname. Roles ([roles], 设为员工) belong only on "alias:" ids; README says so.
//   - a private chat's id is the person's id; a reply goes to `to: {"alias": …}` or `to: <昵称>`.
// The bridge gives its messages no id either: message_digest() is what dedupe starts from (see
// recent_messages.hpp for how a repeat is told from a delivery twice).
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "bot/message.hpp"

namespace adapters::wechatbot {

constexpr std::string_view platform = "wechatbot";

// "alias:王师傅" when `alias` is set, else "name:王阿姨"; empty when both are.
std::string member_id(std::string_view alias, std::string_view name);
// What a member id is called in text ("@王阿姨"): the name after its "alias:"/"name:".
std::string name_in(std::string_view member_id);

// The `to` and `isRoom` of a send to this chat (/webhook/msg/v2).
nlohmann::json recipient(const bot::chat_ref& chat);

// A digest of what a message is (where, who, what): equal for a delivery and its repeat.
std::string message_digest(const bot::chat_ref& chat, const std::string& sender_id, std::string_view type,
                           std::string_view content);

}  // namespace adapters::wechatbot
