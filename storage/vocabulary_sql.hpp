// The domain's vocabulary (ticket states, kinds, categories, ...) at the SQL edge: words read
// back from text columns, and lists of values as SQL. A word this build does not know means a
// broken database or one written by a newer version: reported with the column's name, never
// guessed around.
#pragma once
#include "storage/statement.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace storage {

// `parse` is the vocabulary's parse function (domain::parse_ticket_state, ...).
template <class Parse>
auto read_word(std::string_view text, Parse parse, std::string_view column) {
  if (auto value = parse(text)) return *value;
  throw std::runtime_error(std::string(column) + ": unknown value '" + std::string(text) + "'");
}

template <class Parse>
auto column_as(const column& c, Parse parse, std::string_view column) {
  return read_word(c.getString(), parse, column);
}

template <class Parse>
auto optional_column_as(const column& c, Parse parse, std::string_view column) {
  return c.isNull() ? std::nullopt : std::optional(column_as(c, parse, column));
}

// For bind_optional: a value's text form, or NULL.
template <class E>
std::optional<std::string> optional_word(const std::optional<E>& value) {
  if (!value) return std::nullopt;
  return std::string(to_text(*value));
}

// "('new', 'assigned', 'in_progress')": values (with a to_text) as an SQL list for IN.
template <class Values>
std::string sql_in(const Values& values) {
  std::string out = "(";
  for (auto v : values) {
    if (out.size() > 1) out += ", ";
    ((out += "'") += to_text(v)) += "'";
  }
  return out + ")";
}

}  // namespace storage
