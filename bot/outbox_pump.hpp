// Drains the outbox without doing I/O itself: picks the due head of each chat's queue, most
// urgent first, respects per-chat and per-account token buckets, hands rows to the channels, and
// records what they answer (sent with the platform id, retry with backoff and jitter, or
// dead-lettered after the last attempt). In-flight rows are only held in memory: after a crash
// they are still pending and go out again, which is the only double send a crash can cause.
// A row whose platform is away (not connected, no route for its account, or sends that never
// reach it) waits without using attempts (see account_outages), and is dead-lettered only once it
// is give_up_after_ms old, so a message that can never be routed is reported instead of waiting
// forever. Outages that last outage_alert_after_ms are reported through on_outage.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "bot/account_outages.hpp"
#include "bot/channel.hpp"
#include "bot/config.hpp"
#include "bot/token_bucket.hpp"

namespace storage {
struct outbox_row;
struct stores;
}  // namespace storage

namespace bot {

class clock;

// Why a pending row has not been sent yet, for delivery reports.
struct wait_reason {
  enum class kind {
    due,             // goes out with the next round
    sending,         // handed to the platform, no answer yet
    no_adapter,      // no adapter of its platform is enabled: it will be dead-lettered
    not_connected,   // the adapter cannot send right now (connection down)
    unreachable,     // sends do not reach the platform since `at`; goes out when it is back
    backoff,         // an attempt failed; `at` is the next one (last_error says why)
    behind_in_chat,  // earlier messages into the same chat go first
    rate_limited,    // the chat's or the account's token bucket; `at` is an estimate
    held,            // waits for a person to confirm it on the platform (WeCom customer groups)
  };
  kind why = kind::due;
  std::int64_t at = 0;
};

class outbox_pump {
 public:
  outbox_pump(storage::stores& db, const clock& clk, const outbox_config& cfg);
  void add_channel(channel& ch);
  channel* channel_for(std::string_view platform) const;

  // Starts every send that limits allow now. Returns when it should run again (unix ms), if
  // something is waiting for time to pass; a finished send calls `wake` instead.
  std::optional<std::int64_t> pump();
  std::size_t in_flight() const { return in_flight_.size(); }
  bool sending(std::int64_t row_id) const { return in_flight_.contains(row_id); }
  // Sends answered so far (a channel that answers at once, inside pump(), moves it at once).
  std::uint64_t settled() const { return settled_; }
  wait_reason explain(const storage::outbox_row& pending_row);

  // Asks for another pump() soon: a send settled, or a transaction that queued rows committed
  // (bot::core hooks the outbox store's commits here).
  std::function<void()> wake;
  // Group commit (bot/group_commit): what a settled send records joins the open batch. A batch that
  // fails to commit loses the record, and the row goes out once more: never lost, rarely twice.
  std::function<void(const std::function<void()>&)> share_commit;
  // Runs in the transaction that marks the row dead, so what it writes (an alert job) cannot be lost.
  std::function<void(const storage::outbox_row&, const std::string& error)> on_dead;
  // An account's outage has lasted outage_alert_after_ms (`until` empty), or a reported one ended;
  // runs in a transaction, so what it queues goes out with the commit.
  std::function<void(const outage&)> on_outage;
  // Told of every answer a channel gives (/metrics).
  std::function<void(const storage::outbox_row&, const send_result&)> on_settle;
  std::vector<outage> outages() const { return outages_.all(); }

  std::int64_t backoff_ms(int attempts);  // for attempt number `attempts` (1-based), with jitter

 private:
  void settle(const storage::outbox_row& row, const send_result& r);
  void record(const storage::outbox_row& row, const send_result& r, int attempts, std::int64_t now);
  void die(const storage::outbox_row& row, int attempts, const std::string& error);
  // For a row whose account is out: gives it up when it is past its deadline (true).
  bool too_old(const storage::outbox_row& row, const outage& o, std::int64_t now);
  void report(outage o);
  void platform_back(const chat_ref& target, std::int64_t now);
  void unreachable(const storage::outbox_row& row, const send_result& r, std::int64_t now);
  // The rate limits as all instances on one PostgreSQL database spend them (always true on SQLite).
  bool shared_limits_allow(const storage::outbox_row& row, const channel& ch, const std::string& account,
                           std::int64_t now);
  static constexpr std::int64_t shared_limit_recheck_ms = 50;
  rate chat_rate(const channel& ch) const;
  std::optional<rate> account_rate(const channel& ch) const;
  token_bucket& bucket(std::map<std::string, token_bucket>& m, const std::string& key, rate r,
                       std::int64_t now);

  storage::stores& db_;
  const clock& clk_;
  outbox_config cfg_;
  std::map<std::string, channel*, std::less<>> channels_;
  std::set<std::int64_t> in_flight_;
  std::uint64_t settled_ = 0;
  std::map<std::string, token_bucket> chat_buckets_;
  std::map<std::string, token_bucket> account_buckets_;
  account_outages outages_;
  std::mt19937 rng_{std::random_device{}()};
};

}  // namespace bot
