#include "storage/outbox_store.hpp"

#include "storage/statement.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace storage {
namespace {

constexpr const char* outbox_columns =
    "id, created_at, priority, platform, account, kind, chat_id, body, coalesce(ref, ''), state, attempts, "
    "next_attempt_at, sent_at, coalesce(platform_message_id, ''), coalesce(last_error, ''), sealed_target";

nlohmann::json outgoing_json(const bot::outgoing& o) {
  nlohmann::json j{{"text", o.text}};
  if (!o.mentions.empty()) {
    auto& m = j["mentions"] = nlohmann::json::array();
    for (const auto& x : o.mentions) m.push_back({{"id", x.user_id}, {"name", x.name}});
  }
  if (!o.quote_id.empty()) j["quote_id"] = o.quote_id;
  if (o.mention_all) j["mention_all"] = true;
  if (!o.recall_id.empty()) j["recall_id"] = o.recall_id;
  return j;
}

bot::outgoing outgoing_of(const nlohmann::json& j) {
  bot::outgoing o;
  o.text = j.value("text", "");
  if (auto it = j.find("mentions"); it != j.end())
    for (const auto& m : *it) o.mentions.push_back({m.value("id", ""), m.value("name", "")});
  o.quote_id = j.value("quote_id", "");
  o.mention_all = j.value("mention_all", false);
  o.recall_id = j.value("recall_id", "");
  return o;
}

// What may be joined with other news: text and @s, nothing tied to one message (a quote, a
// recall, @all).
bool plain_news(const bot::outgoing& o) {
  return o.quote_id.empty() && o.recall_id.empty() && !o.mention_all;
}

// A stored body that later news may join (enqueue_joining) carries this mark; channels never see it.
constexpr const char* joins_mark = "joins";

std::string joinable_body(const bot::outgoing& o) {
  auto j = outgoing_json(o);
  j[joins_mark] = true;
  return j.dump();
}

}  // namespace

std::string encode_outgoing(const bot::outgoing& o) {
  return outgoing_json(o).dump();
}

bot::outgoing decode_outgoing(const std::string& json) {
  return outgoing_of(nlohmann::json::parse(json));
}

outbox_row outbox_store::read(statement& q) {
  outbox_row r;
  r.id = q.getColumn(0).getInt64();
  r.created_at = q.getColumn(1).getInt64();
  r.priority = static_cast<priority>(q.getColumn(2).getInt());
  r.target.platform = q.getColumn(3).getString();
  r.target.account = q.getColumn(4).getString();
  r.target.kind = q.getColumn(5).getString() == "group" ? bot::chat_kind::group : bot::chat_kind::direct;
  r.target.id = q.getColumn(6).getString();
  r.body = decode_outgoing(q.getColumn(7).getString());
  r.ref = q.getColumn(8).getString();
  r.state = q.getColumn(9).getString();
  r.attempts = q.getColumn(10).getInt();
  r.next_attempt_at = q.getColumn(11).getInt64();
  if (!q.getColumn(12).isNull()) r.sent_at = q.getColumn(12).getInt64();
  r.platform_message_id = q.getColumn(13).getString();
  r.last_error = q.getColumn(14).getString();
  r.sealed = !q.getColumn(15).isNull();
  if (r.sealed) {
    auto opened = seal_.open ? seal_.open(q.getColumn(15).getString()) : std::nullopt;
    r.target = opened.value_or(bot::chat_ref{"", "", bot::chat_kind::direct, ""});
  }
  return r;
}

// A row waiting for a person to confirm it on the platform (progress "confirm:…", see
// bot::send_result::status::confirming) is handed over already: it does not hold back its chat.
constexpr const char* not_confirming =
    "(p.platform_message_id IS NULL OR p.platform_message_id NOT LIKE 'confirm:%')";

std::int64_t outbox_store::enqueue(const bot::chat_ref& target, const bot::outgoing& body, priority p,
                                   const std::string& ref, std::int64_t now_ms) {
  return insert(target, encode_outgoing(body), p, ref, now_ms, false);
}

