// The exports page and the CSV downloads (managers): a period's tickets, a vote's ballots, a
// survey's item counts and comments. A secret vote's ballots and a survey's answers come out only
// after the deadline, as their results do in chat; a secret ballot names no room and no person.
#include <fmt/format.h>

#include <cctype>

#include <nlohmann/json.hpp>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "commands/report_period.hpp"
#include "commands/ticket_texts.hpp"
#include "domain/ticket_types.hpp"
#include "storage/export_store.hpp"
#include "storage/stores.hpp"
#include "storage/survey_store.hpp"
#include "web/csv.hpp"
#include "web/frame.hpp"
#include "web/html.hpp"
#include "web/pages.hpp"

namespace web {
namespace {

std::optional<std::int64_t> id_param(const bot::http_request& req, std::string_view name) {
  const std::string s = req.query_param(name);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}

std::string export_time(const bot::services& svc, std::optional<std::int64_t> ms) {
  return ms ? bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(*ms) : "";
}

template <class Enum>
std::string word_label(bot::services& svc, bot::locale l, const std::string& word,
                       std::optional<Enum> (*parse)(std::string_view)) {
  auto e = parse(word);
  return e ? svc.t(l, commands::text_id(*e)) : word;
}

std::string export_link(const viewer& v, std::string_view path, std::string_view query) {
  return fmt::format("/dashboard/export/{}?{}{}", path, v.query_prefix(), query);
}

}  // namespace

bot::http_response exports_page(bot::services& svc, const viewer& v, const bot::http_request&) {
  if (!v.manager()) return problem_page(svc, v, 403, "web.managers_only");
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  std::string body = fmt::format("<h2>{}</h2><ul class=\"exports\">", escape(t("web.export_tickets")));
  for (const char* word : {"本月", "上月", "今年", "去年"}) {
    auto p = commands::parse_period(word, svc.clk.now_ms(), svc.cfg.community.utc_offset_minutes);
    body += fmt::format("<li><a href=\"{}\">{}</a></li>",
                        escape(export_link(v, "tickets.csv", std::string("p=") + word)),
                        escape(commands::period_text(svc.t, l, *p)));
  }
  body += fmt::format(
      "</ul><form method=\"get\" action=\"/dashboard/export/tickets.csv\">{}<label>{} "
      "<input name=\"p\" placeholder=\"2026-11-01~2026-11-15\"></label><button>{}</button></form>",
      v.hidden_field(), escape(t("web.period")), escape(t("web.download")));
  body += fmt::format(
      "<h2>{}</h2><form method=\"get\" action=\"/dashboard/export/ballots.csv\">{}"
      "<label>{} <input name=\"vote\" size=\"6\" inputmode=\"numeric\"></label><button>{}</button></form>",
      escape(t("web.export_ballots")), v.hidden_field(), escape(t("web.vote_number")),
      escape(t("web.download")));
  body += fmt::format(
      "<h2>{}</h2><form method=\"get\" action=\"/dashboard/export/survey.csv\">{}"
      "<label>{} <input name=\"survey\" size=\"6\" inputmode=\"numeric\"></label><button>{}</button></form>",
      escape(t("web.export_survey")), v.hidden_field(), escape(t("web.survey_number")),
      escape(t("web.download")));
  return html(200, framed_page(svc, v, "web.exports", body));
}

bot::http_response tickets_csv(bot::services& svc, const viewer& v, const bot::http_request& req) {
  if (!v.manager()) return problem_page(svc, v, 403, "web.managers_only");
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  const std::string asked = req.query_param("p");
  auto p = commands::parse_period(asked.empty() ? "本月" : asked, svc.clk.now_ms(),
                                  svc.cfg.community.utc_offset_minutes);
  if (!p) return problem_page(svc, v, 400, "web.bad_period");
  csv_table out;
  out.row({t("web.number"), t("web.created_at"), t("web.kind"), t("web.category"), t("web.priority"),
           t("web.state"), t("web.building"), t("web.place"), t("web.description"), t("web.reporter"),
           t("web.assignee"), t("web.first_response"), t("web.resolved_at"), t("web.closed_at"),
           t("web.rating"), t("web.rating_comment")});
  storage::export_store rows(svc.db.database);
  rows.tickets({v.community_id, p->from, p->to}, [&](const storage::ticket_export& r) {
    out.row({std::to_string(r.id), export_time(svc, r.created_at),
             word_label(svc, l, r.kind, &domain::parse_ticket_kind),
             word_label(svc, l, r.category, &domain::parse_ticket_category),
             word_label(svc, l, r.priority, &domain::parse_ticket_priority),
             word_label(svc, l, r.state, &domain::parse_ticket_state), r.building, r.location, r.description,
             r.anonymous ? t("ticket.anonymous") : r.reporter, r.assignee,
             export_time(svc, r.first_response_at), export_time(svc, r.resolved_at),
             export_time(svc, r.closed_at), r.rating ? std::to_string(*r.rating) : "", r.rating_comment});
  });
  // "tickets-2026-11.csv" for a typed month; a named period by the local date it starts on.
  const std::string label =
      p->label.empty()
          ? bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(p->from).substr(0, 10)
          : p->label;
  std::string file = "tickets-";
  for (char ch : label) file += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '-') ? ch : '_';
  return csv_download(file + ".csv", out.text());
}

