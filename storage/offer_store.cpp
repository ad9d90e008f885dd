#include "storage/offer_store.hpp"

#include "storage/statement.hpp"

namespace storage {

std::int64_t offer_store::add(const offer_row& o) {
  static constexpr const char* sql =
      "INSERT INTO chatter_offers (chat_id, member_id, message_id, text, offered_at) VALUES (?, ?, ?, ?, ?)";
  auto q = db_.prepare(sql);
  q.bind(1, o.chat_id);
  q.bind(2, o.member_id);
  q.bind(3, o.message_id);
  q.bind(4, o.text);
  q.bind(5, o.offered_at);
  q.exec();
  return db_.last_insert_id();
}

std::optional<std::int64_t> offer_store::last_offer_at(std::int64_t member_id) {
  static constexpr const char* sql = "SELECT max(offered_at) FROM chatter_offers WHERE member_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, member_id);
  q.executeStep();
  if (q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

std::optional<offer_row> offer_store::open_offer(std::int64_t chat_id, std::int64_t member_id,
                                                 std::int64_t since_ms) {
  static constexpr const char* sql =
      "SELECT id, chat_id, member_id, message_id, text, offered_at FROM chatter_offers "
      "WHERE chat_id = ? AND member_id = ? AND offered_at >= ? AND ticket_id IS NULL ORDER BY id DESC LIMIT "
      "1";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  q.bind(2, member_id);
  q.bind(3, since_ms);
  if (!q.executeStep()) return std::nullopt;
  return offer_row{q.getColumn(0).getInt64(),
                   q.getColumn(1).getInt64(),
                   q.getColumn(2).getInt64(),
                   q.getColumn(3).getString(),
                   q.getColumn(4).getString(),
                   q.getColumn(5).getInt64(),
                   std::nullopt};
}

void offer_store::taken(std::int64_t offer_id, std::int64_t ticket_id) {
  static constexpr const char* sql = "UPDATE chatter_offers SET ticket_id = ? WHERE id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, ticket_id);
  q.bind(2, offer_id);
  q.exec();
}

bool offer_store::switched_off(std::int64_t chat_id) {
  static constexpr const char* sql = "SELECT 1 FROM chatter_offers_off WHERE chat_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  return q.executeStep();
}

void offer_store::switch_off(std::int64_t chat_id, std::int64_t by_member, std::int64_t now_ms) {
  static constexpr const char* sql =
      "INSERT INTO chatter_offers_off (chat_id, by_member, at) VALUES (?, ?, ?) "
      "ON CONFLICT (chat_id) DO UPDATE SET by_member = excluded.by_member, at = excluded.at";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  q.bind(2, by_member);
  q.bind(3, now_ms);
  q.exec();
}

void offer_store::switch_on(std::int64_t chat_id) {
  static constexpr const char* sql = "DELETE FROM chatter_offers_off WHERE chat_id = ?";
  auto q = db_.prepare(sql);
  q.bind(1, chat_id);
  q.exec();
}

}  // namespace storage