namespace {

// Rows queued by one statement. Shared: ?1 now, ?2 priority, ?3 ref, ?4 parked; each row's own
// from 5 + row_params × its index: platform, account, kind, chat id, body, sealed target. A row
// queued behind a pending row of its chat waits parked (see insert()).
constexpr int row_params = 6;

std::string queue_sql(int rows) {
  std::string sql =
      "INSERT INTO outbox (created_at, priority, platform, account, kind, chat_id, body, ref, "
      "next_attempt_at, "
      "sealed_target) VALUES ";
  for (int r = 0; r < rows; ++r) {
    auto n = [first = 5 + row_params * r](int k) { return "?" + std::to_string(first + k); };
    sql += (r ? ", (" : "(") + std::string("?1, ?2, ") + n(0) + ", " + n(1) + ", " + n(2) + ", " + n(3) +
           ", " + n(4) +
           ", NULLIF(?3, ''), CASE WHEN ?2 = 0 THEN ?1 WHEN EXISTS (SELECT 1 FROM outbox p WHERE p.state = "
           "'pending' AND p.platform = " +
           n(0) + " AND p.kind = " + n(2) + " AND p.chat_id = " + n(3) + " AND p.priority <= ?2 AND " +
           not_confirming + ") THEN ?4 ELSE ?1 END, " + n(5) + ")";
  }
  return sql;
}

void bind_shared(statement& q, priority p, const std::string& ref, std::int64_t now_ms) {
  q.bind(1, now_ms);
  q.bind(2, static_cast<int>(p));
  q.bind(3, ref);
  q.bind(4, outbox_row::parked);
}

}  // namespace

void outbox_store::bind_row(statement& q, int row, const bot::chat_ref& target, const std::string& body_json,
                            bool sealed) {
  const int first = 5 + row_params * row;
  q.bind(first + 4, body_json);
  if (sealed) {
    // Not even the platform: with the time of the row it would narrow down who wrote.
    if (!seal_.seal) throw std::logic_error("outbox: a message to an anonymous writer needs a seal");
    q.bind(first, "");
    q.bind(first + 1, "");
    q.bind(first + 2, "direct");
    q.bind(first + 3, "");
    q.bind(first + 5, seal_.seal(target));
  } else {
    q.bind(first, target.platform);
    q.bind(first + 1, target.account);
    q.bind(first + 2, target.is_group() ? "group" : "direct");
    q.bind(first + 3, target.id);
    q.bind(first + 5);
  }
}

void outbox_store::enqueue_many(const std::vector<std::pair<bot::chat_ref, const std::string*>>& rows,
                                priority p, const std::string& ref, std::int64_t now_ms) {
  static const std::string sql = queue_sql(rows_per_statement);
  std::size_t i = 0;
  for (; i + rows_per_statement <= rows.size(); i += rows_per_statement) {
    auto q = db_.prepare(sql.c_str());
    bind_shared(q, p, ref, now_ms);
    for (int r = 0; r < rows_per_statement; ++r) {
      const auto& [target, body] = rows[i + static_cast<std::size_t>(r)];
      bind_row(q, r, target, *body, false);
    }
    q.exec();
  }
  for (; i < rows.size(); ++i) insert(rows[i].first, *rows[i].second, p, ref, now_ms, false);
  if (rows.empty()) return;
  if (committed_) db_.after_commit(this, committed_);
  db_.notify(outbox_channel);
}

std::int64_t outbox_store::enqueue_joining(const bot::chat_ref& target, const bot::outgoing& body, priority p,
                                           const std::string& ref, std::int64_t now_ms) {
  if (!plain_news(body)) return enqueue(target, body, p, ref, now_ms);
  static constexpr const char* last_sql =
      "SELECT id, body, next_attempt_at, account, created_at FROM outbox WHERE state = 'pending' AND "
      "platform = ? AND kind = ? AND chat_id = ? AND priority = ? ORDER BY id DESC LIMIT 1";
  auto last = db_.prepare(last_sql);
  last.bind(1, target.platform);
  last.bind(2, target.is_group() ? "group" : "direct");
  last.bind(3, target.id);
  last.bind(4, static_cast<int>(p));
  // The same bot account, and a row queued lately: a row's age decides when it is given up during an
  // outage, and news must not die with a day-old message it joined.
  if (last.executeStep() && last.getColumn(2).getInt64() == outbox_row::parked &&
      last.getColumn(3).getString() == target.account &&
      last.getColumn(4).getInt64() >= now_ms - join_window_ms) {
    const std::int64_t id = last.getColumn(0).getInt64();
    const auto stored = nlohmann::json::parse(last.getColumn(1).getString());
    last.reset();
    bot::outgoing joined = outgoing_of(stored);
    if (stored.value(joins_mark, false) && plain_news(joined) &&
        joined.text.size() + 2 + body.text.size() <= joined_text_limit) {
      joined.text += "\n\n" + body.text;
      for (const auto& m : body.mentions)
        if (std::none_of(joined.mentions.begin(), joined.mentions.end(),
                         [&](const bot::mention& x) { return x.user_id == m.user_id; }))
          joined.mentions.push_back(m);
      // Still parked, so still unsent: no instance claims a row that waits behind another.
      static constexpr const char* join_sql =
          "UPDATE outbox SET body = ? WHERE id = ? AND state = 'pending' AND next_attempt_at = ?";
      auto q = db_.prepare(join_sql);
      q.bind(1, joinable_body(joined));
      q.bind(2, id);
      q.bind(3, outbox_row::parked);
      if (q.exec() == 1) return id;
    }
  }
  return insert(target, joinable_body(body), p, ref, now_ms, false);
}

