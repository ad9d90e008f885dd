#include "storage/pg_engine.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <regex>
#include <vector>

#include "bot/log.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/pg_dialect.hpp"

namespace storage {

struct pg_result_deleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using result_ptr = std::unique_ptr<PGresult, pg_result_deleter>;

namespace {

// Type OIDs of PostgreSQL's built-in types (catalog/pg_type_d.h is not in libpq-dev).
constexpr Oid bool_oid = 16, bytea_oid = 17, int8_oid = 20, int2_oid = 21, int4_oid = 23, text_oid = 25,
              float4_oid = 700, float8_oid = 701, numeric_oid = 1700;

// Writers of every instance take turns on this lock, as SQLite's writers do on the file.
constexpr long long write_lock_key = 0x45424f54;  // "EBOT", as SQLite's application_id

[[noreturn]] void fail(PGconn* conn, PGresult* r, std::string_view what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw pg_error(fmt::format("{}: {}", what, message), state ? state : "");
}

result_ptr checked(PGconn* conn, PGresult* raw, std::string_view what) {
  result_ptr r(raw);
  const auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn, r.get(), what);
  return r;
}

std::string hex_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

}  // namespace

std::string redact_url(const std::string& url) {
  static const std::regex in_url(R"(^(postgres(?:ql)?://[^:/@]*):[^@]*@)");
  static const std::regex in_keywords(R"(password\s*=\s*('(?:[^'\\]|\\.)*'|\S+))");
  std::string out = std::regex_replace(url, in_url, "$1:***@");
  return std::regex_replace(out, in_keywords, "password=***");
}

std::string url_in_schema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

class pg_cursor final : public cursor {
 public:
  // `once`: made for one use, its server-side statements go with it (a cached one's go with the
  // connection).
  pg_cursor(pg_engine& e, std::string_view sql, bool once = false)
      : e_(e), once_(once), sql_(pg::translate(sql, &count_)) {
    values_.resize(static_cast<std::size_t>(count_));
    types_.resize(static_cast<std::size_t>(count_), 0);
    // A plain INSERT into a table with an identity id hands the id back with its answer, so that
    // last_insert_id() needs no round trip of its own (and an insert that did nothing leaves it, as
    // in SQLite). An upsert keeps lastval(): its update would otherwise count as an insert.
    inserts_ = sql_.rfind("INSERT INTO ", 0) == 0;
    if (inserts_ && sql_.find("RETURNING") == std::string::npos &&
        sql_.find("DO UPDATE") == std::string::npos) {
      const auto start = std::strlen("INSERT INTO ");
      const auto end = sql_.find_first_of(" (", start);
      if (end != std::string::npos && e_.has_identity_id(sql_.substr(start, end - start))) {
        sql_ += " RETURNING id";
        returns_id_ = true;
      }
    }
  }
  ~pg_cursor() override {
    if (!once_) return;
    for (const auto& [signature, name] : prepared_)
      PQclear(PQexec(e_.connection(), ("DEALLOCATE " + name).c_str()));
  }

  void bind_null(int index) override { set(index, std::nullopt, 0); }
  void bind_int(int index, std::int64_t v) override { set(index, std::to_string(v), int8_oid); }
  void bind_double(int index, double v) override { set(index, fmt::format("{}", v), float8_oid); }
  // Unknown type: PostgreSQL reads the text as whatever the context needs, as SQLite's affinity does.
  void bind_text(int index, std::string_view v) override { set(index, std::string(v), 0); }
  void bind_blob(int index, std::string_view bytes) override { set(index, hex_bytes(bytes), bytea_oid); }
  void clear_bindings() override {
    for (auto& v : values_) v.reset();
    std::fill(types_.begin(), types_.end(), 0);
  }

  bool step() override {
    if (!result_) run();
    return ++row_ < rows_;
  }
  int exec() override {
    run();
    const char* n = PQcmdTuples(result_.get());
    const int changed = n && *n ? std::atoi(n) : 0;
    if (returns_id_ && rows_ > 0)
      e_.inserted(std::strtoll(PQgetvalue(result_.get(), rows_ - 1, 0), nullptr, 10));  // the last, as SQLite
    else if (inserts_ && !returns_id_)
      e_.inserted(std::nullopt);
    reset();
    return changed;
  }
  void reset() override {
    result_.reset();
    row_ = -1;
    rows_ = 0;
  }

