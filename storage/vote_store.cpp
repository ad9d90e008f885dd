#include "storage/vote_store.hpp"

#include <nlohmann/json.hpp>

#include "storage/statement.hpp"

namespace storage {
namespace {

constexpr const char* vote_columns =
    "id, community_id, building, kind, matter, title, options, approve_option, multiple, secret, "
    "follow_majority, created_by, created_at, deadline, closed_at";
constexpr const char* room_columns = "unit_id, building, area_centi, owner_key, voted_at";

vote_room_row read_room(statement& q) {
  vote_room_row r;
  r.unit_id = q.getColumn(0).getInt64();
  r.building = q.getColumn(1).getString();
  r.area_centi = q.getColumn(2).getInt64();
  r.owner_key = q.getColumn(3).getString();
  if (!q.getColumn(4).isNull()) r.voted_at = q.getColumn(4).getInt64();
  return r;
}

ballot_row read_ballot(statement& q) {
  ballot_row b;
  b.slot = q.getColumn(0).getString();
  b.choices = parse_choices(q.getColumn(1).getString());
  if (!q.getColumn(2).isNull()) b.cast_by = q.getColumn(2).getInt64();
  if (!q.getColumn(3).isNull()) b.cast_at = q.getColumn(3).getInt64();
  return b;
}

}  // namespace

std::string choices_text(const std::vector<int>& choices) {
  std::string out;
  for (int c : choices) out += (out.empty() ? "" : ",") + std::to_string(c);
  return out;
}

std::vector<int> parse_choices(const std::string& text) {
  std::vector<int> out;
  int v = 0;
  bool any = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      any = true;
    } else if (any) {
      out.push_back(v);
      v = 0;
      any = false;
    }
  }
  if (any) out.push_back(v);
  return out;
}

vote_row vote_store::read(statement& q) {
  vote_row v;
  v.id = q.getColumn(0).getInt64();
  v.community_id = q.getColumn(1).getInt64();
  if (!q.getColumn(2).isNull()) v.building = q.getColumn(2).getString();
  v.assembly = q.getColumn(3).getString() == "assembly";
  v.matter = q.getColumn(4).getInt();
  v.title = q.getColumn(5).getString();
  auto options = nlohmann::json::parse(q.getColumn(6).getString(), nullptr, false);
  if (options.is_array())
    for (const auto& o : options)
      if (o.is_string()) v.options.push_back(o.get<std::string>());
  v.approve_option = q.getColumn(7).getInt();
  v.multiple = q.getColumn(8).getInt() != 0;
  v.secret = q.getColumn(9).getInt() != 0;
  v.follow_majority = q.getColumn(10).getInt() != 0;
  if (!q.getColumn(11).isNull()) v.created_by = q.getColumn(11).getInt64();
  v.created_at = q.getColumn(12).getInt64();
  v.deadline = q.getColumn(13).getInt64();
  if (!q.getColumn(14).isNull()) v.closed_at = q.getColumn(14).getInt64();
  return v;
}

std::int64_t vote_store::create(const vote_row& v) {
  static constexpr const char* sql =
      "INSERT INTO votes (community_id, building, kind, matter, title, options, approve_option, multiple, "
      "secret, follow_majority, created_by, created_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, v.community_id);
  bind_optional(q, 2, v.building);
  q.bind(3, v.assembly ? "assembly" : "poll");
  q.bind(4, v.matter);
  q.bind(5, v.title);
  q.bind(6, nlohmann::json(v.options).dump());
  q.bind(7, v.approve_option);
  q.bind(8, v.multiple ? 1 : 0);
  q.bind(9, v.secret ? 1 : 0);
  q.bind(10, v.follow_majority ? 1 : 0);
  bind_optional(q, 11, v.created_by);
  q.bind(12, v.created_at);
  q.bind(13, v.deadline);
  q.exec();
  return db_.last_insert_id();
}

std::optional<vote_row> vote_store::get(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + vote_columns + " FROM votes WHERE id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<vote_row> vote_store::list(std::int64_t community_id, int limit) {
  static const std::string sql =
      std::string("SELECT ") + vote_columns +
      " FROM votes WHERE community_id = ? "
      "ORDER BY closed_at IS NOT NULL, coalesce(closed_at, 0) DESC, id DESC LIMIT ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, community_id);
  q.bind(2, limit);
  std::vector<vote_row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void vote_store::close(std::int64_t id, std::int64_t at) {
  static constexpr const char* sql = "UPDATE votes SET closed_at = ? WHERE id = ? AND closed_at IS NULL";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  q.bind(2, id);
  q.exec();
}

void vote_store::add_rooms(std::int64_t vote_id, const std::vector<vote_room_row>& rooms) {
  static constexpr const char* sql =
      "INSERT INTO vote_rooms (vote_id, unit_id, building, area_centi, owner_key) VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  for (const auto& r : rooms) {
    q.bind(1, vote_id);
    q.bind(2, r.unit_id);
    q.bind(3, r.building);
    q.bind(4, r.area_centi);
    q.bind(5, r.owner_key);
    q.exec();
    q.reset();
  }
}

