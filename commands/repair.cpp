#include "commands/repair.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/duration_text.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_news.hpp"
#include "commands/ticket_texts.hpp"
#include "commands/ticket_view.hpp"
#include "domain/intent/classifier.hpp"
#include "domain/tickets/category.hpp"
#include "domain/tickets/intake.hpp"
#include "domain/tickets/sla.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::tickets::guess_category;
using domain::tickets::sla_for;
using domain::units::parse_address_words;
using domain::units::parse_unit_address;
using domain::units::unit_address;

namespace {

using domain::ticket_kind;
constexpr std::size_t max_description_points = 500;

// Fewer characters than this after the command word, and no word a category knows (漏水, 保安):
// the owner is asked what and where ("投诉 一下"). The model is not asked: two characters are
// too few for it.
constexpr std::size_t thin_points = 4;

bool too_thin(std::string_view text) {
  return bot::utf8::length(text) < thin_points && guess_category(text) == domain::ticket_category::other;
}

bot::command_result report_ticket(bot::context& ctx, const bot::args& a, ticket_kind kind) {
  if (a.empty() || too_thin(a.rest(0))) {
    if (a.addressed) return ctx.usage();
    // A bare 报修 or 投诉 in a group is asked about, never ignored (the usage would be swallowed).
    ctx.reply(ctx.text(kind == ticket_kind::suggestion ? "cmd.ticket.suggest.usage" : "ticket.ask_what_where",
                       fmt::arg("name", a.invoked_name)));
    return std::nullopt;
  }
  std::optional<unit_address> where = parse_unit_address(a[0]);
  std::size_t used = where ? 1 : 0;
  if (!where) {  // "/repair bldg 5 unit 1 lift is stuck"
    std::vector<std::string_view> words;
    for (const auto& t : a.tokens) words.push_back(t.text);
    if (auto w = parse_address_words(words)) {
      where = w->address;
      used = w->used;
    }
  }
  std::string description = a.rest(used);
  if (description.empty()) return ctx.usage();
  if (bot::utf8::length(description) > max_description_points)
    return ctx.fail("cmd.repair.report.too_long", fmt::arg("max", max_description_points));

  domain::tickets::report r;
  r.community_id = ctx.community();
  r.kind = kind;
  r.description = description;
  r.where = where;
  if (ctx.who.units.size() == 1) {
    const auto& u = ctx.who.units.front();
    r.home = unit_address{u.building, u.unit, u.room};
  }
  if (ctx.in_group()) r.group_building = ctx.chat.building;
  r.reporter_id = ctx.who.member.id;
  r.origin_chat = ctx.chat.id;
  r.origin_message_id = ctx.msg.id;
  r.at = ctx.now();
  r.lang = std::string(bot::locale_tag(ctx.lang));
  auto t = desk_of(ctx.svc).open(domain::tickets::ticket_of(ctx.db(), r), ctx.msg.images);
  ctx.reply(created_reply(ctx, t));
  return std::nullopt;
}

// A bare 报修/投诉 in a group must look like a report — a place, something a category knows, a
// problem to the intent model — or be too thin to be anything else (then the owner is asked what
// and where); otherwise it is chat that happens to start with the word ("投诉无门这部剧好看吗").
bool looks_like_report(const bot::args& a) {
  if (a.empty()) return true;
  const std::string text = a.rest(0);
  return parse_unit_address(a[0]).has_value() || guess_category(text) != domain::ticket_category::other ||
         is_problem(domain::intent::builtin_classifier().read(text).kind) ||
         bot::utf8::length(text) < thin_points;
}

// A suggestion names a place or asks for something ("建议 小区门口增加一个快递柜"); "意见 大家怎么看"
// is a question to the neighbours.
bool looks_like_suggestion(const bot::args& a) {
  if (looks_like_report(a)) return true;
  const std::string text = a.rest(0);
  return domain::units::find_building(text).has_value() ||
         bot::utf8::contains_any(text, {"增加", "加装", "安装", "增设", "设置", "希望", "能否", "能不能",
                                        "可否", "可以考虑", "改善", "改进", "改成", "换成", "开放", "整改"});
}

}  // namespace

std::string created_reply(const bot::context& ctx, const storage::ticket_row& t) {
  bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  const bool same_day = sla_for(ctx.svc.cfg.tickets, t.kind, t.category, t.priority).resolve_minutes == 0;
  // A complaint or a suggestion is settled, not fixed.
  std::string fix = !same_day ? ctx.text("ticket.fix_by", fmt::arg("due", tz.format(*t.resolve_due_at)))
                    : t.kind == ticket_kind::repair ? ctx.text("ticket.fix_same_day")
                                                    : ctx.text("ticket.settle_same_day");
  std::string out = ctx.text(
      created_text_id(t.kind), fmt::arg("id", t.id), fmt::arg("category", ctx.text(text_id(t.category))),
      fmt::arg("priority", ctx.text(text_id(t.priority))),
      fmt::arg("sla", bot::duration_text(ctx.svc.t, ctx.lang, *t.due_at - t.created_at)),
      fmt::arg("due", tz.format(*t.due_at)), fmt::arg("fix", fix));
  // The place as understood, so that the owner can see it is right (a group sees no room number).
  if (std::string where = shown_location(t, !ctx.in_group(), ctx.lang); !where.empty())
    out += "\n" + ctx.text("ticket.detail_location", fmt::arg("location", where));
  return out;
}

std::vector<bot::command_spec> repair_commands() {
  auto as = [](ticket_kind kind) {
    return [kind](bot::context& ctx, const bot::args& a) { return report_ticket(ctx, a, kind); };
  };
  return {
      {
          .id = "repair.report",
          .zh = {"报修", "维修"},
          .en = {"repair", "report"},
          .topic = "tickets",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = as(ticket_kind::repair),
          .bare_match = looks_like_report,
      },
      {
          .id = "ticket.complain",
          .zh = {"投诉"},
          .en = {"complain", "complaint"},
          .topic = "tickets",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = as(ticket_kind::complaint),
          .bare_match = looks_like_report,
      },
      {
          .id = "ticket.suggest",
          .zh = {"建议", "意见"},
          .en = {"suggest", "suggestion"},
          .topic = "tickets",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = as(ticket_kind::suggestion),
          .bare_match = looks_like_suggestion,
      },
  };
}

}  // namespace commands
