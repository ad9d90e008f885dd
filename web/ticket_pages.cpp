// The ticket list (filters by state, kind, category and building; staff see the tickets they
// hold) and one ticket with its whole timeline. A ticket of another community, or (for staff) not
// theirs, is "not found" rather than "forbidden": the page does not confirm it exists.
#include <fmt/format.h>

#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "commands/ticket_texts.hpp"
#include "commands/ticket_view.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"
#include "web/frame.hpp"
#include "web/html.hpp"
#include "web/pages.hpp"

namespace web {
namespace {

constexpr int ticket_list_limit = 200;

std::string option_list(bot::services& svc, bot::locale l, std::string_view chosen, std::string_view any_id,
                        const std::vector<std::pair<std::string, std::string>>& values) {
  std::string out = fmt::format("<option value=\"\">{}</option>", escape(svc.t(l, any_id)));
  for (const auto& [value, label] : values)
    out += fmt::format("<option value=\"{}\"{}>{}</option>", escape(value),
                       value == chosen ? " selected" : "", escape(label));
  return out;
}

std::string when(const bot::services& svc, std::optional<std::int64_t> ms) {
  return ms ? bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(*ms) : "";
}

}  // namespace

bot::http_response ticket_list_page(bot::services& svc, const viewer& v, const bot::http_request& req) {
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  storage::ticket_filter f;
  f.community_id = v.community_id;
  f.limit = ticket_list_limit;
  const std::string state = req.query_param("state"), kind = req.query_param("kind"),
                    category = req.query_param("category"), building = req.query_param("building");
  if (state.empty() || state == "open")
    f.states.assign(domain::open_ticket_states.begin(), domain::open_ticket_states.end());
  else if (auto s = domain::parse_ticket_state(state))
    f.states = {*s};
  f.kind = domain::parse_ticket_kind(kind);
  f.category = domain::parse_ticket_category(category);
  if (!building.empty()) f.building = building;
  if (!v.manager()) f.assignee_id = v.member_id;

  std::vector<std::pair<std::string, std::string>> states{{"open", t("web.state_open")},
                                                          {"all", t("web.state_all")}};
  for (auto s : domain::all_ticket_states)
    states.emplace_back(std::string(domain::to_text(s)), t(commands::text_id(s)));
  std::vector<std::pair<std::string, std::string>> kinds, categories;
  for (auto k : domain::all_ticket_kinds)
    kinds.emplace_back(std::string(domain::to_text(k)), t(commands::text_id(k)));
  for (auto c : domain::all_ticket_categories)
    categories.emplace_back(std::string(domain::to_text(c)), t(commands::text_id(c)));

  std::string body = fmt::format(
      "<form class=\"filters\" method=\"get\" action=\"/dashboard/tickets\">{}"
      "<select name=\"state\" aria-label=\"{}\">{}</select><select name=\"kind\" "
      "aria-label=\"{}\">{}</select>"
      "<select name=\"category\" aria-label=\"{}\">{}</select>"
      "<input name=\"building\" value=\"{}\" placeholder=\"{}\" size=\"6\"><button>{}</button></form>\n",
      v.hidden_field(), escape(t("web.state")),
      option_list(svc, l, state.empty() ? "open" : state, "web.state_open",
                  {states.begin() + 1, states.end()}),
      escape(t("web.kind")), option_list(svc, l, kind, "web.any", kinds), escape(t("web.category")),
      option_list(svc, l, category, "web.any", categories), escape(building), escape(t("web.building")),
      escape(t("web.show")));

  const auto rows = svc.db.tickets.list(f);
  const std::int64_t total = svc.db.tickets.count(f);
  body +=
      fmt::format("<p class=\"count\">{}</p>",
                  escape(svc.t(l, "web.ticket_count", fmt::arg("n", total), fmt::arg("shown", rows.size()))));
  body += fmt::format(
      "<table class=\"list tickets\"><tr><th>#</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th></tr>",
      escape(t("web.created_at")), escape(t("web.kind")), escape(t("web.category")), escape(t("web.state")),
      escape(t("web.place")), escape(t("web.description")), escape(t("web.assignee")));
  for (const auto& r : rows)
    body += fmt::format(
        "<tr><td><a "
        "href=\"/dashboard/ticket?{}id={}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td><td class=\"text\">{}</td><td>{}</td></tr>",
        v.query_prefix(), r.id, r.id, escape(when(svc, r.created_at)), escape(t(commands::text_id(r.kind))),
        escape(t(commands::text_id(r.category))), escape(t(commands::text_id(r.state))),
        escape(commands::shown_location(r, true, l)), escape(r.description),
        escape(r.assignee_id ? commands::member_name(svc, l, r.assignee_id) : ""));
  body += "</table>\n";
  return html(200, framed_page(svc, v, v.manager() ? "web.tickets" : "web.my_tickets", body));
}

bot::http_response ticket_page(bot::services& svc, const viewer& v, const bot::http_request& req) {
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  const std::string id_text = req.query_param("id");
  std::optional<storage::ticket_row> r;
  if (!id_text.empty() && id_text.size() < 19 && id_text.find_first_not_of("0123456789") == std::string::npos)
    r = svc.db.tickets.get(std::stoll(id_text));
  if (!r || r->community_id != v.community_id || (!v.manager() && r->assignee_id != v.member_id))
    return problem_page(svc, v, 404, "web.no_ticket");

  const std::string reporter =
      r->anonymous || !r->reporter_id ? t("ticket.anonymous") : commands::member_name(svc, l, r->reporter_id);
  std::string body = "<table class=\"ticket\">";
  const auto row = [&](std::string_view name_id, const std::string& value) {
    body += fmt::format("<tr><th>{}</th><td>{}</td></tr>", escape(t(name_id)), escape(value));
  };
  row("web.number", "#" + std::to_string(r->id));
  row("web.kind", t(commands::text_id(r->kind)));
  row("web.category", t(commands::text_id(r->category)) + " · " + t(commands::text_id(r->priority)));
  row("web.state", t(commands::text_id(r->state)));
  row("web.place", commands::shown_location(*r, true, l));
  row("web.description", r->description);
  row("web.reporter", reporter);
  row("web.assignee", commands::member_name(svc, l, r->assignee_id));
  row("web.created_at", when(svc, r->created_at));
  row("web.response_due", when(svc, r->due_at));
  row("web.first_response", when(svc, r->first_response_at));
  row("web.fix_due", when(svc, r->resolve_due_at));
  row("web.resolved_at", when(svc, r->resolved_at));
  if (r->rating)
    row("web.rating", std::string(static_cast<std::size_t>(*r->rating), '*') + " " + r->rating_comment);
  body += "</table>\n<h2>" + escape(t("web.timeline")) + "</h2><ol class=\"timeline\">";
  for (const auto& e : svc.db.tickets.events(r->id)) {
    const auto what = commands::event_text_id(e.action);
    const std::string actor = !e.actor_name.empty()   ? e.actor_name
                              : e.action == "created" ? reporter
                                                      : t("ticket.system");
    body += fmt::format("<li><time>{}</time> <b>{}</b> {}{}</li>", escape(when(svc, e.at)), escape(actor),
                        escape(what ? t(*what) : e.action),
                        e.note.empty() ? "" : "<q>" + escape(e.note) + "</q>");
  }
  body += "</ol>\n";
  return html(200, framed_page(svc, v, "web.ticket", body));
}

bot::http_response problem_page(bot::services& svc, const viewer& v, int status, std::string_view text_id) {
  return html(status, framed_page(svc, v, "web.problem",
                                  "<p class=\"error\">" + escape(svc.t(v.lang, text_id)) + "</p>"));
}

}  // namespace web
