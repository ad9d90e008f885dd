#include "storage/copy_db.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "storage/database.hpp"
#include "storage/statement.hpp"

namespace storage {
namespace {

// Caches of what the tickets say, worked out again when asked for (storage/day_sums_store).
const std::set<std::string> not_copied = {"ticket_day_sums", "ticket_days_summed"};

std::vector<std::string> strings(statement q) {
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

// The source's tables, each after the tables its foreign keys name.
std::vector<std::string> tables_in_order(database& from) {
  std::map<std::string, std::vector<std::string>> parents;
  for (const auto& t : strings(from.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                                          "LIKE 'sqlite_%' ORDER BY name"))) {
    if (not_copied.count(t)) continue;
    auto q = from.query("SELECT \"table\" FROM pragma_foreign_key_list(?)");
    q.bind(1, t);
    parents[t] = strings(std::move(q));
  }
  std::vector<std::string> order;
  std::set<std::string> placed, visiting;
  std::function<void(const std::string&)> place = [&](const std::string& t) {
    if (placed.count(t) || visiting.count(t) || !parents.count(t)) return;
    visiting.insert(t);
    for (const auto& p : parents[t])
      if (p != t) place(p);
    visiting.erase(t);
    placed.insert(t);
    order.push_back(t);
  };
  for (const auto& [t, ps] : parents) place(t);
  return order;
}

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

std::int64_t count_rows(database& db, const std::string& table) {
  auto q = db.query("SELECT count(*) FROM " + quoted(table));
  q.executeStep();
  return q.getColumn(0).getInt64();
}

table_count copy_table(database& from, database& to, const std::string& table,
                       const copy_progress& progress) {
  table_count count{table, count_rows(from, table), 0, 0};
  auto source_columns = [&] {
    auto q = from.query("SELECT name FROM pragma_table_info(?)");
    q.bind(1, table);
    return strings(std::move(q));
  }();
  auto target_columns = [&] {
    auto q = to.query(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND "
        "table_name = ?");
    q.bind(1, table);
    return strings(std::move(q));
  }();
  std::vector<std::string> columns;
  for (const auto& c : source_columns)
    if (std::find(target_columns.begin(), target_columns.end(), c) != target_columns.end())
      columns.push_back(c);
  if (columns.empty())
    throw database_error(fmt::format("copy-db: the target has no table {} with the source's columns", table));

  const bool keyed = [&] {
    auto q = to.query(
        "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexdef "
        "LIKE 'CREATE UNIQUE%'");
    q.bind(1, table);
    q.executeStep();
    return q.getColumn(0).getInt64() > 0;
  }();
  if (!keyed && count_rows(to, table) > 0) {  // copied before, and nothing tells its rows apart
    count.target = count_rows(to, table);
    return count;
  }

  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "" : ", ") + quoted(c);
  const int width = static_cast<int>(columns.size());
  const int batch = std::max(1, std::min(500, 30000 / width));
  auto insert_sql = [&](int rows) {
    std::string sql = "INSERT INTO " + quoted(table) + " (" + list + ") VALUES ";
    for (int r = 0; r < rows; ++r) {
      sql += r ? ", (" : "(";
      for (int c = 0; c < width; ++c) sql += c ? ", ?" : "?";
      sql += ")";
    }
    return sql + " ON CONFLICT DO NOTHING";
  };

  transaction tx(to);
  auto full = to.query(insert_sql(batch));
  auto rows = from.query("SELECT " + list + " FROM " + quoted(table));
  std::int64_t done = 0;
  int in_batch = 0;
  // A row's values, kept until its batch is full: the source's statement is still stepping.
  std::vector<std::tuple<value_type, std::int64_t, double, std::string>> kept;
  kept.reserve(static_cast<std::size_t>(batch * width));
  auto send = [&](statement& q, int n) {
    for (int i = 0; i < n * width; ++i) {
      const auto& [type, integer, real, text] = kept[static_cast<std::size_t>(i)];
      switch (type) {
        case value_type::null:
          q.bind(i + 1);
          break;
        case value_type::integer:
          q.bind(i + 1, integer);
          break;
        case value_type::real:
          q.bind(i + 1, real);
          break;
        case value_type::blob:
          q.bind_blob(i + 1, text);
          break;
        case value_type::text:
          q.bind(i + 1, text);
          break;
      }
    }
    count.copied += q.exec();
  };
  auto flush = [&](int n) {
    if (n == 0) return;
    if (n == batch) {
      send(full, n);
    } else {
      auto last = to.query(insert_sql(n));
      send(last, n);
    }
    kept.clear();
    done += n;
    if (progress) progress(table, done, count.source);
  };
  while (rows.executeStep()) {
    for (int c = 0; c < width; ++c) {
      const auto col = rows.getColumn(c);
      const auto type = col.type();
      kept.emplace_back(type, type == value_type::integer ? col.getInt64() : 0,
                        type == value_type::real ? col.getDouble() : 0.0,
                        type == value_type::text   ? col.getString()
                        : type == value_type::blob ? col.getBlob()
                                                   : std::string());
    }
    if (++in_batch == batch) {
      flush(batch);
      in_batch = 0;
    }
  }
  flush(in_batch);
  if (count.source == 0 && progress) progress(table, 0, 0);
  tx.commit();
  count.target = count_rows(to, table);
  return count;
}

// Identity columns continue after the highest id copied.
void continue_sequences(database& to) {
  auto q = to.query(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() "
      "AND is_identity = 'YES'");
  std::vector<std::pair<std::string, std::string>> identities;
  while (q.executeStep()) identities.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  for (const auto& [table, column] : identities)
    to.exec(
        fmt::format("SELECT setval(pg_get_serial_sequence('{0}', '{1}'), max({1})) FROM {0} HAVING "
                    "max({1}) IS NOT NULL",
                    quoted(table), column));
}

}  // namespace

std::vector<table_count> copy_database(database& from, database& to, const copy_progress& progress) {
  if (from.is_postgres()) throw database_error("copy-db copies from an SQLite file");
  if (!to.is_postgres())
    throw database_error(
        "copy-db copies into PostgreSQL: set [storage] backend = \"postgres\" and url (or "
        "ESTATEBOT_STORAGE_URL)");
  std::vector<table_count> out;
  for (const auto& table : tables_in_order(from)) out.push_back(copy_table(from, to, table, progress));
  continue_sequences(to);
  return out;
}

}  // namespace storage
