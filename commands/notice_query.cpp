#include "commands/notice_query.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/delivery_report.hpp"
#include "commands/record_id.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::broadcast::notice_ref;

using domain::privacy::redact_rooms;

namespace {

constexpr int notice_list_limit = 10;
constexpr std::size_t derived_title_points = 20;
constexpr std::size_t max_search_words = 3;

// "#7 12-01 09:05 停水通知 · 3栋（已撤回）"
std::string list_line(bot::context& ctx, const storage::notice_row& n, const bot::local_time_zone& tz) {
  std::string state;
  if (n.recalled())
    state = ctx.text("notice.state.recalled");
  else if (!n.published())
    state = ctx.text("notice.state.scheduled", fmt::arg("time", tz.format(n.publish_at)));
  std::string scope = n.building ? " · " + scope_text(ctx.svc, ctx.lang, n.building) : std::string();
  return ctx.text("notice.list_line", fmt::arg("id", n.id),
                  fmt::arg("time", tz.format(n.published_at.value_or(n.publish_at))),
                  fmt::arg("title", notice_title(n)), fmt::arg("scope", scope), fmt::arg("state", state));
}

bot::command_result list_notices(bot::context& ctx, const bot::args& a) {
  if (a.size() == 1)
    if (auto id = parse_record_id(a[0])) return show_notice(ctx, *id);  // 查看公告 7
  if (!a.empty()) return ctx.usage();
  const bool staff = ctx.is_staff();
  auto notices = ctx.db().notices.recent(ctx.community(), staff, notice_list_limit);
  if (notices.empty()) {
    ctx.reply(ctx.text("notice.list_empty"));
    return std::nullopt;
  }
  bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  std::string out =
      ctx.text("notice.list_head", fmt::arg("n", ctx.db().notices.count(ctx.community(), staff)));
  for (const auto& n : notices) out += "\n" + list_line(ctx, n, tz);
  out += "\n" + ctx.text("notice.list_hint");
  ctx.reply(out);
  return std::nullopt;
}

bot::command_result search(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return ctx.usage();
  std::vector<std::string> words;
  for (const auto& t : a.tokens)
    if (words.size() < max_search_words) words.push_back(t.text);
  auto found = ctx.db().notices.search(ctx.community(), words, ctx.is_staff(), notice_list_limit);
  std::string shown_words = a.rest(0);
  if (found.empty()) {
    ctx.reply(ctx.text("notice.search_none", fmt::arg("words", shown_words)));
    return std::nullopt;
  }
  bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  std::string out =
      ctx.text("notice.search_head", fmt::arg("words", shown_words), fmt::arg("n", found.size()));
  for (const auto& n : found) out += "\n" + list_line(ctx, n, tz);
  out += "\n" + ctx.text("notice.list_hint");
  ctx.reply(out);
  return std::nullopt;
}

}  // namespace

std::string notice_title(const storage::notice_row& n) {
  if (!n.title.empty()) return n.title;
  std::string_view body = n.body;
  return bot::utf8::truncate(body.substr(0, body.find('\n')), derived_title_points);
}

std::optional<storage::notice_row> visible_notice(bot::context& ctx, std::int64_t id) {
  auto n = ctx.db().notices.get(id);
  if (!n) return std::nullopt;
  if (n->community_id != ctx.community() && ctx.who.level != bot::role::admin) return std::nullopt;
  if (!n->published() && !ctx.is_staff()) return std::nullopt;
  return n;
}

bot::command_result show_notice(bot::context& ctx, std::int64_t id) {
  auto n = visible_notice(ctx, id);
  if (!n) return ctx.fail("notice.not_found", fmt::arg("id", id));
  const bool staff = ctx.is_staff();
  bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  if (n->recalled() && !staff) {
    ctx.reply(
        ctx.text("notice.show_recalled", fmt::arg("id", id), fmt::arg("time", tz.format(*n->recalled_at))));
    return std::nullopt;
  }
  auto shown = [&](const std::string& text) { return ctx.in_group() ? redact_rooms(text, ctx.lang) : text; };
  std::string out = ctx.text("notice.show", fmt::arg("id", id), fmt::arg("title", shown(n->title)),
                             fmt::arg("body", n->title.empty() ? shown(n->body) : "\n" + shown(n->body)),
                             fmt::arg("scope", scope_text(ctx.svc, ctx.lang, n->building)),
                             fmt::arg("time", tz.format_with_year(n->published_at.value_or(n->publish_at))));
  if (staff) {
    if (n->recalled())
      out += "\n" + ctx.text("notice.show_recalled_staff", fmt::arg("time", tz.format(*n->recalled_at)));
    if (!n->published()) {
      out += "\n" + ctx.text("notice.show_scheduled", fmt::arg("time", tz.format_with_year(n->publish_at)),
                             fmt::arg("id", id));
    } else {
      auto c = count_deliveries(ctx, notice_ref(id));
      out += "\n" + ctx.text("notice.show_delivery", fmt::arg("sent", c.sent), fmt::arg("total", c.total),
                             fmt::arg("id", id));
    }
  }
  ctx.reply(out);
  return std::nullopt;
}

std::vector<bot::command_spec> notice_query_commands() {
  return {
      {
          .id = "notice.list",
          .zh = {"公告列表", "查看公告"},
          .en = {"notices", "notice list"},
          .topic = "notices",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = list_notices,
      },
      {
          .id = "notice.search",
          .zh = {"搜索公告", "查公告"},
          .en = {"notice search", "search notices"},
          .topic = "notices",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = search,
      },
  };
}

}  // namespace commands
