// A cached prepared statement lent to one store call. It is reset when the call is done, so a
// SELECT that stopped at its first row does not keep a read snapshot open between events: another
// process may then write (import-roster, a backup, the sqlite3 shell) and checkpoint the log, and
// our next write starts from the current database. Only store implementations include this.
#pragma once
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <utility>

namespace storage {

class statement {
 public:
  explicit statement(SQLite::Statement& s) : s_(&s) {}
  statement(statement&& other) noexcept : s_(std::exchange(other.s_, nullptr)) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement& operator=(statement&&) = delete;
  ~statement() {
    if (s_) s_->tryReset();  // the error of the last step was reported by the step itself
  }

  template <class... A>
  void bind(A&&... a) {
    s_->bind(std::forward<A>(a)...);
  }
  bool executeStep() { return s_->executeStep(); }
  int exec() { return s_->exec(); }
  void reset() { s_->reset(); }
  SQLite::Column getColumn(int index) const { return s_->getColumn(index); }
  bool isColumnNull(int index) const { return s_->isColumnNull(index); }

 private:
  SQLite::Statement* s_;
};

// Binds the value, or NULL when there is none.
template <class Q, class T>
void bind_optional(Q& q, int index, const std::optional<T>& v) {
  if (v)
    q.bind(index, *v);
  else
    q.bind(index);
}

}  // namespace storage