  bool is_null(int column) const override { return PQgetisnull(result_.get(), current(), column) != 0; }
  std::int64_t get_int(int column) const override {
    const char* v = value(column);
    if (PQftype(result_.get(), column) == bool_oid) return *v == 't' ? 1 : 0;
    if (PQftype(result_.get(), column) == numeric_oid || PQftype(result_.get(), column) == float8_oid)
      return static_cast<std::int64_t>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
  }
  double get_double(int column) const override {
    const char* v = value(column);
    if (PQftype(result_.get(), column) == bool_oid) return *v == 't' ? 1 : 0;
    return std::strtod(v, nullptr);
  }
  std::string get_text(int column) const override {
    if (PQftype(result_.get(), column) == bool_oid) return *value(column) == 't' ? "1" : "0";
    return std::string(value(column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), current(), column)));
  }
  std::string get_blob(int column) const override {
    std::string text = get_text(column);
    if (PQftype(result_.get(), column) != bytea_oid || text.rfind("\\x", 0) != 0) return text;
    std::string out;
    out.reserve((text.size() - 2) / 2);
    for (std::size_t i = 2; i + 1 < text.size(); i += 2)
      out += static_cast<char>(hex_value(text[i]) * 16 + hex_value(text[i + 1]));
    return out;
  }
  int column_count() const override { return PQnfields(result_.get()); }
  std::string column_name(int column) const override { return PQfname(result_.get(), column); }
  value_type type(int column) const override {
    if (is_null(column)) return value_type::null;
    switch (PQftype(result_.get(), column)) {
      case bool_oid:
      case int8_oid:
      case int4_oid:
      case int2_oid:
        return value_type::integer;
      case float8_oid:
      case float4_oid:
      case numeric_oid:
        return value_type::real;
      case bytea_oid:
        return value_type::blob;
      default:
        return value_type::text;
    }
  }

 private:
  void set(int index, std::optional<std::string> v, Oid type) {
    if (index < 1 || index > count_)
      throw database_error(fmt::format("parameter {} out of range (the statement takes {})", index, count_));
    values_[static_cast<std::size_t>(index - 1)] = std::move(v);
    types_[static_cast<std::size_t>(index - 1)] = type;
  }

  // Prepared once per combination of parameter types (a NULL leaves its type to the context).
  void run() {
    reset();
    std::string signature(types_.size() * sizeof(Oid), '\0');
    if (!types_.empty()) std::memcpy(signature.data(), types_.data(), signature.size());
    e_.reconnect_if_lost();
    e_.flush();
    if (session_ != e_.session_number()) {
      prepared_.clear();
      session_ = e_.session_number();
    }
    auto& name = prepared_[signature];
    PGconn* conn = e_.connection();
    if (name.empty()) name = prepare(conn);
    std::vector<const char*> pointers(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) pointers[i] = values_[i] ? values_[i]->c_str() : nullptr;
    result_ =
        checked(conn, PQexecPrepared(conn, name.c_str(), count_, pointers.data(), nullptr, nullptr, 0), sql_);
    rows_ = PQntuples(result_.get());
    const std::string_view command = PQcmdStatus(result_.get());
    if (command.starts_with("INSERT") || command.starts_with("UPDATE") || command.starts_with("DELETE"))
      e_.changed(std::strtoull(PQcmdTuples(result_.get()), nullptr, 10));
  }
  // Text and NULL parameters go without a type, read as the context needs (as SQLite's affinity
  // does). Where the context cannot tell (`?3 IS NULL OR building = ?3` reads ?3 IS NULL first),
  // text is declared text, and a NULL is tried as a number, then as text; a failed attempt must
  // not end an open transaction, so each is made under a savepoint.
  std::string prepare(PGconn* conn) {
    auto name = e_.next_statement_name();
    const bool in_transaction = PQtransactionStatus(conn) == PQTRANS_INTRANS;
    for (const Oid null_type : {Oid(0), int8_oid, text_oid}) {
      std::vector<Oid> types = types_;
      for (std::size_t i = 0; i < types.size(); ++i)
        if (types[i] == 0 && null_type != 0) types[i] = values_[i] ? text_oid : null_type;
      if (in_transaction) e_.run("SAVEPOINT preparing");
      try {
        checked(conn, PQprepare(conn, name.c_str(), sql_.c_str(), count_, types.data()),
                fmt::format("preparing {}", sql_));
        if (in_transaction) e_.run("RELEASE SAVEPOINT preparing");
        return name;
      } catch (const pg_error& e) {
        // indeterminate or ambiguous type; no operator for the type tried
        const bool type_trouble = e.sqlstate == "42P18" || e.sqlstate == "42P08" || e.sqlstate == "42883";
        if (!type_trouble || null_type == text_oid) throw;
        if (in_transaction) e_.run("ROLLBACK TO SAVEPOINT preparing");
      }
    }
    return name;  // not reached: the last attempt returns or throws
  }
  int current() const { return row_; }
  const char* value(int column) const { return PQgetvalue(result_.get(), row_, column); }

  pg_engine& e_;
  bool once_;
  bool inserts_ = false;     // an INSERT statement
  bool returns_id_ = false;  // … to which " RETURNING id" was added
  int count_ = 0;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  std::unordered_map<std::string, std::string> prepared_;
  int session_ = 0;  // the engine's session these names were prepared in
  result_ptr result_;
  int row_ = -1;
  int rows_ = 0;
};

