#include "storage/pg_dialect.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace storage::pg {
namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string upper(std::string_view w) {
  std::string u(w);
  for (auto& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

// Where the quoted text, comment or identifier that starts at `i` ends (one past it); `i` itself
// when nothing starts there.
std::size_t skip_quoted(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '\'' || c == '"') {
    std::size_t j = i + 1;
    while (j < s.size()) {
      if (s[j] == c) {
        if (j + 1 < s.size() && s[j + 1] == c) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      ++j;
    }
    return s.size();
  }
  if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
    const auto end = s.find('\n', i);
    return end == std::string_view::npos ? s.size() : end;
  }
  if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
    const auto end = s.find("*/", i + 2);
    return end == std::string_view::npos ? s.size() : end + 2;
  }
  return i;
}

// From the "(" at `open`: whether a comma stands at its own depth before the matching ")".
bool has_top_level_comma(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size();) {
    const std::size_t q = skip_quoted(s, i);
    if (q != i) {
      i = q;
      continue;
    }
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return false;
    if (s[i] == ',' && depth == 1) return true;
    ++i;
  }
  return false;
}

std::size_t next_non_space(std::string_view s, std::size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// The word that starts at `i` (after spaces), upper-cased; empty when none does.
std::string word_at(std::string_view s, std::size_t i, std::size_t* end = nullptr) {
  i = next_non_space(s, i);
  std::size_t j = i;
  while (j < s.size() && word_char(s[j])) ++j;
  if (end) *end = j;
  return upper(s.substr(i, j - i));
}

struct translator {
  translator(std::string_view sql, bool schema_script) : in(sql), schema(schema_script) {}
  std::string_view in;
  bool schema;
  std::string out;
  int highest = 0;
  bool on_conflict_nothing = false;
  std::size_t returning_at = std::string::npos;  // in `out`
  int depth = 0;
  std::string prev1, prev2;  // the last two words or punctuation marks written, upper-cased

  void token(std::string t) {
    prev2 = std::move(prev1);
    prev1 = std::move(t);
  }
  // A type name stands after a column's name in a column definition, or after CAST's AS; a column
  // may be called "text" too.
  bool type_expected() const {
    if (prev1 == "AS") return true;
    if (prev1.empty() || !word_char(prev1[0])) return false;
    return prev2 == "(" || prev2 == "," || prev2 == "COLUMN";
  }

  void word(std::size_t& i) {
    const bool typed = type_expected();
    std::size_t start = i;
    while (start < in.size() && word_char(in[start])) ++start;
    token(upper(in.substr(i, start - i)));
    word_body(i, typed);
  }

  void word_body(std::size_t& i, bool typed) {
    std::size_t j = i;
    while (j < in.size() && word_char(in[j])) ++j;
    const std::string_view w = in.substr(i, j - i);
    const std::string u = upper(w);
    const std::size_t after = next_non_space(in, j);
    const bool call = after < in.size() && in[after] == '(';
    i = j;
    if (u == "INSERT") {
      std::size_t e1 = 0, e2 = 0;
      if (word_at(in, j, &e1) == "OR") {
        const std::string what = word_at(in, e1, &e2);
        if (what == "IGNORE") {
          out += "INSERT";
          on_conflict_nothing = true;
          i = e2;
          return;
        }
        throw std::invalid_argument("INSERT OR " + what +
                                    " has no PostgreSQL translation: " + std::string(in));
      }
    } else if (u == "RETURNING" && depth == 0) {
      returning_at = out.size();
    } else if (call && u == "INSTR") {
      out += "strpos";
      return;
    } else if (call && u == "CHAR") {
      out += "chr";
      return;
    } else if (call && u == "IFNULL") {
      out += "coalesce";
      return;
    } else if (call && (u == "MAX" || u == "MIN") && has_top_level_comma(in, after)) {
      out += u == "MAX" ? "greatest" : "least";
      return;
    } else if (call && u == "RANDOMBLOB") {
      // Sixteen random bytes (the suggestion box's comment order): the bytes of a random UUID.
      const auto close = in.find(')', after);
      if (close == std::string_view::npos || in.substr(after + 1, close - after - 1) != "16")
        throw std::invalid_argument("randomblob other than 16 bytes: " + std::string(in));
      out += "uuid_send(gen_random_uuid())";
      i = close + 1;
      return;
    } else if (u == "INDEXED") {
      // INDEXED BY name: a plan SQLite is held to; PostgreSQL's planner has no such hint.
      std::size_t e1 = 0, e2 = 0;
      if (word_at(in, j, &e1) == "BY") {
        word_at(in, e1, &e2);
        i = e2;
        return;
      }
    } else if (u == "CROSS") {
      // CROSS JOIN … ON: SQLite's way to fix the join order; PostgreSQL reads it as a JOIN.
      std::size_t e1 = 0;
      if (word_at(in, j, &e1) == "JOIN") {
        out += "JOIN";
        i = e1;
        return;
      }
    } else if (u == "ROWID") {
      out += "ctid";
      return;
    } else if (schema && typed) {
      if (u == "INTEGER") {
        std::size_t e1 = 0, e2 = 0, e3 = 0;
        if (word_at(in, j, &e1) == "PRIMARY" && word_at(in, e1, &e2) == "KEY") {
          out += "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
          i = word_at(in, e2, &e3) == "AUTOINCREMENT" ? e3 : e2;
          return;
        }
        out += "BIGINT";
        return;
      }
      if (u == "REAL") {
        out += "DOUBLE PRECISION";
        return;
      }
      if (u == "BLOB") {
        out += "BYTEA";
        return;
      }
      if (u == "TEXT" && prev2 != "AS") {
        out += "TEXT COLLATE \"C\"";
        return;
      }
    } else if (schema && u == "WITHOUT") {
      std::size_t e1 = 0;
      if (word_at(in, j, &e1) == "ROWID") {
        i = e1;
        return;
      }
    }
    out += w;
  }

  void parameter(std::size_t& i) {
    std::size_t j = i + 1;
    while (j < in.size() && std::isdigit(static_cast<unsigned char>(in[j]))) ++j;
    int n = 0;
    if (j > i + 1) {
      n = std::stoi(std::string(in.substr(i + 1, j - i - 1)));
    } else {
      n = highest + 1;
    }
    highest = std::max(highest, n);
    out += '$';
    out += std::to_string(n);
    i = j;
  }

  std::string run() {
    for (std::size_t i = 0; i < in.size();) {
      const std::size_t q = skip_quoted(in, i);
      if (q != i) {
        out.append(in.substr(i, q - i));
        i = q;
        continue;
      }
      const char c = in[i];
      if (c == '?') {
        parameter(i);
      } else if (word_char(c) && (i == 0 || !word_char(in[i - 1]))) {
        word(i);
      } else {
        if (c == '(') ++depth;
        if (c == ')') --depth;
        if (!std::isspace(static_cast<unsigned char>(c))) token(std::string(1, c));
        out += c;
        ++i;
      }
    }
    if (on_conflict_nothing) {
      if (returning_at != std::string::npos) {
        out.insert(returning_at, "ON CONFLICT DO NOTHING ");
      } else {
        while (!out.empty() && (std::isspace(static_cast<unsigned char>(out.back())) || out.back() == ';'))
          out.pop_back();
        out += " ON CONFLICT DO NOTHING";
      }
    }
    return out;
  }
};

std::string run(std::string_view sql, bool schema, int* parameters = nullptr) {
  translator t(sql, schema);
  auto out = t.run();
  if (parameters) *parameters = t.highest;
  return out;
}

}  // namespace

std::string translate(std::string_view sql, int* parameters) {
  return run(sql, false, parameters);
}

std::vector<std::string> translate_script(std::string_view script) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= script.size();) {
    if (i < script.size()) {
      const std::size_t q = skip_quoted(script, i);
      if (q != i) {
        i = q;
        continue;
      }
    }
    if (i == script.size() || script[i] == ';') {
      const auto piece = script.substr(start, i - start);
      if (piece.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        // A statement of comments only is nothing to run.
        std::string bare;
        for (std::size_t k = 0; k < piece.size();) {
          const std::size_t q = skip_quoted(piece, k);
          if (q != k && piece[k] != '\'' && piece[k] != '"') {
            k = q;
            continue;
          }
          bare += piece[k++];
        }
        if (bare.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(run(piece, true));
      }
      start = i + 1;
    }
    ++i;
  }
  return out;
}

}  // namespace storage::pg
