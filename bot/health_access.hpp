// Who may read /healthz in full. The details (database path, account numbers, queue sizes) help
// whoever runs the service and an attacker alike: they go to peers on this machine (loopback) and
// to requests with `Authorization: Bearer <[server] health_token>`; everyone else (a request a
// proxy forwarded from loopback included) learns only the status and the version.
#pragma once
#include <string>
#include <string_view>

#include "bot/http_types.hpp"

namespace bot {

// `remote` as http_request::remote has it: "127.0.0.1:5000", "::1:5000", "::ffff:127.0.0.1:5000".
bool is_loopback_peer(std::string_view remote);

// `token`: [server] health_token; empty means no token opens the details.
bool sees_health_details(const http_request& req, const std::string& token);

}  // namespace bot
