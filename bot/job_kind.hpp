// A kind of scheduled job and the type of what its rows are about (their `ref`): a ticket id, a
// notice id, nothing. The kind writes the ref when a job is scheduled and reads it before the
// handler runs, so handlers get the id and never pick a string apart themselves.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bot {

// Jobs about nothing in particular (a daily clean-up): their ref is empty.
struct no_subject {};

template <class Subject>
struct job_kind;

template <>
struct job_kind<no_subject> {
  const char* name;  // "ticket.sla": stable, rows in databases carry it

  std::string ref(no_subject = {}) const { return {}; }
  std::optional<no_subject> read(std::string_view) const { return no_subject{}; }
};

// Jobs about one record, by id: the ref is the id in decimal after `prefix` ("notice:7"; the
// prefixes are those that rows already in databases carry).
template <>
struct job_kind<std::int64_t> {
  const char* name;  // "ticket.sla": stable, rows in databases carry it
  std::string_view prefix = {};

  std::string ref(std::int64_t id) const;
  // Nothing when the ref does not have that form (a row written by hand or by another version).
  std::optional<std::int64_t> read(std::string_view ref) const;
};

using id_job = job_kind<std::int64_t>;
using plain_job = job_kind<no_subject>;

}  // namespace bot