std::vector<vote_room_row> vote_store::rooms(std::int64_t vote_id) {
  static const std::string sql = std::string("SELECT ") + room_columns + " FROM vote_rooms WHERE vote_id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, vote_id);
  std::vector<vote_room_row> out;
  while (q.executeStep()) out.push_back(read_room(q));
  return out;
}

std::vector<vote_room_row> vote_store::rooms_of_owner(std::int64_t vote_id, const std::string& owner_key) {
  static const std::string sql =
      std::string("SELECT ") + room_columns + " FROM vote_rooms WHERE vote_id = ? AND owner_key = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, vote_id);
  q.bind(2, owner_key);
  std::vector<vote_room_row> out;
  while (q.executeStep()) out.push_back(read_room(q));
  return out;
}

std::optional<vote_room_row> vote_store::room(std::int64_t vote_id, std::int64_t unit_id) {
  static const std::string sql =
      std::string("SELECT ") + room_columns + " FROM vote_rooms WHERE vote_id = ? AND unit_id = ?";
  auto q = db_.prepare(sql.c_str());
  q.bind(1, vote_id);
  q.bind(2, unit_id);
  if (!q.executeStep()) return std::nullopt;
  return read_room(q);
}

void vote_store::mark_voted(std::int64_t vote_id, std::int64_t unit_id, std::int64_t at) {
  static constexpr const char* sql = "UPDATE vote_rooms SET voted_at = ? WHERE vote_id = ? AND unit_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, at);
  q.bind(2, vote_id);
  q.bind(3, unit_id);
  q.exec();
}

std::optional<ballot_row> vote_store::ballot(std::int64_t vote_id, const std::string& slot) {
  static constexpr const char* sql =
      "SELECT slot, choices, cast_by, cast_at FROM vote_ballots WHERE vote_id = ? AND slot = ?";
  auto q = db_.prepare(sql);
  q.bind(1, vote_id);
  q.bind(2, slot);
  if (!q.executeStep()) return std::nullopt;
  return read_ballot(q);
}

void vote_store::put_ballot(std::int64_t vote_id, const ballot_row& b) {
  static constexpr const char* sql =
      "INSERT INTO vote_ballots (vote_id, slot, choices, cast_by, cast_at) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (vote_id, slot) DO UPDATE SET choices = excluded.choices, cast_by = excluded.cast_by, "
      "cast_at = excluded.cast_at";
  auto q = db_.prepare(sql);
  q.bind(1, vote_id);
  q.bind(2, b.slot);
  q.bind(3, choices_text(b.choices));
  bind_optional(q, 4, b.cast_by);
  bind_optional(q, 5, b.cast_at);
  q.exec();
}

std::vector<ballot_row> vote_store::ballots(std::int64_t vote_id) {
  static constexpr const char* sql =
      "SELECT slot, choices, cast_by, cast_at FROM vote_ballots WHERE vote_id = ? ORDER BY slot";
  auto q = db_.prepare(sql);
  q.bind(1, vote_id);
  std::vector<ballot_row> out;
  while (q.executeStep()) out.push_back(read_ballot(q));
  return out;
}

std::vector<tally_row> vote_store::tally(std::int64_t vote_id) {
  static constexpr const char* sql =
      "SELECT building, choice, area_centi, heads, rooms FROM vote_tally WHERE vote_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, vote_id);
  std::vector<tally_row> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getInt64(),
                   q.getColumn(3).getInt64(), q.getColumn(4).getInt64()});
  return out;
}

void vote_store::add_tally(std::int64_t vote_id, const std::vector<tally_row>& delta) {
  static constexpr const char* sql =
      "INSERT INTO vote_tally (vote_id, building, choice, area_centi, heads, rooms) VALUES (?, ?, ?, ?, ?, "
      "?) "
      "ON CONFLICT (vote_id, building, choice) DO UPDATE SET area_centi = vote_tally.area_centi + "
      "excluded.area_centi, heads = vote_tally.heads + excluded.heads, rooms = vote_tally.rooms + "
      "excluded.rooms";
  auto q = db_.prepare(sql);
  for (const auto& t : delta) {
    q.bind(1, vote_id);
    q.bind(2, t.building);
    q.bind(3, t.choice);
    q.bind(4, t.area_centi);
    q.bind(5, t.heads);
    q.bind(6, t.rooms);
    q.exec();
    q.reset();
  }
}

bool vote_store::follow_majority(std::int64_t community_id) {
  static constexpr const char* sql = "SELECT follow_majority FROM vote_rules WHERE community_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  return q.executeStep() && q.getColumn(0).getInt() != 0;
}

void vote_store::set_follow_majority(std::int64_t community_id, bool on) {
  static constexpr const char* sql =
      "INSERT INTO vote_rules (community_id, follow_majority) VALUES (?, ?) "
      "ON CONFLICT (community_id) DO UPDATE SET follow_majority = excluded.follow_majority";
  auto q = db_.prepare(sql);
  q.bind(1, community_id);
  q.bind(2, on ? 1 : 0);
  q.exec();
}

}  // namespace storage