std::int64_t outbox_store::enqueue_sealed(const bot::chat_ref& target, const bot::outgoing& body, priority p,
                                          std::int64_t now_ms) {
  return insert(target, encode_outgoing(body), p, {}, now_ms, true);
}

// A row that is not the head of its chat's queue when queued waits parked (outbox_row::parked):
// the scan for due rows then never walks past it, however long the queue of one chat (a staff group
// that hears of a thousand tickets in a storm). Settling a head unparks the next one. Parking only
// saves reading: emergencies, queued by the ten thousand at once and rarely behind anything, skip
// the look-up and stay due.
std::int64_t outbox_store::insert(const bot::chat_ref& target, const std::string& body_json, priority p,
                                  const std::string& ref, std::int64_t now_ms, bool sealed) {
  static const std::string sql = queue_sql(1);
  auto q = db_.prepare(sql.c_str());
  bind_shared(q, p, ref, now_ms);
  bind_row(q, 0, target, body_json, sealed);
  q.exec();
  const std::int64_t id = db_.last_insert_id();
  if (committed_) db_.after_commit(this, committed_);
  db_.notify(outbox_channel);
  return id;
}

// Row `id` no longer holds back its chat (settled, or waiting for a confirmation): the chat's new
// head, if parked, becomes due at its own creation time, so it keeps its place among other chats.
void outbox_store::unpark_after(std::int64_t id) {
  static const std::string sql =
      "UPDATE outbox SET next_attempt_at = created_at WHERE id = (SELECT p.id FROM outbox o JOIN outbox p ON "
      "p.state = 'pending' AND p.platform = o.platform AND p.kind = o.kind AND p.chat_id = o.chat_id AND "
      "p.id <> o.id AND " +
      std::string(not_confirming) +
      " WHERE o.id = ?1 ORDER BY p.priority, p.id LIMIT 1) AND next_attempt_at = ?2";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  q.bind(2, outbox_row::parked);
  q.exec();
}

std::vector<outbox_row> outbox_store::due_heads(std::int64_t now_ms, int limit) {
  // Every priority named: the index is then read as one range per priority, up to now, instead of
  // whole (parked rows, due at the end of time, sit at the end of each priority's range). "A row
  // before it in its chat" is asked as two ranges of outbox_by_target (a higher priority; the same
  // priority and a lower id): as one condition, an OR or a row value, SQLite reads through every
  // pending row of the chat instead, and a staff group's backlog made each round slow.
  static const std::string before_it =
      "SELECT 1 FROM outbox p WHERE p.state = 'pending' AND p.platform = o.platform AND p.kind = o.kind "
      "AND p.chat_id = o.chat_id AND " +
      std::string(not_confirming) + " AND ";
  static const std::string sql =
      std::string("SELECT ") + outbox_columns +
      " FROM outbox o WHERE state = 'pending' AND priority IN (0, 1, 2, 3) AND "
      "next_attempt_at <= ?1 AND NOT EXISTS (" +
      before_it + "p.priority < o.priority) AND NOT EXISTS (" + before_it +
      "p.priority = o.priority AND p.id < o.id) ORDER BY priority, next_attempt_at, id LIMIT ?2";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, now_ms);
  q.bind(2, limit);
  std::vector<outbox_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

