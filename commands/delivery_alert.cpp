#include "commands/delivery_alert.hpp"

#include <algorithm>
#include <map>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/feature_host.hpp"
#include "bot/log.hpp"
#include "bot/utf8.hpp"
#include "commands/alert_recipients.hpp"
#include "commands/notice.hpp"
#include "commands/record_id.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::broadcast::group_locale;
namespace {

constexpr std::string_view dead_alert_ref = "alert:dead";
constexpr bot::plain_job alert_job{"outbox.dead_alert"};
constexpr int batch = 1000;
constexpr std::size_t max_items = 10;
constexpr std::size_t max_chat_names = 3;
constexpr std::size_t max_alert_error_points = 60;

// What a dead row belonged to, as managers would name it: "公告 #7", "撤回公告 #7 失败（已改发更正）",
// "紧急通知 #5", "工单 #12 的通知", or other messages.
std::string what_of(const bot::services& svc, bot::locale l, const std::string& ref) {
  auto colon = ref.find(':');
  std::string kind = ref.substr(0, colon);
  std::optional<std::int64_t> id;
  std::string_view part;  // "notice:7:recall" → "recall"
  if (colon != std::string::npos) {
    std::string_view rest = std::string_view(ref).substr(colon + 1);
    id = parse_record_id(rest.substr(0, rest.find(':')));
    if (rest.find(':') != std::string_view::npos) part = rest.substr(rest.find(':') + 1);
  }
  if (id && kind == "notice" && part == "recall") return svc.t(l, "notice.what_recall", fmt::arg("id", *id));
  if (id && kind == "notice" && part == "correction")
    return svc.t(l, "notice.what_correction", fmt::arg("id", *id));
  if (id && kind == "notice") return svc.t(l, "notice.what", fmt::arg("id", *id));
  if (id && kind == "emergency") return svc.t(l, "emergency.what", fmt::arg("id", *id));
  if (id && kind == "ticket") return svc.t(l, "alert.dead.ticket", fmt::arg("id", *id));
  return svc.t(l, "alert.dead.other");
}

// A group by its title (its id when the platform never told it), a private chat by the person.
struct failed_chat {
  bool direct = false;
  std::string name;
};

struct item {
  std::string ref;
  std::vector<failed_chat> chats;
  std::string last_error;
};

failed_chat failed_chat_of(bot::services& svc, const bot::chat_ref& target) {
  if (!target.is_group()) {
    auto member = svc.db.members.find(target.platform, target.id);
    return {true, member && !member->display_name.empty() ? member->display_name : target.id};
  }
  auto chat = svc.db.chats.find(target);
  return {false, chat && !chat->title.empty() ? chat->title : target.id};
}

std::string label(const bot::services& svc, bot::locale l, const failed_chat& c) {
  return c.direct ? svc.t(l, "alert.dead.direct", fmt::arg("name", c.name)) : c.name;
}

// "2 个群", "1 个私聊", or "3 个会话" when both failed.
std::string count_of(const bot::services& svc, bot::locale l, const item& it) {
  const auto directs = static_cast<std::size_t>(
      std::count_if(it.chats.begin(), it.chats.end(), [](auto& c) { return c.direct; }));
  const std::size_t n = it.chats.size();
  if (directs == 0) return svc.t(l, "alert.dead.count_groups", fmt::arg("n", n));
  if (directs == n) return svc.t(l, "alert.dead.count_directs", fmt::arg("n", n));
  return svc.t(l, "alert.dead.count_chats", fmt::arg("n", n));
}

std::string summary(const bot::services& svc, bot::locale l, const std::vector<item>& items) {
  std::string out = svc.t(l, "alert.dead.head");
  std::size_t shown = 0;
  for (const auto& it : items) {
    if (shown++ == max_items) {
      out += "\n" + svc.t(l, "alert.dead.more", fmt::arg("n", items.size() - max_items));
      break;
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < it.chats.size() && i < max_chat_names; ++i)
      names.push_back(label(svc, l, it.chats[i]));
    std::string where = fmt::format("{}", fmt::join(names, svc.t(l, "common.list_separator")));
    if (it.chats.size() > names.size())
      where += svc.t(l, "alert.dead.and_more", fmt::arg("n", it.chats.size()));
    out += "\n" + svc.t(l, "alert.dead.item", fmt::arg("what", what_of(svc, l, it.ref)),
                        fmt::arg("count", count_of(svc, l, it)), fmt::arg("where", where),
                        fmt::arg("error", bot::utf8::truncate(it.last_error, max_alert_error_points)));
  }
  out += "\n" + svc.t(l, "alert.dead.hint");
  return out;
}

void run_alert(bot::services& svc) {
  const std::int64_t now = svc.clk.now_ms();
  for (;;) {
    auto dead = svc.db.outbox.unalerted_dead(batch);
    if (dead.empty()) return;
    // community → items in order of first death; one item per broadcast (ref), or per lone row.
    std::map<std::int64_t, std::vector<item>> by_community;
    std::map<std::pair<std::int64_t, std::string>, std::size_t> index;
    for (const auto& row : dead) {
      svc.db.outbox.mark_alerted(row.id, now);
      auto chat = svc.db.chats.find(row.target);
      std::int64_t community = chat ? chat->community_id : svc.default_community;
      auto& items = by_community[community];
      std::string key = row.ref.empty() ? "#" + std::to_string(row.id) : row.ref;
      auto [it, fresh] = index.try_emplace({community, key}, items.size());
      if (fresh) items.push_back({row.ref, {}, {}});
      items[it->second].chats.push_back(failed_chat_of(svc, row.target));
      items[it->second].last_error = row.last_error;
    }
    for (const auto& [community, items] : by_community) {
      auto to = alert_recipients(svc, community);
      if (to.empty()) {
        bot::log::error("outbox",
                        "{} failed deliveries in community {} and nobody to tell: register a managers' group",
                        items.size(), community);
        continue;
      }
      for (const auto& chat_ref : to) {
        auto chat = svc.db.chats.find(chat_ref);
        bot::locale l = chat ? group_locale(svc, *chat) : bot::locale::zh_CN;
        svc.db.outbox.enqueue(chat_ref, bot::outgoing::plain(summary(svc, l, items)),
                              storage::priority::reply, std::string(dead_alert_ref), now);
      }
    }
  }
}

}  // namespace

void install_delivery_alerts(bot::feature_host& host) {
  host.job(alert_job, [](const bot::job_run<bot::no_subject>& job) { run_alert(job.svc); });
  host.on_dead_letter([](bot::services& svc, const storage::outbox_row& row, const std::string& error) {
    const std::int64_t now = svc.clk.now_ms();
    if (row.ref.starts_with("alert:")) {  // this alert, or an outage alert
      bot::log::error("outbox", "an alert to {} could not be delivered either: {}", row.target.key(), error);
      svc.db.outbox.mark_alerted(row.id, now);
      return;
    }
    on_notice_row_dead(svc, row);
    // In the transaction that marks the row dead: a crash cannot lose the alert.
    svc.db.jobs.ensure(alert_job.name, alert_job.ref(), now + svc.cfg.outbox.dead_alert_delay_ms, now);
  });
}

}  // namespace commands
