// The console adapter's input side: each line typed is a message from the current identity in the
// current chat. Lines starting with ':' change who you are or where you talk, so a newcomer can
// try every role:
//   :as staff 王师傅    :as owner 刘女士    :as admin    :group 3栋业主群    :private    :help
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "bot/config.hpp"
#include "bot/message.hpp"
#include "bot/role.hpp"

namespace adapters::console {

constexpr std::string_view platform = "console";

struct meta_reply {
  std::string text;  // shown to the person at the terminal
};

class console_session {
 public:
  explicit console_session(const bot::console_config& cfg, std::int64_t start_ms);
  // A typed line → a message for the dispatcher, or the answer to a ':' line.
  std::variant<bot::message, meta_reply, std::monostate> read_line(const std::string& line,
                                                                   std::int64_t now_ms);

 private:
  std::string user_id_, user_name_;
  std::optional<bot::role> role_;
  std::optional<std::string> group_;  // nullopt: private chat with the bot
  std::string id_prefix_;
  std::uint64_t counter_ = 0;
};

// How a reply looks on the terminal.
std::string render(const bot::chat_ref& target, const bot::outgoing& body);

}  // namespace adapters::console
