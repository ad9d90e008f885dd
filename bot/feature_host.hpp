// How a feature plugs into the core, without seeing it: its commands, the kinds of scheduled job it
// runs (each with the type of what its rows are about), its chat hooks, its dead-letter listeners
// and its outage listeners. The wiring hands the core one function that registers every feature here
// (commands/all_commands); the core calls it once, before the first message.
#pragma once
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "bot/account_outages.hpp"
#include "bot/chat_hooks.hpp"
#include "bot/command.hpp"
#include "bot/job_kind.hpp"
#include "storage/job_store.hpp"

namespace storage {
struct outbox_row;
}

namespace bot {

class registry;
class scheduler;
struct services;

// One due job, as its handler gets it: the subject read from the row's ref, and the row itself
// for its payload.
template <class Subject>
struct job_run {
  services& svc;
  Subject ref;
  const storage::job_row& row;
};

// An outbox row given up for good (`error` says why), in the transaction that marks it dead, so
// that what a listener writes (an alert job, a correction) cannot be lost.
using dead_letter_hook = std::function<void(services&, const storage::outbox_row&, const std::string& error)>;
// A bot account's platform has been unreachable for a while (`until` empty), or a reported outage
// ended; in a transaction, so what a listener queues goes out with the commit.
using outage_hook = std::function<void(services&, const outage&)>;

class feature_host {
 public:
  struct parts {
    registry& commands;
    scheduler& jobs;
    dispatch_hooks& hooks;
    std::vector<dead_letter_hook>& dead_letters;
    std::vector<outage_hook>& outages;
    services& svc;
  };
  explicit feature_host(parts p) : p_(p) {}

  void command(command_spec spec);  // throws std::logic_error on a duplicate id or name

  // Throws std::logic_error on a second handler for the kind. A row whose ref the kind cannot read
  // is logged and dropped: retrying would not make it readable.
  template <class Subject>
  void job(const job_kind<Subject>& kind,
           std::function<void(const job_run<std::type_identity_t<Subject>>&)> handler) {
    add_job(kind.name, [kind, handler = std::move(handler), &svc = p_.svc](const storage::job_row& row) {
      if (auto ref = kind.read(row.ref)) return handler(job_run<Subject>{svc, *ref, row});
      unreadable_ref(row);
    });
  }

  void on_chatter(chatter_hook h);
  void on_direct(chatter_hook h);
  void on_member_joined(join_hook h);
  void on_dead_letter(dead_letter_hook h);
  void on_outage(outage_hook h);
  // What a feature may read or schedule while it installs (a daily job's first row).
  services& svc() { return p_.svc; }

 private:
  void add_job(const char* kind, std::function<void(const storage::job_row&)> run);
  static void unreadable_ref(const storage::job_row& row);

  parts p_;
};

}  // namespace bot
