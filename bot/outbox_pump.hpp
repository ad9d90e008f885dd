// Drains the outbox without doing I/O itself: picks the due head of each chat's queue, most
// urgent first, respects per-chat and per-account token buckets, hands rows to the channels, and
// records what they answer (sent with the platform id, retry with backoff and jitter, or
// dead-lettered after the last attempt). In-flight rows are only held in memory: after a crash
// they are still pending and go out again, which is the only double send a crash can cause.
// A row whose platform cannot take it (not connected, or no route for its account) waits, and is
// dead-lettered once its account has been unable to send for max_attempts × backoff_max_ms, so a
// message that can never be routed is reported instead of waiting forever.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>

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
  // Runs in the transaction that marks the row dead, so what it writes (an alert job) cannot be lost.
  std::function<void(const storage::outbox_row&, const std::string& error)> on_dead;

  std::int64_t backoff_ms(int attempts);  // for attempt number `attempts` (1-based), with jitter

 private:
  void settle(const storage::outbox_row& row, const send_result& r);
  void die(const storage::outbox_row& row, int attempts, const std::string& error);
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
  // Since when each account (platform/account) could not take sends, as this run observed it.
  std::map<std::string, std::int64_t> not_ready_since_;
  std::mt19937 rng_{std::random_device{}()};
};

}  // namespace bot
