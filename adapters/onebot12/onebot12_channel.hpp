// The OneBot 12 adapter (platform key "onebot12"): WeChat groups and chats through a OneBot 12
// implementation (ComWeChatBotClient on a PC running WeChat; Walle-based and other bridges).
// Inbound: events by HTTP Webhook (POST <path>) or over a reverse WebSocket (<ws_path>, where
// estatebot is the server), each checked against the access token; a connection learns the bot
// accounts it carries from get_status after its `connect` event, from status_update, and from the
// `self` of its events (bot::account_links). Outbound: send_message, delete_message for recalls and
// get_group_info for names, over the account's newest WebSocket or the implementation's HTTP
// endpoint. Segments an implementation refuses (a `reply` on ComWeChat) are left out of that
// account's messages from then on. An answer that says "slow down" (34xxx, 36xxx) pauses the
// account (bot::account_board). Per-account health is shown in /healthz.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "adapters/adapter.hpp"
#include "adapters/onebot12/actions.hpp"
#include "adapters/onebot12/event.hpp"
#include "adapters/onebot12/segments.hpp"
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

namespace adapters::onebot12 {

class onebot12_channel final : public adapter {
 public:
  static constexpr std::size_t max_learned_accounts = 64;

  onebot12_channel(const bot::onebot12_config& cfg, boost::asio::io_context& io, bot::http_client& http,
                   const bot::clock& clk, int call_timeout_ms);
  onebot12_channel(const onebot12_channel&) = delete;
  onebot12_channel& operator=(const onebot12_channel&) = delete;

  std::string_view platform() const override { return onebot12::platform; }
  bool ready(const bot::chat_ref& chat) const override;
  bool can_recall() const override { return true; }
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override;
  nlohmann::json health() const override;

  bot::http_response on_post(const bot::http_request& req);
  bot::ws_answer on_upgrade(const bot::http_request& req);

 private:
  using link = bot::account_links::link;
  void link_changed(const std::string& account, const link& l, bot::account_links::change c);
  void on_frame(const link& l, const std::string& text);
  // The event's account is one estatebot serves (self_ids, or any when that is empty).
  bool serves(const std::string& account) const;
  void take(const event_result& e, const link* via);
  void learn_bots(const std::vector<bot_state>& bots, const link* via, std::string_view impl);
  // Another account to serve: with self_ids empty, the first ones an implementation names (up to
  // max_learned_accounts), which then also count as the bot's own (their messages are not commands).
  bool admit(const std::string& account);
  void name_group(const bot::chat_ref& chat);
  bool has_route(const std::string& account) const;
  // `done` runs exactly once, on the event loop, never inside call().
  void call(const action& act, std::function<void(answer)> done);
  void send_with(const bot::delivery& d, const render_options& opt,
                 std::function<void(bot::send_result)> done);

  bot::onebot12_config cfg_;
  boost::asio::io_context& io_;
  bot::http_client& http_;
  const bot::clock& clk_;
  int call_timeout_ms_;
  event_rules rules_;
  std::unique_ptr<adapter_host> host_;
  bot::account_board board_{"slow_down"};
  std::set<std::string, std::less<>> webhook_accounts_;         // accounts heard over HTTP Webhook
  std::map<std::string, render_options, std::less<>> options_;  // by account: its implementation's ways
  std::set<std::string, std::less<>> named_;                    // chats whose name was asked for
  bot::account_links links_;  // last: it goes first, closing the connections that call back into this
};

}  // namespace adapters::onebot12
