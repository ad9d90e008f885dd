#include "bot/outbox_pump.hpp"

#include <algorithm>
#include <cmath>

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "storage/stores.hpp"

namespace bot {
namespace {

constexpr std::int64_t not_ready_recheck_ms = 1'000;

void earliest(std::optional<std::int64_t>& wake, std::int64_t at) {
  if (!wake || at < *wake) wake = at;
}

std::string account_key(const chat_ref& target) {
  return target.platform + "/" + target.account;
}

// The storage edge: channels get a plain value, not the row.
delivery delivery_of(const storage::outbox_row& row) {
  return {row.id, row.target, row.body, row.attempts, row.platform_message_id};
}

// Logs never name the chat of a sealed message: it is an anonymous writer.
std::string target_of(const storage::outbox_row& row) {
  return row.sealed ? "(sealed)" : row.target.key();
}

}  // namespace

outbox_pump::outbox_pump(storage::stores& db, const clock& clk, const outbox_config& cfg)
    : db_(db), clk_(clk), cfg_(cfg) {}

void outbox_pump::add_channel(channel& ch) {
  channels_[std::string(ch.platform())] = &ch;
}

channel* outbox_pump::channel_for(std::string_view platform) const {
  auto it = channels_.find(platform);
  return it == channels_.end() ? nullptr : it->second;
}

bool outbox_pump::shared_limits_allow(const storage::outbox_row& row, const channel& ch,
                                      const std::string& account, std::int64_t now) {
  // Groups only: a bucket for a private chat would keep who was written to and when, and a sealed
  // row's chat is an anonymous writer's (the suggestion box's promise). Private chats keep this
  // instance's own bucket and the account's shared one.
  const rate c = chat_rate(ch);
  if (row.target.kind == chat_kind::group && !row.sealed &&
      !db_.send_buckets.take("chat:" + row.target.key(), c.per_second, c.burst, now))
    return false;
  if (auto a = account_rate(ch);
      a && !db_.send_buckets.take("account:" + account, a->per_second, a->burst, now))
    return false;
  return true;
}

// Pacing is configured in one place: [outbox.platforms.<name>] (built-in defaults follow the
// platforms' published limits), falling back to the [outbox] per-chat default.
rate outbox_pump::chat_rate(const channel& ch) const {
  auto it = cfg_.platforms.find(std::string(ch.platform()));
  if (it != cfg_.platforms.end() && it->second.per_chat_per_second > 0)
    return {it->second.per_chat_per_second,
            it->second.per_chat_burst > 0 ? it->second.per_chat_burst : cfg_.per_chat_burst};
  return {cfg_.per_chat_per_second, cfg_.per_chat_burst};
}

std::optional<rate> outbox_pump::account_rate(const channel& ch) const {
  auto it = cfg_.platforms.find(std::string(ch.platform()));
  if (it != cfg_.platforms.end() && it->second.per_second > 0)
    return rate{it->second.per_second, it->second.burst};
  return std::nullopt;
}

token_bucket& outbox_pump::bucket(std::map<std::string, token_bucket>& m, const std::string& key, rate r,
                                  std::int64_t now) {
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(key, token_bucket(r.per_second, r.burst, now)).first;
  return it->second;
}

std::int64_t outbox_pump::backoff_ms(int attempts) {
  double base = cfg_.backoff_initial_ms * std::pow(2.0, std::max(0, attempts - 1));
  base = std::min(base, static_cast<double>(cfg_.backoff_max_ms));
  std::uniform_real_distribution<double> jitter(0.75, 1.25);
  return static_cast<std::int64_t>(base * jitter(rng_));
}

std::optional<std::int64_t> outbox_pump::pump() {
  if (db_.database.batch_open()) {  // its rows could still roll back: never send them before the commit
    db_.database.after_commit(this, [this] {
      if (wake) wake();
    });
    return std::nullopt;
  }
  const std::int64_t now = clk_.now_ms();
  const auto max_in_flight = static_cast<std::size_t>(cfg_.max_in_flight);
  std::optional<std::int64_t> wake;
  if (in_flight_.size() >= max_in_flight) return wake;  // a settle will call us again

  // In-flight rows are still pending heads and come back from the query: read past them, and a few
  // rows per free slot beyond, since some heads wait for their bucket. Reading (and decoding) far
  // more than that on every settle made draining a 10,000-group backlog slow.
  const int free_slots = cfg_.max_in_flight - static_cast<int>(in_flight_.size());
  const int window = free_slots * 8 + static_cast<int>(in_flight_.size());
  auto rows = db_.outbox.due_heads(now, window);
  for (const auto& row : rows) {
    if (in_flight_.size() >= max_in_flight) break;
    if (in_flight_.contains(row.id)) continue;
    if (row.sealed && row.target.platform.empty()) {  // sealed under a key this run does not have
      log::warn("outbox", "#{} (sealed) cannot be opened with this relay key: dropped", row.id);
      db_.outbox.forget(row.id);
      continue;
    }
    channel* ch = channel_for(row.target.platform);
    if (!ch) {
      die(row, row.attempts, "no adapter is enabled for platform " + row.target.platform);
      continue;
    }
    const std::string account = account_key(row.target);
    if (!ch->ready(row.target)) {
      outages_.not_ready(row.target, now);
      if (!too_old(row, *outages_.find(row.target), now)) earliest(wake, now + not_ready_recheck_ms);
      continue;
    }
    const outage* out = outages_.find(row.target);
    if (out && !out->by_answers) {
      platform_back(row.target, now);  // connected again
      out = nullptr;
    }
    if (out && too_old(row, *out, now)) continue;
    auto& chat_bucket = bucket(chat_buckets_, row.target.key(), chat_rate(*ch), now);
    token_bucket* account_bucket = nullptr;
    if (auto r = account_rate(*ch)) account_bucket = &bucket(account_buckets_, account, *r, now);
    std::int64_t ready = chat_bucket.ready_at(now);
    if (account_bucket) ready = std::max(ready, account_bucket->ready_at(now));
    if (ready > now) {
      earliest(wake, ready);
      continue;
    }
    if (out && !outages_.take_probe(row.target, row.id, now)) {  // one row at a time asks if it is back
      earliest(wake, std::max(now + not_ready_recheck_ms, outages_.next_probe_at(row.target)));
      continue;
    }
    if (!shared_limits_allow(row, *ch, account, now)) {  // other instances spent them (PostgreSQL)
      earliest(wake, now + shared_limit_recheck_ms);
      continue;
    }
    if (!db_.outbox.claim(row.id, now, now + cfg_.lease_ms)) continue;  // another instance sends it
    chat_bucket.try_take(now);
    if (account_bucket) account_bucket->try_take(now);
    in_flight_.insert(row.id);
    ch->send(delivery_of(row), [this, row](send_result r) { settle(row, r); });
  }
  if (auto next = db_.outbox.next_due_at(); next && *next > now) earliest(wake, *next);
  for (outage* o : outages_.to_report(now, cfg_.outage_alert_after_ms)) report(*o);
  if (auto at = outages_.next_report_at(cfg_.outage_alert_after_ms)) earliest(wake, std::max(*at, now + 1));
  return wake;
}

bool outbox_pump::too_old(const storage::outbox_row& row, const outage& o, std::int64_t now) {
  if (now - row.created_at < cfg_.give_up_after_ms) return false;
  const std::int64_t minutes = (now - o.since) / 60'000;
  log::warn("outbox", "#{} to {}: {} unreachable for {} min and the message is too old, given up", row.id,
            target_of(row), o.platform, minutes);
  die(row, row.attempts, fmt::format("{} unreachable for {} min ({})", o.platform, minutes, o.error));
  return true;
}

void outbox_pump::report(outage o) {
  if (o.until)
    log::warn("outbox", "{}/{} reachable again after {} min", o.platform, o.account,
              (*o.until - o.since) / 60'000);
  else
    log::error("outbox", "{}/{} unreachable for {} min: {}", o.platform, o.account,
               (clk_.now_ms() - o.since) / 60'000, o.error);
  if (!on_outage) return;
  try {
    storage::transaction txn(db_.database);
    o.waiting = db_.outbox.pending_on_account(o.platform, o.account);
    on_outage(o);
    txn.commit();
  } catch (const std::exception& e) {
    log::error("outbox", "cannot report the outage of {}/{}: {}", o.platform, o.account, e.what());
  }
}

void outbox_pump::platform_back(const chat_ref& target, std::int64_t now) {
  if (auto o = outages_.back(target, now); o && o->reported) report(std::move(*o));
}

wait_reason outbox_pump::explain(const storage::outbox_row& row) {
  const std::int64_t now = clk_.now_ms();
  using k = wait_reason::kind;
  if (row.state == "held") return {k::held, 0};
  if (in_flight_.contains(row.id)) return {k::sending, 0};
  if (row.platform_message_id.rfind(confirm_prefix, 0) == 0) return {k::held, row.next_attempt_at};
  channel* ch = channel_for(row.target.platform);
  if (!ch) return {k::no_adapter, 0};
  if (!ch->ready(row.target)) return {k::not_connected, 0};
  if (const outage* o = outages_.find(row.target); o && o->by_answers) return {k::unreachable, o->since};
  if (row.next_attempt_at == storage::outbox_row::parked) return {k::behind_in_chat, 0};
  if (row.next_attempt_at > now) return {k::backoff, row.next_attempt_at};
  if (db_.outbox.ahead_in_chat(row) > 0) return {k::behind_in_chat, 0};
  std::int64_t at = now;
  if (auto it = chat_buckets_.find(row.target.key()); it != chat_buckets_.end())
    at = it->second.ready_at(now);
  if (auto r = account_rate(*ch)) {
    std::int64_t account_ready = now;
    if (auto it = account_buckets_.find(account_key(row.target)); it != account_buckets_.end())
      account_ready = it->second.ready_at(now);
    // Rows queued before it on the account take the next tokens first (those in flight already did).
    auto ahead = std::max<std::int64_t>(
        0, db_.outbox.ahead_on_account(row) - static_cast<std::int64_t>(in_flight_.size()));
    at = std::max(at, account_ready + static_cast<std::int64_t>(
                                          std::ceil(static_cast<double>(ahead) * 1000.0 / r->per_second)));
  }
  if (at > now) return {k::rate_limited, at};
  return {k::due, now};
}

void outbox_pump::die(const storage::outbox_row& row, int attempts, const std::string& error) {
  if (row.sealed) {  // an anonymous writer's message: no trace, and nobody is told (it would say who)
    db_.outbox.forget(row.id);
    return;
  }
  storage::transaction txn(db_.database);
  db_.outbox.mark_dead(row.id, attempts, error);
  if (on_dead) on_dead(row, error);
  txn.commit();
}

// The platform was not reached: no attempt is used and the row stays due; the account's outage
// holds it (and the account's other rows) back until a probe gets through.
void outbox_pump::unreachable(const storage::outbox_row& row, const send_result& r, std::int64_t now) {
  if (!outages_.find(row.target))
    log::warn("outbox", "{} unreachable ({}): its messages wait until it is back", account_key(row.target),
              r.error);
  outages_.unreachable(row.target, r.error, row.id, now);
  try {
    db_.outbox.mark_retry(row.id, row.attempts, r.error, now);
  } catch (const std::exception& e) {
    log::error("outbox", "cannot record the result of #{}: {}", row.id, e.what());
  }
  if (wake) wake();
}

void outbox_pump::settle(const storage::outbox_row& row, const send_result& r) {
  in_flight_.erase(row.id);
  ++settled_;
  if (on_settle) on_settle(row, r);
  const std::int64_t now = clk_.now_ms();
  if (r.outcome == send_result::status::unreachable) {
    unreachable(row, r, now);
    return;
  }
  platform_back(row.target, now);
  const int attempts = row.attempts + 1;
  try {
    if (share_commit)
      share_commit([&] { record(row, r, attempts, now); });
    else
      record(row, r, attempts, now);
  } catch (const std::exception& e) {  // the batch could not begin (another writer held the lock)
    log::error("outbox", "cannot record the result of #{}: {}", row.id, e.what());
  }
  if (wake) wake();
}

void outbox_pump::record(const storage::outbox_row& row, const send_result& r, int attempts,
                         std::int64_t now) {
  try {
    // A sealed message leaves no trace once settled; its failure is not reported to anyone,
    // because the report would say who the writer is.
    const bool done = r.outcome == send_result::status::sent || r.outcome == send_result::status::failed ||
                      attempts >= cfg_.max_attempts;
    if (row.sealed && done) {
      if (r.outcome != send_result::status::sent)
        log::warn("outbox", "#{} (sealed) given up: {}", row.id, r.error);
      db_.outbox.forget(row.id);
      return;
    }
    switch (r.outcome) {
      case send_result::status::sent:
        db_.outbox.mark_sent(row.id, attempts, r.platform_message_id, now);
        break;
      case send_result::status::failed:
        log::warn("outbox", "#{} to {} failed for good: {}", row.id, target_of(row), r.error);
        die(row, attempts, r.error);
        break;
      case send_result::status::confirming:
        if (now - row.created_at > cfg_.give_up_after_ms) {
          log::warn("outbox", "#{} to {} was not confirmed in time: {}", row.id, target_of(row), r.error);
          die(row, row.attempts, "not confirmed on the platform in time: " + r.error);
        } else {
          db_.outbox.mark_retry(row.id, row.attempts, r.error, now + r.retry_after_ms.value_or(60'000));
        }
        break;
      case send_result::status::retry:
      case send_result::status::uncertain:
      case send_result::status::unreachable:  // handled above; listed for the compiler
        if (attempts >= cfg_.max_attempts) {
          log::warn("outbox", "#{} to {} dead after {} attempts: {}", row.id, target_of(row), attempts,
                    r.error);
          die(row, attempts, r.error);
        } else {
          std::int64_t delay = std::max(backoff_ms(attempts), r.retry_after_ms.value_or(0));
          log::info("outbox", "#{} to {} attempt {} {}: {}; next in {} ms", row.id, target_of(row), attempts,
                    r.outcome == send_result::status::uncertain ? "unconfirmed" : "failed", r.error, delay);
          db_.outbox.mark_retry(row.id, attempts, r.error, now + delay);
        }
        break;
    }
  } catch (const std::exception& e) {
    // The row stays pending and goes out again: a double send is better than a lost one.
    log::error("outbox", "cannot record the result of #{}: {}", row.id, e.what());
    try {
      db_.outbox.release(row.id, row.next_attempt_at);  // not after the lease: at once
    } catch (const std::exception& again) {
      log::error("outbox", "#{} waits for its lease to end: {}", row.id, again.what());
    }
  }
}

}  // namespace bot