bool outbox_store::claim(std::int64_t id, std::int64_t now_ms, std::int64_t lease_until) {
  if (!db_.is_postgres()) return true;
  // PostgreSQL's dialect: another instance's claim in progress is skipped, not waited for.
  static constexpr const char* sql =
      "UPDATE outbox SET next_attempt_at = ?3 WHERE id = (SELECT id FROM outbox WHERE id = ?1 AND "
      "state = 'pending' AND next_attempt_at <= ?2 FOR UPDATE SKIP LOCKED)";
  auto q = db_.prepare(sql);
  q.bind(1, id);
  q.bind(2, now_ms);
  q.bind(3, lease_until);
  return q.exec() == 1;
}

void outbox_store::release(std::int64_t id, std::int64_t next_attempt_at) {
  if (!db_.is_postgres()) return;
  static constexpr const char* sql =
      "UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending'";
  auto q = db_.prepare(sql);
  q.bind(1, next_attempt_at);
  q.bind(2, id);
  q.exec();
}

std::optional<std::int64_t> outbox_store::next_due_at() {
  // One indexed lookup per priority (outbox_due) instead of a scan of every pending row.
  static constexpr const char* sql =
      "SELECT min(m) FROM ("
      "SELECT min(next_attempt_at) AS m FROM outbox WHERE state = 'pending' AND priority = 0 UNION ALL "
      "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND priority = 1 UNION ALL "
      "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND priority = 2 UNION ALL "
      "SELECT min(next_attempt_at) FROM outbox WHERE state = 'pending' AND priority = 3) AS heads";
  auto q = db_.prepare(sql);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<outbox_row> outbox_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + outbox_columns + " FROM outbox WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<outbox_row> outbox_store::by_ref(const std::string& ref) {
  static const std::string sql =
      std::string("SELECT ") + outbox_columns + " FROM outbox WHERE ref = ? ORDER BY id";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, ref);
  std::vector<outbox_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::int64_t outbox_store::count_in_state(const std::string& state) {
  static constexpr const char* sql = "SELECT count(*) FROM outbox WHERE state = ?";
  auto q = db_.prepare(sql);
  q.bind(1, state);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void outbox_store::mark_sent(std::int64_t id, int attempts, const std::string& platform_message_id,
                             std::int64_t now_ms) {
  static constexpr const char* sql =
      "UPDATE outbox SET state = 'sent', attempts = ?, platform_message_id = NULLIF(?, ''), sent_at = ?, "
      "last_error = NULL WHERE id = ?";
  transaction t(db_);  // with the unparking of the chat's next row, or neither
  auto q = db_.prepare(sql);
  q.bind(1, attempts);
  q.bind(2, platform_message_id);
  q.bind(3, now_ms);
  q.bind(4, id);
  q.exec();
  unpark_after(id);
  t.commit();
}

void outbox_store::mark_retry(std::int64_t id, int attempts, const std::string& error,
                              std::int64_t next_attempt_at) {
  static constexpr const char* sql =
      "UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, attempts);
  q.bind(2, error);
  q.bind(3, next_attempt_at);
  q.bind(4, id);
  q.exec();
}

void outbox_store::keep_progress(std::int64_t id, const std::string& progress) {
  static constexpr const char* sql =
      "UPDATE outbox SET platform_message_id = NULLIF(?, '') WHERE id = ? AND state = 'pending'";
  transaction t(db_);
  auto q = db_.prepare(sql);
  q.bind(1, progress);
  q.bind(2, id);
  q.exec();
  if (progress.rfind("confirm:", 0) == 0) unpark_after(id);
  t.commit();
}

void outbox_store::mark_dead(std::int64_t id, int attempts, const std::string& error) {
  static constexpr const char* sql =
      "UPDATE outbox SET state = 'dead', attempts = ?, last_error = ? WHERE id = ?";
  transaction t(db_);
  auto q = db_.prepare(sql);
  q.bind(1, attempts);
  q.bind(2, error);
  q.bind(3, id);
  q.exec();
  unpark_after(id);
  t.commit();
}

bool outbox_store::cancel(std::int64_t id) {
  static constexpr const char* sql =
      "UPDATE outbox SET state = 'cancelled' WHERE id = ? AND state = 'pending'";
  transaction t(db_);
  auto q = db_.prepare(sql);
  q.bind(1, id);
  if (q.exec() == 0) return false;
  unpark_after(id);
  t.commit();
  return true;
}

std::int64_t outbox_store::ahead_in_chat(const outbox_row& row) {
  static constexpr const char* sql =
      "SELECT count(*) FROM outbox p WHERE state = 'pending' AND platform = ?1 AND kind = ?2 AND chat_id = "
      "?3 "
      "AND (priority, id) < (?4, ?5) AND (p.platform_message_id IS NULL OR "
      "p.platform_message_id NOT LIKE 'confirm:%')";
  auto q = db_.prepare(sql);
  q.bind(1, row.target.platform);
  q.bind(2, row.target.is_group() ? "group" : "direct");
  q.bind(3, row.target.id);
  q.bind(4, static_cast<int>(row.priority));
  q.bind(5, row.id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::int64_t outbox_store::ahead_on_account(const outbox_row& row) {
  static constexpr const char* sql =
      "SELECT count(*) FROM outbox WHERE state = 'pending' AND platform = ?1 AND account = ?2 "
      "AND (priority < ?3 OR (priority = ?3 AND id < ?4))";
  auto q = db_.prepare(sql);
  q.bind(1, row.target.platform);
  q.bind(2, row.target.account);
  q.bind(3, static_cast<int>(row.priority));
  q.bind(4, row.id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::int64_t outbox_store::pending_on_account(const std::string& platform, const std::string& account) {
  static constexpr const char* sql =
      "SELECT count(*) FROM outbox WHERE state = 'pending' AND platform = ? AND account = ?";
  auto q = db_.prepare(sql);
  q.bind(1, platform);
  q.bind(2, account);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<outbox_row> outbox_store::unalerted_dead(int limit) {
  static const std::string sql =
      std::string("SELECT ") + outbox_columns +
      " FROM outbox WHERE state = 'dead' AND alerted_at IS NULL ORDER BY id LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, limit);
  std::vector<outbox_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void outbox_store::mark_alerted(std::int64_t id, std::int64_t now_ms) {
  static constexpr const char* sql = "UPDATE outbox SET alerted_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, now_ms);
  q.bind(2, id);
  q.exec();
}

int outbox_store::prune_settled(std::int64_t before_ms, int limit) {
  // The last id written before the cut: ids and created_at grow together, so a binary search of
  // seeks by id (each "the first row from id x on") finds it.
  // Two statements: SQLite reads a lone min() or max() of the id off the b-tree's end, both at
  // once by a scan.
  static constexpr const char* first_sql = "SELECT min(id) FROM outbox";
  static constexpr const char* last_sql = "SELECT max(id) FROM outbox";
  static constexpr const char* at_sql = "SELECT id, created_at FROM outbox WHERE id >= ? ORDER BY id LIMIT 1";
  std::int64_t lo = 0, hi = 0;
  {
    auto first = db_.prepare(first_sql);
    if (!first.executeStep() || first.getColumn(0).isNull()) return 0;
    lo = first.getColumn(0).getInt64();
  }
  {
    auto last = db_.prepare(last_sql);
    last.executeStep();
    hi = last.getColumn(0).getInt64();
  }
  std::int64_t cut = lo - 1;  // the largest id known to be written before the cut
  while (lo <= hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    auto q = db_.prepare(at_sql);
    q.bind(1, mid);
    if (!q.executeStep()) break;
    const std::int64_t id = q.getColumn(0).getInt64();
    if (q.getColumn(1).getInt64() < before_ms) {
      cut = id;
      lo = id + 1;
    } else {
      hi = mid - 1;
    }
  }
  static constexpr const char* delete_sql =
      "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE id <= ?1 AND created_at < ?3 AND state IN "
      "('sent', 'dead', 'cancelled') AND (state <> 'dead' OR alerted_at IS NOT NULL) ORDER BY id LIMIT ?2)";
  auto del = db_.prepare(delete_sql);
  del.bind(1, cut);
  del.bind(2, limit);
  del.bind(3, before_ms);  // a clock that once ran backwards cannot move the cut past new rows
  return del.exec();
}

void outbox_store::forget(std::int64_t id) {
  static constexpr const char* sql = "DELETE FROM outbox WHERE id = ?";
  transaction t(db_);
  unpark_after(id);
  auto q = db_.prepare(sql);
  q.bind(1, id);
  q.exec();
  t.commit();
  db_.scrub_wal();
}

}  // namespace storage
