// The one path every inbound event takes: de-duplicate, record the chat and the sender, work out
// the sender's role, parse the command, run it, and commit the domain writes together with the
// outbox rows of the replies — all in one IMMEDIATE transaction.
#pragma once
#include <functional>
#include <map>
#include <string>

#include "bot/message.hpp"
#include "bot/role.hpp"
#include "bot/services.hpp"

namespace bot {

class context;
struct invocation;

enum class dispatch_outcome { processed, duplicate, ignored };

// Features that react to more than commands plug in here (welcome messages, chat that reads like
// a complaint). Each runs inside the dispatcher's transaction.
struct dispatch_hooks {
  std::function<void(context&)> on_chatter;  // a group message that is not a command
  std::function<void(context&, const member_joined&)> on_member_joined;
};

class dispatcher {
 public:
  explicit dispatcher(services& svc);
  dispatch_outcome handle(const inbound_event& event);
  dispatch_hooks& hooks() { return hooks_; }
  // Called after a commit that queued outbound messages (wakes the outbox worker).
  std::function<void()> on_enqueued;

 private:
  dispatch_outcome handle_message(const message& m);
  dispatch_outcome handle_joined(const member_joined& e);
  dispatch_outcome handle_removed(const removed_from_chat& e);
  dispatch_outcome handle_titled(const chat_titled& e);
  void run_command(context& ctx, const invocation& inv);
  role config_role(const user_ref& user) const;

  services& svc_;
  dispatch_hooks hooks_;
  std::map<std::string, role, std::less<>> config_roles_;  // "platform:user_id" → highest role
};

}  // namespace bot