pg_engine::pg_engine(const std::string& url, int busy_timeout_ms, durability d, connection_role role)
    : described_(redact_url(url)) {
  conn_ = PQconnectdb(url.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!why.empty() && why.back() == '\n') why.pop_back();
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw database_error(fmt::format("cannot connect to the database {}: {}", described_, why));
  }
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);  // "there is no transaction in progress"
  session_ =
      fmt::format("SET lock_timeout = {}; SET client_encoding = 'UTF8'; SET application_name = 'estatebot'",
                  busy_timeout_ms);
  if (d == durability::process || role == connection_role::helper)
    session_ += "; SET synchronous_commit = off";
  run(session_);
  if (role == connection_role::helper && schema_version() != database::latest_version())
    throw database_error(fmt::format("{} is not the estatebot database this build opened", described_));
}

pg_engine::~pg_engine() {
  statements_.clear();
  if (conn_) PQfinish(conn_);
}

void pg_engine::reconnect_if_lost() {
  // Inside a transaction the statement must fail instead: run alone, it would commit on its own.
  if (PQstatus(conn_) == CONNECTION_OK || in_transaction_) return;
  // The server restarted or the network dropped the connection: open it again between transactions
  // (a transaction that was open is lost with it, and its error was reported). Prepared statements
  // went with the old session.
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn_);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    throw database_error(fmt::format("the database {} is unreachable: {}", described_, why));
  }
  ++session_number_;
  pending_.clear();
  bot::log::warn("storage", "connection to {} opened again", described_);
  run(session_);
}

void pg_engine::run(const std::string& sql) {
  if (!pending_.empty()) {
    const std::string all = std::move(pending_) + sql;
    pending_.clear();
    checked(conn_, PQexec(conn_, all.c_str()), all);
    return;
  }
  checked(conn_, PQexec(conn_, sql.c_str()), sql);
}

cursor& pg_engine::prepare(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<pg_cursor>(*this, sql);
  } else {
    slot->reset();
    slot->clear_bindings();
  }
  return *slot;
}

std::unique_ptr<cursor> pg_engine::prepare_once(const std::string& sql) {
  return std::make_unique<pg_cursor>(*this, sql, true);
}

void pg_engine::exec(const std::string& script) {
  for (const auto& statement : pg::translate_script(script)) run(statement);
}

