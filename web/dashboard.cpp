#include "web/dashboard.hpp"

#include <fmt/format.h>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/crypto.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"
#include "bot/off_loop.hpp"
#include "storage/dashboard_store.hpp"
#include "storage/database.hpp"
#include "storage/stores.hpp"
#include "web/html.hpp"
#include "web/pages.hpp"
#include "web/style.hpp"
#include "web/viewer.hpp"

namespace web {
namespace {

constexpr std::size_t session_secret_bytes = 32;

// The value of `name` in an application/x-www-form-urlencoded body.
std::string form_value(const std::string& body, std::string_view name) {
  bot::http_request as_query;
  as_query.query = body;
  return as_query.query_param(name);
}

bool https_url(const bot::services& svc) {
  return svc.cfg.dashboard.public_url.starts_with("https://");
}

std::string session_cookie_header(const bot::services& svc, const std::string& value, int max_age_seconds) {
  return fmt::format("{}={}; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age={}{}", session_cookie, value,
                     max_age_seconds, https_url(svc) ? "; Secure" : "");
}

// A browser says where a form was posted from: only this site may log someone in or out (else any
// page could log a manager into a staff member's session, or out of their own).
bool posted_here(const bot::http_request& req) {
  const std::string site = req.header("sec-fetch-site");
  if (!site.empty()) return site == "same-origin";
  const std::string origin = req.header("origin");
  if (origin.empty()) return true;  // not a browser's cross-site form: those send Origin
  const std::string host = req.header("host");
  return origin == "http://" + host || origin == "https://" + host;
}

// Clears the cookie only where there was one: a request that came without it (a cross-site link,
// which a SameSite=Strict cookie does not follow) must not wipe a session that still works.
bot::header_list clear_cookie(const bot::services& svc, const bot::http_request& req) {
  if (cookie(req, session_cookie).empty()) return {};
  return {{"Set-Cookie", session_cookie_header(svc, "", 0)}};
}

bot::locale login_lang(const bot::http_request& req) {
  return req.header("accept-language").starts_with("en") ? bot::locale::en_US : bot::locale::zh_CN;
}

std::string bare_page(bot::services& svc, bot::locale l, std::string_view title_id, const std::string& body) {
  return document(bot::locale_tag(l), svc.t(l, title_id),
                  "<nav><strong>" + escape(svc.t(l, "web.brand")) + "</strong></nav>",
                  "<h1>" + escape(svc.t(l, title_id)) + "</h1>\n" + body);
}

// GET: the link opened. It is not used up here — chat apps fetch links to preview them — but by
// the button, which only a person's browser presses.
bot::http_response login_form(bot::services& svc, const bot::http_request& req) {
  const auto l = login_lang(req);
  const std::string secret = req.query_param("t");
  if (secret.size() != 64 || !bot::crypto::from_hex(secret))
    return html(400, bare_page(svc, l, "web.login",
                               "<p class=\"error\">" + escape(svc.t(l, "web.link_bad")) + "</p>"));
  return html(200, bare_page(svc, l, "web.login",
                             fmt::format("<form method=\"post\" action=\"/dashboard/login\">"
                                         "<input type=\"hidden\" name=\"t\" value=\"{}\"><p>{}</p>"
                                         "<button class=\"primary\">{}</button></form>",
                                         escape(secret), escape(svc.t(l, "web.login_explain")),
                                         escape(svc.t(l, "web.login_button")))));
}

bot::http_response cross_site(bot::services& svc, const bot::http_request& req) {
  const auto l = login_lang(req);
  return html(403, bare_page(svc, l, "web.login",
                             "<p class=\"error\">" + escape(svc.t(l, "web.cross_site")) + "</p>"));
}

bot::http_response login(bot::services& svc, const bot::http_request& req) {
  const auto l = login_lang(req);
  if (!posted_here(req)) return cross_site(svc, req);
  const std::string secret = form_value(req.body, "t");
  const auto refused = [&] {
    return html(403, bare_page(svc, l, "web.login",
                               "<p class=\"error\">" + escape(svc.t(l, "web.link_used")) + "</p>"));
  };
  if (!svc.cfg.dashboard.enabled || secret.size() != 64 || !bot::crypto::from_hex(secret)) return refused();
  const std::int64_t now = svc.clk.now_ms();
  const std::string session = bot::crypto::to_hex(bot::crypto::random_bytes(session_secret_bytes));
  storage::transaction tx(svc.db.database);
  storage::dashboard_store logins(svc.db.database);
  const auto& cfg = svc.cfg.dashboard;
  logins.forget_stale(now, now - std::int64_t{cfg.idle_minutes} * 60'000,
                      now - std::int64_t{cfg.session_hours} * 3'600'000);
  const auto who = logins.take_link(bot::crypto::sha256_hex(secret), now);
  if (!who) {
    tx.commit();  // the link is used up even when it came too late
    return refused();
  }
  logins.open_session(bot::crypto::sha256_hex(session), *who, now);
  tx.commit();
  bot::log::info("dashboard", "member {} logged in to community {}", who->member_id, who->community_id);
  return see_other("/dashboard",
                   {{"Set-Cookie", session_cookie_header(svc, session, cfg.session_hours * 3600)}});
}

bot::http_response logout(bot::services& svc, const bot::http_request& req) {
  if (!posted_here(req)) return cross_site(svc, req);
  auto l = login_lang(req);
  if (auto v = find_viewer(svc, req)) {
    storage::dashboard_store logins(svc.db.database);
    logins.end_session(v->session_hash);
    l = v->lang;
  }
  return html(
      200, bare_page(svc, l, "web.logged_out", "<p>" + escape(svc.t(l, "web.logged_out_explain")) + "</p>"),
      clear_cookie(svc, req));
}

using page_fn = bot::http_response (*)(bot::services&, const viewer&, const bot::http_request&);

// A page behind the session: without one, the way back in (ask in chat again).
bot::http_response need_login(bot::services& svc, const bot::http_request& req) {
  const auto l = login_lang(req);
  return html(401, bare_page(svc, l, "web.login", "<p>" + escape(svc.t(l, "web.need_login")) + "</p>"),
              clear_cookie(svc, req));
}

bot::http_server::handler behind_session(bot::services& svc, page_fn page) {
  return [&svc, page](const bot::http_request& req) {
    auto v = find_viewer(svc, req);
    return v ? page(svc, *v, req) : need_login(svc, req);
  };
}

// Pages that read a period's tickets (the overview's statistics, the ticket list, the exports: tens
// of milliseconds to seconds over a year of a large community) are built off the event loop when
// the service has a reader thread (bot/off_loop.hpp); the session is checked on the loop first.
bot::http_server::async_handler off_loop_page(bot::services& svc, page_fn page) {
  return [&svc, page](const bot::http_request& req, std::function<void(bot::http_response)> respond) {
    auto v = find_viewer(svc, req);
    if (!v || !svc.reports) {
      respond(v ? page(svc, *v, req) : need_login(svc, req));
      return;
    }
    auto built = std::make_shared<bot::http_response>();
    svc.reports->run(
        svc.clk.now_ms(), [built, page, v = *v, req](bot::services& s) { *built = page(s, v, req); },
        [&svc, built, l = v->lang, respond = std::move(respond)](bool ok) {
          respond(ok ? std::move(*built)
                     : html(500, bare_page(svc, l, "web.brand",
                                           "<p>" + escape(svc.t(l, "common.read_failed")) + "</p>")));
        });
  };
}

}  // namespace

void install_dashboard(bot::http_server& server, bot::services& svc) {
  if (!svc.cfg.dashboard.enabled) return;
  server.route("GET", "/dashboard/style.css", [](const bot::http_request&) {
    return bot::http_response{200,
                              "text/css; charset=utf-8",
                              std::string(dashboard_css),
                              {{"Cache-Control", "max-age=3600"}, {"X-Content-Type-Options", "nosniff"}}};
  });
  server.route("GET", "/dashboard/login",
               [&svc](const bot::http_request& req) { return login_form(svc, req); });
  server.route("POST", "/dashboard/login", [&svc](const bot::http_request& req) { return login(svc, req); });
  server.route("POST", "/dashboard/logout",
               [&svc](const bot::http_request& req) { return logout(svc, req); });
  server.route_async("GET", "/dashboard", off_loop_page(svc, overview_page));
  server.route_async("GET", "/dashboard/tickets", off_loop_page(svc, ticket_list_page));
  server.route("GET", "/dashboard/ticket", behind_session(svc, ticket_page));
  server.route("GET", "/dashboard/exports", behind_session(svc, exports_page));
  server.route_async("GET", "/dashboard/export/tickets.csv", off_loop_page(svc, tickets_csv));
  server.route_async("GET", "/dashboard/export/ballots.csv", off_loop_page(svc, ballots_csv));
  server.route_async("GET", "/dashboard/export/survey.csv", off_loop_page(svc, survey_csv));
}

}  // namespace web
