#include "commands/broadcast.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/texts.hpp"
#include "bot/utf8.hpp"
#include "commands/record_id.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::units::parse_address_words;
using domain::units::parse_building;

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

std::size_t broadcast(bot::services& svc, const std::vector<storage::chat_row>& groups,
                      const std::function<bot::outgoing(bot::locale)>& render, storage::priority p,
                      const std::string& ref) {
  std::optional<bot::outgoing> zh, en;
  const std::int64_t now = svc.clk.now_ms();
  for (const auto& g : groups) {
    bot::locale l = group_locale(svc, g);
    auto& body = l == bot::locale::en_US ? en : zh;
    if (!body) body = render(l);
    svc.db.outbox.enqueue(g.ref, *body, p, ref, now);
  }
  return groups.size();
}

std::string scope_text(const bot::services& svc, bot::locale l, const std::optional<std::string>& building) {
  return building ? svc.t(l, "scope.building", fmt::arg("building", *building)) : svc.t(l, "scope.community");
}

std::optional<std::string> parse_scope_building(std::string_view word) {
  if (parse_record_id(word)) return std::nullopt;
  return parse_building(word);
}

std::optional<std::string> read_scope_building(const bot::args& a, std::size_t& i) {
  if (i >= a.size()) return std::nullopt;
  if (i + 1 < a.size())
    if (auto w = parse_address_words({a[i], a[i + 1]})) {  // "bldg 3", as English replies show it
      i += 2;
      return w->address.building;
    }
  auto b = parse_scope_building(a[i]);
  if (b) ++i;
  return b;
}

}  // namespace commands