bool pg_engine::has_identity_id(const std::string& table) {
  auto it = identity_id_.find(table);
  if (it != identity_id_.end()) return it->second;
  flush();
  std::string name = table;
  if (name.size() > 1 && name.front() == '"') name = name.substr(1, name.size() - 2);
  const char* values[] = {name.c_str()};
  auto r = checked(
      conn_,
      PQexecParams(conn_,
                   "SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                   "current_schema() AND table_name = $1 AND column_name = 'id' AND is_identity = 'YES'",
                   1, nullptr, values, nullptr, nullptr, 0),
      "identity columns");
  const bool has = std::atoi(PQgetvalue(r.get(), 0, 0)) > 0;
  identity_id_[table] = has;
  return has;
}

void pg_engine::inserted(std::optional<std::int64_t> id) {
  last_id_ = id;
}

std::int64_t pg_engine::last_insert_id() {
  if (last_id_) return *last_id_;
  flush();
  auto r = checked(conn_, PQexec(conn_, "SELECT lastval()"), "lastval");
  return std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
}

void pg_engine::begin(begin_mode mode) {
  reconnect_if_lost();
  if (mode == begin_mode::deferred) {
    // What writers have committed so far, read before the snapshot: a commit this snapshot misses
    // changes the count by the time this transaction commits (see commit()).
    auto r = checked(conn_, PQexec(conn_, "SELECT last_value FROM estatebot_writes"), "write count");
    deferred_from_ = std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
    run("BEGIN ISOLATION LEVEL REPEATABLE READ");
    deferred_ = true;
    in_transaction_ = true;
    return;
  }
  const auto begin = fmt::format("BEGIN; SELECT pg_advisory_xact_lock({})", write_lock_key);
  try {
    run(begin);
  } catch (const pg_error&) {
    // A connection the server closed while idle shows only now: BEGIN did nothing, so once more.
    if (PQstatus(conn_) == CONNECTION_OK) throw;
    reconnect_if_lost();
    run(begin);
  }
  deferred_ = false;
  in_transaction_ = true;
}

void pg_engine::commit() {
  in_transaction_ = false;  // ended either way: a failed COMMIT rolls back
  if (deferred_) {
    deferred_ = false;
    flush();
    auto r = checked(conn_,
                     PQexec(conn_, fmt::format("SELECT pg_advisory_xact_lock({}); SELECT last_value FROM "
                                               "estatebot_writes",
                                               write_lock_key)
                                       .c_str()),
                     "write count");
    if (std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10) != deferred_from_) {
      run("ROLLBACK");
      throw pg_error("another connection wrote since this transaction's snapshot", "40001");
    }
    std::string commit;
    for (const auto& channel : notify_) commit += "NOTIFY " + channel + "; ";
    notify_.clear();
    run(commit + "COMMIT");
    return;
  }
  std::string commit = "SELECT nextval('estatebot_writes'); ";
  for (const auto& channel : notify_) commit += "NOTIFY " + channel + "; ";
  notify_.clear();
  run(commit + "COMMIT");
}

void pg_engine::notify_at_commit(const char* channel) {
  if (in_transaction_)
    notify_.insert(channel);  // one NOTIFY per channel, sent with the COMMIT
  else
    run(std::string("NOTIFY ") + channel);
}

void pg_engine::rollback() {
  pending_.clear();  // savepoints of a transaction that ends anyway
  notify_.clear();
  deferred_ = false;
  in_transaction_ = false;
  run("ROLLBACK");
}
// Savepoints cost a round trip each, and most are released without a rollback: they wait in
// pending_ and go with the next statement that has to reach the server (a SAVEPOINT that nothing
// ran inside is simply dropped, and the RELEASEs before a COMMIT ride with it).
void pg_engine::savepoint(int level) {
  pending_ += fmt::format("SAVEPOINT sp{}; ", level);
}
void pg_engine::release(int level) {
  const auto mark = fmt::format("SAVEPOINT sp{}; ", level);
  if (pending_.ends_with(mark))
    pending_.resize(pending_.size() - mark.size());
  else
    pending_ += fmt::format("RELEASE sp{}; ", level);
}
void pg_engine::rollback_to(int level) {
  const auto mark = fmt::format("SAVEPOINT sp{}; ", level);
  if (pending_.ends_with(mark)) {
    pending_.resize(pending_.size() - mark.size());
    return;
  }
  run(fmt::format("ROLLBACK TO sp{0}; RELEASE sp{0}", level));
}

