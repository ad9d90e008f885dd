#include "domain/broadcast/fan_out.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "storage/stores.hpp"

namespace domain::broadcast {

std::vector<storage::chat_row> broadcast_targets(bot::services& svc, std::int64_t community,
                                                 const std::optional<std::string>& building) {
  return svc.db.chats.groups_of(community, building, "owners");
}

std::string notice_ref(std::int64_t id) {
  return "notice:" + std::to_string(id);
}

std::string emergency_ref(std::int64_t id) {
  return "emergency:" + std::to_string(id);
}

bot::locale group_locale(const bot::services& svc, const storage::chat_row& group) {
  bot::locale fallback = bot::parse_locale(svc.cfg.community.lang).value_or(bot::locale::zh_CN);
  return group.lang ? bot::parse_locale(*group.lang).value_or(fallback) : fallback;
}

std::size_t fan_out(bot::services& svc, const std::vector<storage::chat_row>& groups,
                    const std::function<bot::outgoing(bot::locale)>& render, storage::priority p,
                    const std::string& ref) {
  std::optional<std::string> zh, en;  // each rendered and encoded once
  std::vector<std::pair<bot::chat_ref, const std::string*>> rows;
  rows.reserve(groups.size());
  for (const auto& g : groups) {
    bot::locale l = group_locale(svc, g);
    auto& body = l == bot::locale::en_US ? en : zh;
    if (!body) body = storage::encode_outgoing(render(l));
    rows.emplace_back(g.ref, &*body);
  }
  svc.db.outbox.enqueue_many(rows, p, ref, svc.clk.now_ms());
  return groups.size();
}

}  // namespace domain::broadcast
