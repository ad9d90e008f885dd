#include "commands/ticket_view.hpp"

#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "commands/unit_address.hpp"

namespace commands {
namespace {

bot::local_time_zone zone(const bot::context& ctx) { return {ctx.svc.cfg.community.utc_offset_minutes}; }

}  // namespace

std::string shown_location(const storage::ticket_row& t, bool full_location) {
  if (t.location.empty()) return {};
  if (full_location) return t.location;
  if (auto a = parse_unit_address(t.location)) return a->masked();
  return {};
}

std::string category_label(const bot::context& ctx, const std::string& category, const std::string& priority) {
  return ctx.text("ticket.category_priority", fmt::arg("category", ctx.text("category." + category)),
                  fmt::arg("priority", ctx.text("priority." + priority)));
}

std::string ticket_line(const bot::context& ctx, const storage::ticket_row& t) {
  return ctx.text("ticket.line", fmt::arg("id", t.id), fmt::arg("kind", ctx.text("ticket.kind." + t.kind)),
                  fmt::arg("category", ctx.text("category." + t.category)),
                  fmt::arg("state", ctx.text("ticket.state." + t.state)),
                  fmt::arg("created", zone(ctx).format(t.created_at)));
}

std::string ticket_detail(const bot::context& ctx, const storage::ticket_row& t,
                          const std::vector<storage::ticket_event_row>& events, bool full_location) {
  auto tz = zone(ctx);
  std::string out = ctx.text("ticket.detail_head", fmt::arg("id", t.id), fmt::arg("kind", ctx.text("ticket.kind." + t.kind)),
                             fmt::arg("category", category_label(ctx, t.category, t.priority)),
                             fmt::arg("state", ctx.text("ticket.state." + t.state)));
  if (std::string where = shown_location(t, full_location); !where.empty())
    out += "\n" + ctx.text("ticket.detail_location", fmt::arg("location", where));
  out += "\n" + ctx.text("ticket.detail_description", fmt::arg("description", t.description));
  out += "\n" + ctx.text("ticket.detail_times", fmt::arg("created", tz.format(t.created_at)),
                         fmt::arg("due", t.due_at ? tz.format(*t.due_at) : std::string("-")));
  out += "\n" + ctx.text("ticket.detail_history");
  for (const auto& e : events) {
    std::string who = e.actor_name.empty() ? ctx.text("ticket.someone") : e.actor_name;
    out += "\n" + ctx.text("ticket.event_line", fmt::arg("at", tz.format(e.at)), fmt::arg("who", who),
                           fmt::arg("action", ctx.text("ticket.action." + e.action)),
                           fmt::arg("note", e.note.empty() ? std::string() : ctx.text("ticket.event_note", fmt::arg("note", e.note))));
  }
  return out;
}

}  // namespace commands
