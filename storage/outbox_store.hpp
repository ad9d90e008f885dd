// The durable outbox: one row per message per target chat, written in the transaction of the
// domain change that caused it; drained by bot/outbox_pump.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/message.hpp"
#include "storage/database.hpp"

namespace storage {

// What other instances on a PostgreSQL database hear when rows are queued (bot/db_listener).
inline constexpr const char* outbox_channel = "estatebot_outbox";

// Stored as its number (the outbox_due index orders by it): lower goes first.
enum class priority : int { emergency = 0, reply = 1, notice = 2, digest = 3 };

// How rows to anonymous writers keep their chat: `seal` when queued, `open` when read (in memory
// only; a seal that does not open reads as an empty target). bot::core installs bot/relay_seal.
struct target_seal {
  std::function<std::string(const bot::chat_ref&)> seal;
  std::function<std::optional<bot::chat_ref>(std::string_view)> open;
};

struct outbox_row {
  std::int64_t id = 0;
  std::int64_t created_at = 0;
  storage::priority priority = storage::priority::reply;
  bot::chat_ref target;
  bot::outgoing body;
  std::string ref;
  // A message to an anonymous writer (the suggestion box): a row that would tie the writer's chat
  // to their suggestion, so it has no ref, its chat is stored only sealed, and it is deleted as
  // soon as it is delivered or given up.
  bool sealed = false;
  std::string state;  // pending | sent | dead | held | cancelled
  int attempts = 0;
  // `parked` while rows before it in its chat are pending: not due before they are settled.
  static constexpr std::int64_t parked = std::numeric_limits<std::int64_t>::max();
  std::int64_t next_attempt_at = 0;
  std::optional<std::int64_t> sent_at;
  std::string platform_message_id;
  std::string last_error;
};

class outbox_store {
 public:
  explicit outbox_store(database& db) : db_(db) {}
  void seal_targets_with(target_seal s) { seal_ = std::move(s); }
  // Called once the transaction that queued rows commits (storage::database::after_commit): the
  // outbox pump wakes from the commit, whoever queued the rows.
  void on_commit(std::function<void()> f) { committed_ = std::move(f); }
  // Ids only grow, also over deleted rows: a row's id is its delivery id on every platform.
  std::int64_t enqueue(const bot::chat_ref& target, const bot::outgoing& body, priority p,
                       const std::string& ref, std::int64_t now_ms);
  // One message to many chats (a notice, an emergency): the rows of `rows_per_statement` chats
  // go in one statement (one round trip on PostgreSQL, one program run on SQLite) instead of one
  // each. rows[i] is a chat and its encoded body; never sealed.
  static constexpr int rows_per_statement = 64;
  void enqueue_many(const std::vector<std::pair<bot::chat_ref, const std::string*>>& rows, priority p,
                    const std::string& ref, std::int64_t now_ms);
  // News for people at work (staff and managers hearing of tickets): when the chat's last pending
  // row of the same priority is joinable news still waiting behind another row, for the same bot
  // account and queued within `join_window_ms`, the text is added to it (a blank line between)
  // instead of queued alone, up to `joined_text_limit` bytes. A staff
  // group that hears of a hundred tickets in a storm then reads a dozen messages, not a hundred,
  // and they arrive in a tenth of the time. Returns the row that carries it.
  static constexpr std::size_t joined_text_limit = 1'500;      // WeCom refuses texts over 2,048 bytes
  static constexpr std::int64_t join_window_ms = 10 * 60'000;  // only into a row queued this long ago at most
  std::int64_t enqueue_joining(const bot::chat_ref& target, const bot::outgoing& body, priority p,
                               const std::string& ref, std::int64_t now_ms);
  // A sealed row (see outbox_row::sealed); throws when no seal was installed.
  std::int64_t enqueue_sealed(const bot::chat_ref& target, const bot::outgoing& body, priority p,
                              std::int64_t now_ms);
  // The head of each target's queue (in priority, then id order) that is due, most urgent first.
  // Later rows of a target wait for its head, so one chat always sees its messages in order.
  std::vector<outbox_row> due_heads(std::int64_t now_ms, int limit);
  std::optional<std::int64_t> next_due_at();  // the earliest pending attempt time
  std::optional<outbox_row> get(std::int64_t id);
  std::vector<outbox_row> by_ref(const std::string& ref);
  std::int64_t count_in_state(const std::string& state);

  // Takes a due row for one send: moves its next attempt past `lease_until`, so that other
  // instances on the same PostgreSQL database pass it by (and the rows behind it in its chat wait)
  // until it settles or the lease runs out. False when another instance took it first. On SQLite,
  // one process owns the file and keeps its sends in memory: always true, nothing written.
  bool claim(std::int64_t id, std::int64_t now_ms, std::int64_t lease_until);
  // Gives a claimed row back as it was (its result could not be recorded); nothing on SQLite.
  void release(std::int64_t id, std::int64_t next_attempt_at);
  void mark_sent(std::int64_t id, int attempts, const std::string& platform_message_id, std::int64_t now_ms);
  void mark_retry(std::int64_t id, int attempts, const std::string& error, std::int64_t next_attempt_at);
  // How far a pending row that takes several platform calls got (OneBot: the parts of a long text
  // already sent, the deletes of a recall already done), kept in platform_message_id so that a
  // retry, or the next run after a crash, resumes there. Only the adapter reads it back.
  void keep_progress(std::int64_t id, const std::string& progress);
  void mark_dead(std::int64_t id, int attempts, const std::string& error);
  // A pending row will not be sent after all (a recalled notice). False when it was not pending.
  bool cancel(std::int64_t id);

  // Why a pending row waits: rows that go before it into the same chat, and on the same account.
  std::int64_t ahead_in_chat(const outbox_row& row);
  std::int64_t ahead_on_account(const outbox_row& row);
  std::int64_t pending_on_account(const std::string& platform, const std::string& account);

  // Dead rows no manager has been told about yet, oldest first; and marking them told.
  std::vector<outbox_row> unalerted_dead(int limit);
  void mark_alerted(std::int64_t id, std::int64_t now_ms);
  // Deletes the row (sealed messages, once settled) and scrubs the write-ahead log of it.
  void forget(std::int64_t id);
  // Deletes up to `limit` settled rows (sent, cancelled, and dead ones managers were told of)
  // written before `before_ms`, oldest first; returns how many. Ids grow with time, so the cut is found by a
  // few index seeks and the rows go by id range: no scan of the table, however large.
  int prune_settled(std::int64_t before_ms, int limit);

 private:
  outbox_row read(statement& q);
  void unpark_after(std::int64_t id);
  std::int64_t insert(const bot::chat_ref& target, const std::string& body_json, priority p,
                      const std::string& ref, std::int64_t now_ms, bool sealed);
  // Row `row` of a statement that queues rows (its own parameters; sealed: the chat only sealed).
  void bind_row(statement& q, int row, const bot::chat_ref& target, const std::string& body_json,
                bool sealed);
  database& db_;
  target_seal seal_;
  std::function<void()> committed_;
};

std::string encode_outgoing(const bot::outgoing& o);  // JSON, as stored in outbox.body
bot::outgoing decode_outgoing(const std::string& json);

}  // namespace storage
