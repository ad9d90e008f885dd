#include "commands/outage_alert.hpp"

#include <set>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/feature_host.hpp"
#include "bot/local_time.hpp"
#include "bot/log.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "commands/alert_recipients.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::broadcast::group_locale;
namespace {

constexpr std::string_view outage_alert_ref = "alert:outage";

// The bot account as managers know it: "QQ 3889001234", or the platform alone.
std::string who(const bot::outage& o) {
  std::string platform = o.platform == "onebot" ? "QQ" : o.platform;
  return o.account.empty() ? platform : platform + " " + o.account;
}

std::string alert_text(const bot::services& svc, bot::locale l, const bot::outage& o) {
  const bot::local_time_zone tz{svc.cfg.community.utc_offset_minutes};
  const auto waiting = fmt::arg("waiting", o.waiting);
  if (o.until)
    return svc.t(l, "alert.outage.back", fmt::arg("who", who(o)), waiting,
                 fmt::arg("minutes", std::max<std::int64_t>(1, (*o.until - o.since) / 60'000)));
  return svc.t(l, "alert.outage.down", fmt::arg("who", who(o)), waiting,
               fmt::arg("since", tz.format(o.since)), fmt::arg("error", o.error),
               fmt::arg("hours", std::max<std::int64_t>(1, svc.cfg.outbox.give_up_after_ms / 3'600'000)));
}

void tell(bot::services& svc, const bot::outage& o) {
  std::set<std::int64_t> communities{svc.default_community};
  for (auto id : svc.db.chats.communities_on(o.platform, o.account)) communities.insert(id);
  std::set<std::string> told;  // a manager in two communities hears it once
  const std::int64_t now = svc.clk.now_ms();
  for (auto community : communities)
    for (const auto& to : alert_recipients(svc, community)) {
      if (!told.insert(to.key()).second) continue;
      auto chat = svc.db.chats.find(to);
      bot::locale l = chat ? group_locale(svc, *chat) : bot::locale::zh_CN;
      svc.db.outbox.enqueue(to, bot::outgoing::plain(alert_text(svc, l, o)), storage::priority::reply,
                            std::string(outage_alert_ref), now);
    }
  if (told.empty())
    bot::log::error("outbox", "nobody to tell of the outage of {}/{}: register a managers' group", o.platform,
                    o.account);
}

}  // namespace

void install_outage_alerts(bot::feature_host& host) {
  host.on_outage(tell);
}

}  // namespace commands
