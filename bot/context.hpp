// Everything a command handler sees: the message, who sent it (with role and bound units), the
// chat and its community, the stores, and ways to reply. Replies go into the outbox in the
// dispatcher's transaction, so they exist exactly when the command's writes do.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/chat_store.hpp"
#include "storage/member_store.hpp"
#include "storage/outbox_store.hpp"
#include "storage/unit_store.hpp"

namespace bot {

struct caller {
  storage::member_row member;
  role level = role::resident;
  std::vector<storage::unit_row> units;  // bound units
};

class context {
 public:
  context(const message& m, const caller& who, const storage::chat_row& chat, services& svc, locale lang)
      : msg(m), who(who), chat(chat), svc(svc), lang(lang) {}

  const message& msg;
  const caller& who;
  const storage::chat_row& chat;
  services& svc;
  locale lang;
  const command_spec* spec = nullptr;  // the command being run

  storage::stores& db() const { return svc.db; }
  std::int64_t now() const;
  bool in_group() const { return msg.chat.is_group(); }
  std::int64_t community() const { return chat.community_id; }
  // Staff, managers and admins (the sender's role, as the dispatcher worked it out).
  bool is_staff() const { return at_least(who.level, role::staff); }

  template <class... A>
  std::string text(std::string_view id, A&&... named) const {
    return svc.t(lang, id, std::forward<A>(named)...);
  }
  template <class... A>
  failure fail(std::string_view id, A&&... named) const {
    return failure{text(id, std::forward<A>(named)...), false};
  }
  failure usage() const;  // "用法：..." of the running command, marked as a usage failure

  // Into the chat the command came from; in a group it @-mentions the sender and quotes the message.
  void reply(std::string text, storage::priority p = storage::priority::reply);
  // To the sender's direct chat on the same platform and account.
  void reply_private(std::string text);
  void send(const chat_ref& to, outgoing body, storage::priority p, const std::string& ref = {});
  // To an anonymous writer: a sealed outbox row (storage::outbox_row::sealed).
  void send_sealed(const chat_ref& to, outgoing body, storage::priority p);
  chat_ref sender_direct_chat() const;

  // A long read (a report over a year of tickets): runs `read` off the event loop when the service
  // has an off_loop (bot/off_loop.hpp), else at once; then `finish` with its result on the loop,
  // with a context like this one, in a transaction of its own. A read that throws answers
  // common.read_failed. `read` sees services of its own: capture values, not this context.
  template <class R>
  void later(std::function<R(services&)> read, std::function<void(context&, const R&)> finish) {
    auto result = std::make_shared<std::optional<R>>();
    later_erased([result, read = std::move(read)](services& s) { result->emplace(read(s)); },
                 [result, finish = std::move(finish)](context& c) { finish(c, **result); });
  }

 private:
  void later_erased(std::function<void(services&)> read, std::function<void(context&)> finish);
};

}  // namespace bot