bot::http_response ballots_csv(bot::services& svc, const viewer& v, const bot::http_request& req) {
  if (!v.manager()) return problem_page(svc, v, 403, "web.managers_only");
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  storage::export_store rows(svc.db.database);
  const auto id = id_param(req, "vote");
  const auto vote = id ? rows.vote(*id) : std::nullopt;
  if (!vote || vote->community_id != v.community_id) return problem_page(svc, v, 404, "web.no_vote");
  if (vote->secret && vote->ends_at > svc.clk.now_ms())
    return problem_page(svc, v, 403, "web.secret_vote_open");
  std::vector<std::string> options;
  try {
    for (const auto& o : nlohmann::json::parse(vote->options)) options.push_back(o.get<std::string>());
  } catch (const nlohmann::json::exception&) {
  }
  const auto choice_text = [&](const std::string& choices) {
    std::string out;
    std::size_t at = 0;
    while (at <= choices.size()) {
      const std::size_t end = std::min(choices.find(',', at), choices.size());
      const std::string index = choices.substr(at, end - at);
      const bool number =
          !index.empty() && index.size() <= 4 && index.find_first_not_of("0123456789") == std::string::npos;
      const std::size_t i = number ? std::stoul(index) : options.size();
      out += (out.empty() ? "" : "、") + (i < options.size() ? options[i] : index);
      at = end + 1;
    }
    return out;
  };
  csv_table out;
  if (vote->secret)
    out.row({t("web.choice")});
  else
    out.row({t("web.building"), t("web.unit"), t("web.room"), t("web.choice"), t("web.cast_by"),
             t("web.cast_at")});
  rows.ballots(*id, vote->secret, [&](const storage::ballot_export& b) {
    if (vote->secret)
      out.row({choice_text(b.choices)});
    else
      out.row({b.building, b.unit, b.room, choice_text(b.choices), b.cast_by, export_time(svc, b.cast_at)});
  });
  return csv_download(fmt::format("vote-{}-ballots.csv", *id), out.text());
}

bot::http_response survey_csv(bot::services& svc, const viewer& v, const bot::http_request& req) {
  if (!v.manager()) return problem_page(svc, v, 403, "web.managers_only");
  const auto l = v.lang;
  const auto t = [&](std::string_view id) { return svc.t(l, id); };
  storage::survey_store surveys(svc.db.database);
  const auto id = id_param(req, "survey");
  const auto survey = id ? surveys.get(*id) : std::nullopt;
  if (!survey || survey->community_id != v.community_id) return problem_page(svc, v, 404, "web.no_survey");
  if (survey->deadline > svc.clk.now_ms()) return problem_page(svc, v, 403, "web.survey_open");
  csv_table out;
  out.row({t("web.item"), "1", "2", "3", "4", "5", t("web.skipped"), t("web.average")});
  for (const auto& item : surveys.items(*id)) {
    std::int64_t n = 0, sum = 0;
    for (std::size_t s = 0; s < item.scores.size(); ++s) {
      n += item.scores[s];
      sum += std::int64_t{item.scores[s]} * static_cast<std::int64_t>(s + 1);
    }
    std::vector<std::string> row{l == bot::locale::en_US ? item.name_en : item.name_zh};
    for (auto c : item.scores) row.push_back(std::to_string(c));
    row.push_back(std::to_string(item.skipped));
    row.push_back(n > 0 ? fmt::format("{:.2f}", static_cast<double>(sum) / n) : "");
    out.row(row);
  }
  out.row({});
  out.row({t("web.comments")});
  for (const auto& c : surveys.comments(*id)) out.row({c});
  return csv_download(fmt::format("survey-{}.csv", *id), out.text());
}

}  // namespace web
