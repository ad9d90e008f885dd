// Catch prints the ticket vocabulary by its text form ("in_progress"), not as a number, when a
// comparison of enums fails. Include it before the first CHECK that compares them.
#pragma once
#include <catch2/catch.hpp>
#include <string>

#include "domain/ticket_types.hpp"

namespace Catch {

template <class E>
struct vocabulary_string_maker {
  static std::string convert(E value) { return std::string(domain::to_text(value)); }
};
template <>
struct StringMaker<domain::ticket_kind> : vocabulary_string_maker<domain::ticket_kind> {};
template <>
struct StringMaker<domain::ticket_state> : vocabulary_string_maker<domain::ticket_state> {};
template <>
struct StringMaker<domain::ticket_priority> : vocabulary_string_maker<domain::ticket_priority> {};
template <>
struct StringMaker<domain::ticket_category> : vocabulary_string_maker<domain::ticket_category> {};
template <>
struct StringMaker<domain::visit_result> : vocabulary_string_maker<domain::visit_result> {};

}  // namespace Catch
