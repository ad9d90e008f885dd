#include "storage/job_store.hpp"

#include "storage/statement.hpp"

namespace storage {
namespace {

job_row read(statement& q) {
  return job_row{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                 q.getColumn(3).getInt64(), q.getColumn(4).getString()};
}

}  // namespace

std::int64_t job_store::schedule(const std::string& kind, const std::string& ref, std::int64_t due_at,
                                 const std::string& payload, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO jobs (kind, ref, due_at, payload, created_at) VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, kind);
  q.bind(2, ref);
  q.bind(3, due_at);
  q.bind(4, payload.empty() ? std::string("{}") : payload);
  q.bind(5, now_ms);
  q.exec();
  const auto id = db_.last_insert_id();
  db_.notify(jobs_channel);
  return id;
}

std::vector<job_row> job_store::due(std::int64_t now_ms, int limit) {
  static constexpr const char* sql =
      "SELECT id, kind, ref, due_at, payload FROM jobs WHERE done_at IS NULL AND due_at <= ? "
      "ORDER BY due_at, id LIMIT ?";
  auto q = db_.prepare(sql);
  q.bind(1, now_ms);
  q.bind(2, limit);
  std::vector<job_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::optional<std::int64_t> job_store::next_due_at() {
  static constexpr const char* sql = "SELECT min(due_at) FROM jobs WHERE done_at IS NULL";
  auto q = db_.prepare(sql);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

void job_store::done(std::int64_t id, std::int64_t now_ms) {
  static constexpr const char* sql = "UPDATE jobs SET done_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, now_ms);
  q.bind(2, id);
  q.exec();
}

bool job_store::still_due(std::int64_t id, std::int64_t now_ms) {
  static constexpr const char* sql = "SELECT 1 FROM jobs WHERE id = ? AND done_at IS NULL AND due_at <= ?";
  auto q = db_.prepare(sql);
  q.bind(1, id);
  q.bind(2, now_ms);
  return q.executeStep();
}

void job_store::postpone(std::int64_t id, std::int64_t due_at) {
  static constexpr const char* sql = "UPDATE jobs SET due_at = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, due_at);
  q.bind(2, id);
  q.exec();
}

int job_store::cancel(const std::string& kind, const std::string& ref, std::int64_t now_ms) {
  static constexpr const char* sql =
      "UPDATE jobs SET done_at = ? WHERE kind = ? AND ref = ? AND done_at IS NULL";
  auto q = db_.prepare(sql);
  q.bind(1, now_ms);
  q.bind(2, kind);
  q.bind(3, ref);
  return q.exec();
}

std::vector<job_row> job_store::pending(const std::string& kind, const std::string& ref) {
  static constexpr const char* sql =
      "SELECT id, kind, ref, due_at, payload FROM jobs WHERE kind = ? AND ref = ? AND done_at IS NULL ORDER "
      "BY due_at";
  auto q = db_.prepare(sql);
  q.bind(1, kind);
  q.bind(2, ref);
  std::vector<job_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void job_store::set_payload(std::int64_t id, const std::string& payload) {
  static constexpr const char* sql = "UPDATE jobs SET payload = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, payload);
  q.bind(2, id);
  q.exec();
}

std::optional<std::pair<job_row, std::int64_t>> job_store::last_done(const std::string& kind,
                                                                     const std::string& ref) {
  static constexpr const char* sql =
      "SELECT id, kind, ref, due_at, payload, done_at FROM jobs WHERE kind = ? AND ref = ? AND done_at IS "
      "NOT NULL "
      "ORDER BY done_at DESC, id DESC LIMIT 1";
  auto q = db_.prepare(sql);
  q.bind(1, kind);
  q.bind(2, ref);
  if (!q.executeStep()) {
    q.reset();
    return std::nullopt;
  }
  std::pair<job_row, std::int64_t> out{read(q), q.getColumn(5).getInt64()};
  q.reset();
  return out;
}

void job_store::ensure(const std::string& kind, const std::string& ref, std::int64_t due_at,
                       std::int64_t now_ms) {
  if (pending(kind, ref).empty()) schedule(kind, ref, due_at, "{}", now_ms);
}

}  // namespace storage
