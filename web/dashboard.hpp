// The web dashboard on the server's own port, under /dashboard: the login by one-time link (asked
// for in chat with 后台), the pages (web/pages.hpp) behind the session cookie, logout, and the
// stylesheet. Nothing is loaded from elsewhere: the pages work on a network without the internet.
#pragma once

namespace bot {
class http_server;
struct services;
}  // namespace bot

namespace web {

void install_dashboard(bot::http_server& server, bot::services& svc);

}  // namespace web
