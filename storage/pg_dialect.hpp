// The stores write SQL once, in SQLite's dialect; PostgreSQL reads it through this translation,
// done once per statement (the engine caches the result with the prepared statement):
//   ?N and ?            → $N (a bare ? takes the highest number so far plus one, as in SQLite)
//   INSERT OR IGNORE    → INSERT … ON CONFLICT DO NOTHING
//   instr(a, b)         → strpos(a, b);  char(n) → chr(n);  ifnull → coalesce
//   max(a, b), min(a, b) (two or more arguments) → greatest(a, b), least(a, b)
//   randomblob(16)      → the bytes of a random UUID
//   rowid               → ctid
//   INDEXED BY name     → nothing;  CROSS JOIN → JOIN (both only steer SQLite's planner) (the order rows were
//   written in, for insert-only tables)
// and in schema scripts also the types: INTEGER PRIMARY KEY [AUTOINCREMENT] → an identity column,
// INTEGER → BIGINT, REAL → DOUBLE PRECISION, BLOB → BYTEA, TEXT → TEXT COLLATE "C" (SQLite compares
// and sorts text by its bytes), WITHOUT ROWID dropped. Anything else in SQLite's dialect that
// PostgreSQL does not read (INSERT OR REPLACE, a boolean used as a number) is written portably in
// the store instead; the suite runs on both engines.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace storage::pg {

// `parameters`, when given, receives the number of parameters ($1 … $N) the statement takes.
std::string translate(std::string_view sql, int* parameters = nullptr);

// A schema script split into its statements, each translated with the type rules too.
std::vector<std::string> translate_script(std::string_view script);

}  // namespace storage::pg
