// A cached prepared statement lent to one store call. It is reset when the call is done, so a
// SELECT that stopped at its first row does not keep a read snapshot open between events: another
// process may then write (import-roster, a backup, the sqlite3 shell) and checkpoint the log, and
// our next write starts from the current database. Only store implementations include this.
#pragma once
#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "storage/engine.hpp"

namespace storage {

// One column of the current row.
class column {
 public:
  column(const cursor& c, int index) : c_(&c), i_(index) {}
  bool isNull() const { return c_->is_null(i_); }
  int getInt() const { return static_cast<int>(c_->get_int(i_)); }
  std::int64_t getInt64() const { return c_->get_int(i_); }
  double getDouble() const { return c_->get_double(i_); }
  std::string getString() const { return c_->get_text(i_); }
  std::string getBlob() const { return c_->get_blob(i_); }
  value_type type() const { return c_->type(i_); }

 private:
  const cursor* c_;
  int i_;
};

class statement {
 public:
  explicit statement(cursor& c) : c_(&c) {}
  explicit statement(std::unique_ptr<cursor> owned) : c_(owned.get()), owned_(std::move(owned)) {}
  statement(statement&& other) noexcept
      : c_(std::exchange(other.c_, nullptr)), owned_(std::move(other.owned_)) {}
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement& operator=(statement&&) = delete;
  ~statement() {
    if (!c_) return;
    try {
      c_->reset();  // the error of the last step was reported by the step itself
    } catch (...) {
    }
  }

  void bind(int index) { c_->bind_null(index); }
  template <class T>
  requires std::is_arithmetic_v<std::remove_cvref_t<T>>
  void bind(int index, T v) {
    if constexpr (std::is_floating_point_v<std::remove_cvref_t<T>>)
      c_->bind_double(index, static_cast<double>(v));
    else
      c_->bind_int(index, static_cast<std::int64_t>(v));
  }
  void bind(int index, std::string_view text) { c_->bind_text(index, text); }
  void bind(int index, const std::string& text) { c_->bind_text(index, text); }
  void bind(int index, const char* text) { c_->bind_text(index, text); }
  void bind_blob(int index, std::string_view bytes) { c_->bind_blob(index, bytes); }

  bool executeStep() { return c_->step(); }
  int exec() { return c_->exec(); }
  void reset() { c_->reset(); }
  column getColumn(int index) const { return column(*c_, index); }
  bool isColumnNull(int index) const { return c_->is_null(index); }
  int columnCount() const { return c_->column_count(); }
  std::string columnName(int index) const { return c_->column_name(index); }

 private:
  cursor* c_;
  std::unique_ptr<cursor> owned_;  // a statement made for one use
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
