// The dashboard's pages, each a function of the viewer and the request: the overview with its
// charts (managers), the ticket list and a ticket with its timeline (staff see their own), the
// exports page and the CSV downloads (managers). They read; only the login and logout write.
#pragma once
#include "bot/http_types.hpp"
#include "bot/services.hpp"
#include "web/viewer.hpp"

namespace web {

bot::http_response overview_page(bot::services& svc, const viewer& v, const bot::http_request& req);
bot::http_response ticket_list_page(bot::services& svc, const viewer& v, const bot::http_request& req);
bot::http_response ticket_page(bot::services& svc, const viewer& v, const bot::http_request& req);
bot::http_response exports_page(bot::services& svc, const viewer& v, const bot::http_request& req);
bot::http_response tickets_csv(bot::services& svc, const viewer& v, const bot::http_request& req);
bot::http_response ballots_csv(bot::services& svc, const viewer& v, const bot::http_request& req);
bot::http_response survey_csv(bot::services& svc, const viewer& v, const bot::http_request& req);

// A page saying what went wrong, in the viewer's frame.
bot::http_response problem_page(bot::services& svc, const viewer& v, int status, std::string_view text_id);

}  // namespace web
