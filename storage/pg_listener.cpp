#include "storage/pg_listener.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <algorithm>

#include "storage/database.hpp"
#include "storage/pg_engine.hpp"

namespace storage {

pg_listener::pg_listener(const std::string& url, const std::vector<std::string>& channels)
    : conn_(PQconnectdb(url.c_str())) {
  auto fail = [&](const std::string& why) {
    if (conn_) PQfinish(conn_);
    conn_ = nullptr;
    throw database_error(fmt::format("cannot listen on {}: {}", redact_url(url), why));
  };
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) fail(conn_ ? PQerrorMessage(conn_) : "out of memory");
  std::string sql = "SET application_name = 'estatebot listener'";
  for (const auto& c : channels) sql += "; LISTEN " + c;
  PGresult* r = PQexec(conn_, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string why = ok ? "" : PQresultErrorMessage(r);
  PQclear(r);
  if (!ok) fail(why);
}

pg_listener::~pg_listener() {
  if (conn_) PQfinish(conn_);
}

int pg_listener::socket() const {
  return PQsocket(conn_);
}

std::vector<std::string> pg_listener::take() {
  if (!PQconsumeInput(conn_) || PQstatus(conn_) != CONNECTION_OK)
    throw database_error(fmt::format("the listening connection was lost: {}", PQerrorMessage(conn_)));
  std::vector<std::string> out;
  while (PGnotify* n = PQnotifies(conn_)) {
    std::string channel = n->relname;
    PQfreemem(n);
    if (std::find(out.begin(), out.end(), channel) == out.end()) out.push_back(std::move(channel));
  }
  return out;
}

}  // namespace storage
