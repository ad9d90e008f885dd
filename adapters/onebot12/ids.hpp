// How OneBot 12 ids become estatebot's. The platform an implementation bridges (`self.platform`:
// "wechat", "qq", ...) goes in front of every id, so members, chats and bot accounts are keyed by it:
// a person is the same member whichever OneBot 12 bridge of that platform carries them.
//   bot account  "wechat:wxid_bot"            (self.platform ":" self.user_id; [adapters.onebot12] self_ids)
//   member       "wechat:wxid_owner"          (user_id of the same platform)
//   chat         "wechat:12345678@chatroom"   (group_id; a private chat is the member's id)
// Ids go back on the wire without the prefix.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace adapters::onebot12 {

// "wechat" + "wxid_x" → "wechat:wxid_x".
std::string qualified(std::string_view platform, std::string_view id);
// The platform part of an account ("wechat:wxid_bot" → "wechat").
std::string_view platform_of(std::string_view account);
// A qualified id as the implementation of `account` knows it: the prefix of the account's platform
// removed ("wechat:wxid_x" → "wxid_x"); anything else as it is.
std::string wire_id(std::string_view account, std::string_view id);
// A platform name as OneBot 12 implementations use them: 1-32 of a-z 0-9 _ - .
bool valid_platform(std::string_view platform);
// An id field: a non-empty string, or an integer written as text (the spec says string; some
// implementations send numbers). nullopt otherwise.
std::optional<std::string> id_text(const nlohmann::json& v);

}  // namespace adapters::onebot12
