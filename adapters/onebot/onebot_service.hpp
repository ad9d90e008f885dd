// The OneBot v11 adapter as a running service: the HTTP POST route for events, the reverse
// WebSocket route (estatebot is the server; Universal, or API and Event connections, kept per
// account by bot::account_links), the per-account health shown in /healthz, and the API calls the
// channel makes — over a live WebSocket of the account when there is one, else over the client's
// HTTP API. It also answers
// friend requests and group invitations (see requests.hpp) and looks up the names of the groups
// it hears (see group_names.hpp), without holding up the events.
#pragma once
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "adapters/adapter.hpp"
#include "adapters/onebot/api.hpp"
#include "adapters/onebot/auth.hpp"
#include "adapters/onebot/client_status.hpp"
#include "adapters/onebot/event_parser.hpp"
#include "adapters/onebot/group_names.hpp"
#include "adapters/onebot/requests.hpp"
#include "bot/account_board.hpp"
#include "bot/account_links.hpp"
#include "bot/config.hpp"
#include "bot/ws_connection.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {
class clock;
class http_client;
}  // namespace bot

namespace adapters::onebot {

class onebot_service final {
 public:
  onebot_service(const bot::onebot_config& cfg, boost::asio::io_context& io, bot::http_client& http,
                 const bot::clock& clk, int call_timeout_ms, request_rules requests = {});
  onebot_service(const onebot_service&) = delete;
  onebot_service& operator=(const onebot_service&) = delete;

  void attach(adapter_host host);  // the POST route and the reverse WebSocket route
  nlohmann::json health() const;

  // Whether a send for this account has a way out now (a WebSocket that takes API calls, or an
  // HTTP API URL) and the account is not pausing for risk control.
  bool can_send(const std::string& self_id) const;
  // What the client answered to a send: risk control pauses the account, a success ends a pause.
  void note_send(const std::string& self_id, const api_answer& answer, bool sent);
  // `done` runs exactly once, on the event loop, never inside call().
  void call(const std::string& self_id, const api_call& c, std::function<void(api_answer)> done);

  bot::http_response on_post(const bot::http_request& req);
  bot::ws_answer on_upgrade(const bot::http_request& req);

 private:
  using link = bot::account_links::link;
  void link_changed(const std::string& self_id, const link& l, bot::account_links::change c);
  void on_frame(const link& l, const std::string& self_id, const std::string& text);
  void take(const event_result& e);
  void answer(const std::string& self_id, const request_event& r);
  void look_up_names(const std::string& self_id);
  bool has_route(const std::string& self_id) const;
  const std::string& api_url_for(const std::string& self_id) const;

  bot::onebot_config cfg_;
  boost::asio::io_context& io_;
  bot::http_client& http_;
  const bot::clock& clk_;
  int call_timeout_ms_;
  auth_rules auth_;
  event_rules rules_;
  std::unique_ptr<adapter_host> host_;
  bot::account_board board_{"risk_control"};  // its pause is QQ risk control
  client_status clients_;                     // what the clients say of themselves, fed to board_
  request_rules requests_;
  std::set<std::string, std::less<>> answered_flags_;  // a client's retry of a request is answered once
  group_names names_;
  bot::account_links links_;  // last: it goes first, closing the connections that call back into this
};

}  // namespace adapters::onebot
