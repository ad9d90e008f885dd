// The one path every inbound event takes: de-duplicate, record the chat and the sender, work out
// the sender's role, parse the command, run it, and commit the domain writes together with the
// outbox rows of the replies — all in one IMMEDIATE transaction.
#pragma once
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "bot/chat_hooks.hpp"
#include "bot/message.hpp"
#include "bot/role.hpp"
#include "bot/services.hpp"
#include "storage/member_store.hpp"

namespace bot {

class context;
struct invocation;
struct command_spec;

enum class dispatch_outcome { processed, duplicate, ignored };

class dispatcher {
 public:
  explicit dispatcher(services& svc);
  dispatch_outcome handle(const inbound_event& event);
  dispatch_hooks& hooks() { return hooks_; }  // filled through bot::feature_host
  // Messages of this platform may carry message::claimed_role (the wiring names the adapters that
  // vouch for it); from any other platform the field is ignored.
  void trust_claimed_roles(std::string platform) { role_vouchers_.insert(std::move(platform)); }
  // Told of each command about to run (after the role and place checks), for /metrics; not of
  // anonymous ones.
  std::function<void(const command_spec&)> on_command;

 private:
  dispatch_outcome handle_message(const message& m);
  dispatch_outcome handle_joined(const member_joined& e);
  dispatch_outcome handle_removed(const removed_from_chat& e);
  dispatch_outcome handle_titled(const chat_titled& e);
  void run_command(context& ctx, const invocation& inv);
  void no_such_command(context& ctx, const invocation& inv);
  void remember_claimed_role(const storage::member_row& m, std::int64_t community, role r);

  services& svc_;
  dispatch_hooks hooks_;
  std::set<std::string, std::less<>> role_vouchers_;
};

}  // namespace bot
