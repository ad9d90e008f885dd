// The access token a client presents on an HTTP request or a WebSocket upgrade, the way bot
// protocols put it (OneBot v11 and 12, most bridges): `Authorization: Bearer <t>`, `Token <t>`
// (go-cqhttp), a bare `Authorization: <t>`, or the `?access_token=<t>` query.
#pragma once
#include <optional>
#include <string>

#include "bot/http_types.hpp"

namespace bot {

// nullopt when the request carries neither the header nor the query parameter.
std::optional<std::string> presented_token(const http_request& req);

}  // namespace bot
