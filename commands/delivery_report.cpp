#include "commands/delivery_report.hpp"

#include <algorithm>

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/outbox_pump.hpp"
#include "bot/utf8.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr std::size_t max_lines = 20;
constexpr std::size_t max_report_error_points = 80;

// Failed first, then waiting, then delivered: what needs attention is at the top.
int rank(const storage::outbox_row& r) {
  if (r.state == "dead") return 0;
  if (r.state == "pending" || r.state == "held") return 1;
  if (r.state == "cancelled") return 3;
  return 2;
}

std::string group_name(bot::context& ctx, const storage::outbox_row& r) {
  auto chat = ctx.db().chats.find(r.target);
  return chat && !chat->title.empty() ? chat->title : r.target.id;
}

std::string waiting_line(bot::context& ctx, const storage::outbox_row& r, const std::string& group,
                         const bot::local_time_zone& tz) {
  std::string error = bot::utf8::truncate(r.last_error, max_report_error_points);
  bot::wait_reason w = ctx.svc.outbox ? ctx.svc.outbox->explain(r) : bot::wait_reason{};
  using k = bot::wait_reason::kind;
  switch (w.why) {
    case k::sending:
      return ctx.text("delivery.wait.sending", fmt::arg("group", group));
    case k::no_adapter:
      return ctx.text("delivery.wait.no_adapter", fmt::arg("group", group),
                      fmt::arg("platform", r.target.platform));
    case k::not_connected:
      return ctx.text("delivery.wait.not_connected", fmt::arg("group", group));
    case k::unreachable:
      return ctx.text("delivery.wait.unreachable", fmt::arg("group", group),
                      fmt::arg("time", tz.format(w.at)));
    case k::backoff:
      return ctx.text("delivery.wait.backoff", fmt::arg("group", group), fmt::arg("time", tz.format(w.at)),
                      fmt::arg("attempt", r.attempts + 1), fmt::arg("error", error));
    case k::behind_in_chat:
      return ctx.text("delivery.wait.behind", fmt::arg("group", group));
    case k::rate_limited:
      return ctx.text("delivery.wait.rate_limited", fmt::arg("group", group),
                      fmt::arg("time", tz.format(w.at)));
    case k::held:
      return ctx.text("delivery.wait.held", fmt::arg("group", group));
    case k::due:
      break;
  }
  if (r.attempts > 0)
    return ctx.text("delivery.wait.retrying", fmt::arg("group", group), fmt::arg("error", error));
  return ctx.text("delivery.wait.due", fmt::arg("group", group));
}

std::string line(bot::context& ctx, const storage::outbox_row& r, const bot::local_time_zone& tz) {
  std::string group = group_name(ctx, r);
  if (r.state == "sent") {
    std::string time = tz.format(r.sent_at.value_or(0));
    if (r.platform_message_id.empty())
      return ctx.text("delivery.sent_no_id", fmt::arg("group", group), fmt::arg("time", time));
    return ctx.text("delivery.sent", fmt::arg("group", group), fmt::arg("time", time),
                    fmt::arg("message_id", r.platform_message_id));
  }
  if (r.state == "dead")
    return ctx.text("delivery.failed", fmt::arg("group", group),
                    fmt::arg("error", bot::utf8::truncate(r.last_error, max_report_error_points)));
  if (r.state == "cancelled") return ctx.text("delivery.cancelled", fmt::arg("group", group));
  return waiting_line(ctx, r, group, tz);
}

delivery_counts tally(const std::vector<storage::outbox_row>& rows) {
  delivery_counts c;
  for (const auto& r : rows) {
    ++c.total;
    if (r.state == "sent")
      ++c.sent;
    else if (r.state == "dead")
      ++c.failed;
    else if (r.state == "cancelled")
      ++c.cancelled;
    else
      ++c.waiting;
  }
  return c;
}

}  // namespace

delivery_counts count_deliveries(bot::context& ctx, const std::string& ref) {
  return tally(ctx.db().outbox.by_ref(ref));
}

std::string delivery_report(bot::context& ctx, const std::string& ref, const std::string& what) {
  auto rows = ctx.db().outbox.by_ref(ref);
  if (rows.empty()) return ctx.text("delivery.none", fmt::arg("what", what));
  const delivery_counts c = tally(rows);
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return rank(a) < rank(b); });
  bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  std::string out =
      ctx.text("delivery.head", fmt::arg("what", what), fmt::arg("sent", c.sent), fmt::arg("total", c.total),
               fmt::arg("waiting", c.waiting), fmt::arg("failed", c.failed));
  if (c.cancelled > 0) out += "\n" + ctx.text("delivery.head_cancelled", fmt::arg("n", c.cancelled));
  std::size_t shown = 0;
  for (const auto& r : rows) {
    if (shown == max_lines) break;
    out += "\n" + line(ctx, r, tz);
    ++shown;
  }
  if (rows.size() > shown) out += "\n" + ctx.text("delivery.more", fmt::arg("n", rows.size() - shown));
  return out;
}

}  // namespace commands
