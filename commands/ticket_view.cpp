#include "commands/ticket_view.hpp"

#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_texts.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::privacy::redact_for_group;
using domain::units::parse_unit_address;
using domain::units::unit_address;

namespace {

bot::local_time_zone zone(const bot::context& ctx) {
  return {ctx.svc.cfg.community.utc_offset_minutes};
}

// Who did it, for the history: a person, the system (timers), or the reporter.
std::string event_actor(const bot::context& ctx, const storage::ticket_row& t,
                        const storage::ticket_event_row& e) {
  if (!e.actor_name.empty()) return e.actor_name;  // the caller masks it for groups
  if (e.action == "created") return ctx.text(t.anonymous ? "ticket.anonymous" : "ticket.someone");
  return ctx.text("ticket.system");
}

// A history row's action as the texts name it; a word from a newer version shows as it is.
std::string event_name(const bot::context& ctx, const std::string& action) {
  auto id = event_text_id(action);
  return id ? ctx.text(*id) : action;
}

bool staff_internal(std::string_view action) {
  return action == "give_back" || action == "transfer" || action == "visit";
}

}  // namespace

std::string shown_location(const storage::ticket_row& t, bool full_location, bot::locale l) {
  if (t.location.empty()) return t.building ? unit_address{*t.building, "", ""}.masked(l) : std::string();
  if (full_location) return t.location;
  if (auto a = parse_unit_address(t.location)) return a->masked(l);
  // A common place the words named ("地下车库B区", "13楼电梯口"), masked like any owner's words:
  // "3栋13楼" is nearly a home, and a group sees "3栋".
  return domain::privacy::redact_for_group(t.location, l);
}

std::string category_label(const bot::context& ctx, domain::ticket_category category,
                           domain::ticket_priority priority) {
  return ctx.text("ticket.category_priority", fmt::arg("category", ctx.text(text_id(category))),
                  fmt::arg("priority", ctx.text(text_id(priority))));
}

std::optional<std::int64_t> next_due(const storage::ticket_row& t) {
  if (!domain::is_open(t.state)) return std::nullopt;
  return t.first_response_at ? t.resolve_due_at : t.due_at;
}

std::string ticket_line(const bot::context& ctx, const storage::ticket_row& t) {
  return ctx.text("ticket.line", fmt::arg("id", t.id), fmt::arg("kind", ctx.text(text_id(t.kind))),
                  fmt::arg("category", ctx.text(text_id(t.category))),
                  fmt::arg("state", ctx.text(text_id(t.state))),
                  fmt::arg("created", zone(ctx).format(t.created_at)));
}

bool staff_view_goes_private(const bot::context& ctx) {
  return ctx.in_group() && ctx.chat.purpose == "owners";
}

void reply_staff_view(bot::context& ctx, const std::string& text) {
  if (!staff_view_goes_private(ctx)) {
    ctx.reply(text);
    return;
  }
  ctx.reply_private(text);
  ctx.reply(ctx.text("ticket.sent_privately"));
}

std::string ticket_work_line(const bot::context& ctx, const storage::ticket_row& t, bool full_location) {
  std::string where = shown_location(t, full_location, ctx.lang);
  auto due = next_due(t);
  std::string due_text;
  if (due)
    due_text = ctx.text(*due < ctx.now() ? "ticket.work_overdue" : "ticket.work_due",
                        fmt::arg("due", zone(ctx).format(*due)));
  return ctx.text(
      "ticket.work_line", fmt::arg("id", t.id), fmt::arg("kind", ctx.text(text_id(t.kind))),
      fmt::arg("category", category_label(ctx, t.category, t.priority)),
      fmt::arg("where", where.empty() ? ctx.text("ticket.no_location") : where),
      fmt::arg("state", ctx.text(text_id(t.state))),
      fmt::arg("staff", full_location ? member_name(ctx.svc, ctx.lang, t.assignee_id)
                                      : redact_for_group(member_name(ctx.svc, ctx.lang, t.assignee_id),
                                                         ctx.lang, ctx.svc.cfg)),
      fmt::arg("due", due_text),
      fmt::arg("description",
               bot::utf8::truncate(redact_for_group(t.description, ctx.lang, ctx.svc.cfg), 30)));
}

std::string ticket_detail(const bot::context& ctx, const storage::ticket_row& t,
                          const std::vector<storage::ticket_event_row>& events, bool full_location,
                          bool staff_view) {
  auto tz = zone(ctx);
  std::string out =
      ctx.text("ticket.detail_head", fmt::arg("id", t.id), fmt::arg("kind", ctx.text(text_id(t.kind))),
               fmt::arg("category", category_label(ctx, t.category, t.priority)),
               fmt::arg("state", ctx.text(text_id(t.state))));
  if (std::string where = shown_location(t, full_location, ctx.lang); !where.empty())
    out += "\n" + ctx.text("ticket.detail_location", fmt::arg("location", where));
  // Display names are chosen by their owners, and some put their flat and phone in them.
  auto shown = [&](const std::string& text) {
    return full_location ? text : redact_for_group(text, ctx.lang, ctx.svc.cfg);
  };
  std::string description = shown(t.description);
  out += "\n" + ctx.text("ticket.detail_description", fmt::arg("description", description));
  if (t.anonymous) out += "\n" + ctx.text("ticket.detail_anonymous");
  if (t.assignee_id)
    out += "\n" + ctx.text("ticket.detail_assignee",
                           fmt::arg("staff", shown(member_name(ctx.svc, ctx.lang, t.assignee_id))));
  out += "\n" + ctx.text("ticket.detail_times", fmt::arg("created", tz.format(t.created_at)),
                         fmt::arg("due", t.due_at ? tz.format(*t.due_at) : std::string("-")),
                         fmt::arg("resolve_due",
                                  t.resolve_due_at ? tz.format(*t.resolve_due_at) : std::string("-")));
  if (t.rating) {
    std::string comment = shown(t.rating_comment);
    out += "\n" + ctx.text("ticket.detail_rating", fmt::arg("score", *t.rating),
                           fmt::arg("comment", comment.empty() ? std::string()
                                                               : ctx.text("ticket.event_note",
                                                                          fmt::arg("note", comment))));
  }
  if (t.visit_result && staff_view)
    out +=
        "\n" + ctx.text("ticket.detail_visit", fmt::arg("result", ctx.text(visit_text_id(*t.visit_result))));
  auto images = ctx.db().tickets.images(t.id);
  if (!images.empty() && staff_view)
    out += "\n" + ctx.text("ticket.detail_images", fmt::arg("n", images.size()));
  out += "\n" + ctx.text("ticket.detail_history");
  for (const auto& e : events) {
    std::string note = e.note;
    if (!staff_view && staff_internal(e.action)) note.clear();
    note = shown(note);
    out += "\n" +
           ctx.text("ticket.event_line", fmt::arg("at", tz.format(e.at)),
                    fmt::arg("who", shown(event_actor(ctx, t, e))),
                    fmt::arg("action", event_name(ctx, e.action)),
                    fmt::arg("note", note.empty() ? std::string()
                                                  : ctx.text("ticket.event_note", fmt::arg("note", note))));
  }
  return out;
}

std::string member_name(const bot::services& svc, bot::locale l, std::optional<std::int64_t> member_id) {
  if (member_id)
    if (auto m = svc.db.members.get(*member_id); m && !m->display_name.empty()) return m->display_name;
  return svc.t(l, "ticket.nobody");
}

}  // namespace commands