void pg_engine::flush() {
  if (pending_.empty()) return;
  const std::string sql = std::move(pending_);
  pending_.clear();
  checked(conn_, PQexec(conn_, sql.c_str()), sql);
}

bool pg_engine::lost_race(const std::exception& e) const {
  const auto* p = dynamic_cast<const pg_error*>(&e);
  return p && (p->sqlstate == "40001" || p->sqlstate == "40P01");
}

int pg_engine::schema_version() {
  auto r = checked(conn_, PQexec(conn_, "SELECT to_regclass('estatebot_schema') IS NOT NULL"), "schema");
  if (*PQgetvalue(r.get(), 0, 0) != 't') return 0;
  r = checked(conn_, PQexec(conn_, "SELECT version FROM estatebot_schema"), "schema version");
  return PQntuples(r.get()) ? std::atoi(PQgetvalue(r.get(), 0, 0)) : 0;
}

void pg_engine::check_stamp() {
  // The tables of the schema first in the search path: an estatebot database has estatebot_schema;
  // one with other tables and without it belongs to something else.
  auto r = checked(conn_,
                   PQexec(conn_,
                          "SELECT count(*), count(*) FILTER (WHERE c.relname = 'estatebot_schema') FROM "
                          "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
                          "AND n.nspname = current_schema()"),
                   "looking at the schema");
  const long tables = std::atol(PQgetvalue(r.get(), 0, 0));
  const long ours = std::atol(PQgetvalue(r.get(), 0, 1));
  if (tables != 0 && ours == 0)
    throw database_error(fmt::format("{} is not an estatebot database", described_));
}

void pg_engine::migrate() {
  run(fmt::format("BEGIN; SELECT pg_advisory_xact_lock({})", write_lock_key));
  try {
    migrate_locked();
    run("COMMIT");
  } catch (...) {
    PQclear(PQexec(conn_, "ROLLBACK"));
    throw;
  }
}

void pg_engine::migrate_locked() {
  run("CREATE TABLE IF NOT EXISTS estatebot_schema (version INTEGER NOT NULL)");
  run("CREATE SEQUENCE IF NOT EXISTS estatebot_writes");
  const auto& list = migrations();
  const int latest = static_cast<int>(list.size());
  const int current = schema_version();
  if (current > latest)
    throw database_error(fmt::format(
        "{} has schema version {}, newer than this estatebot understands ({}); run a newer estatebot",
        described_, current, latest));
  for (int v = current; v < latest; ++v) {
    bot::log::info("storage", "migrating {} to version {} ({})", described_, v + 1, list[v].name);
    if (list[v].postgres) {
      run(list[v].postgres);
      continue;
    }
    // SQLite creates a table that names one created later in the same script; PostgreSQL needs
    // the other first. A statement that fails for want of a table waits for the rest of the script.
    std::vector<std::string> waiting;
    for (auto& statement : pg::translate_script(list[v].sql)) waiting.push_back(std::move(statement));
    while (!waiting.empty()) {
      std::vector<std::string> later;
      std::optional<pg_error> missing;
      for (auto& statement : waiting) {
        run("SAVEPOINT migration_step");
        try {
          run(statement);
          run("RELEASE migration_step");
        } catch (const pg_error& e) {
          run("ROLLBACK TO migration_step");
          if (e.sqlstate != "42P01") throw;
          missing = e;
          later.push_back(std::move(statement));
        }
      }
      if (later.size() == waiting.size()) throw *missing;  // no progress: a table is really missing
      waiting = std::move(later);
    }
  }
  run("DELETE FROM estatebot_schema");
  run(fmt::format("INSERT INTO estatebot_schema (version) VALUES ({})", latest));
}

void pg_engine::probe_write() {
  run("UPDATE estatebot_schema SET version = version");
}

}  // namespace storage
