// The other side of the wire for OneBot loopback tests and the benchmark: a reverse-WebSocket
// client such as NapCat or go-cqhttp opens to estatebot (Beast, on the same io_context), and an
// HTTP API sink that records calls and answers with the retcodes a test chooses. Both answer
// get_group_info by themselves, as a client does from its cache (a name from `group_names`, else
// a failure), and keep those lookups apart from the calls a test answers.
#pragma once
#include <utility>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bot/clock.hpp"
#include "bot/http_server.hpp"

namespace testing {

class fake_ws_client : public std::enable_shared_from_this<fake_ws_client> {
 public:
  using headers = std::vector<std::pair<std::string, std::string>>;

  explicit fake_ws_client(boost::asio::io_context& io) : io_(io), ws_(io) {}

  void connect(std::uint16_t port, std::string target, headers h) {
    boost::asio::co_spawn(io_, run(shared_from_this(), port, std::move(target), std::move(h)),
                          boost::asio::detached);
  }

  void send(const nlohmann::json& frame) { send_text(frame.dump()); }
  void send_text(std::string text) {
    out_.push_back(std::move(text));
    if (writing_) return;
    writing_ = true;
    boost::asio::co_spawn(io_, write(shared_from_this()), boost::asio::detached);
  }

  // Answers one API call frame as NapCat does.
  void answer(const nlohmann::json& call, int retcode, const nlohmann::json& message_id = nullptr) {
    nlohmann::json a{
        {"status", retcode == 0 ? "ok" : "failed"},
        {"retcode", retcode},
        {"data", retcode == 0 ? nlohmann::json{{"message_id", message_id}} : nlohmann::json(nullptr)},
        {"message", retcode == 1200 ? "Timeout: NTEvent serviceAndMethod:NodeIKernelMsgService/sendMsg" : ""},
        {"wording", ""},
        {"echo", call.at("echo")}};
    send(a);
  }

  // The peer vanishes without a close frame (the client crashed or the network dropped).
  void drop() {
    boost::beast::error_code ec;
    boost::beast::get_lowest_layer(ws_).socket().close(ec);
  }

  // get_group_info answered as a client does: ok with the name, or (no name here) failed.
  void answer_lookup(const nlohmann::json& call) {
    auto group = call["params"].value("group_id", nlohmann::json());
    auto it = group.is_number_integer() ? group_names.find(group.get<std::int64_t>()) : group_names.end();
    if (it == group_names.end()) {
      send({{"status", "failed"},
            {"retcode", 1200},
            {"data", nullptr},
            {"message", "群不存在"},
            {"echo", call.at("echo")}});
      return;
    }
    send({{"status", "ok"},
          {"retcode", 0},
          {"data",
           {{"group_id", group},
            {"group_name", it->second},
            {"member_count", 100},
            {"max_member_count", 500}}},
          {"message", ""},
          {"echo", call.at("echo")}});
  }

  bool open = false;
  bool ended = false;
  int handshake_status = 0;             // 101 when accepted, else the HTTP status of the refusal
  std::string subprotocol;              // Sec-WebSocket-Protocol of the handshake's answer
  std::vector<nlohmann::json> calls;    // API call frames received, in order (not the name lookups)
  std::vector<nlohmann::json> lookups;  // get_group_info frames, answered by themselves
  std::map<std::int64_t, std::string> group_names;  // what get_group_info answers
  bool answer_lookups = true;                       // false: the test answers them (answer_lookup)

 private:
  static boost::asio::awaitable<void> run(std::shared_ptr<fake_ws_client> self, std::uint16_t port,
                                          std::string target, headers h) {
    namespace beast = boost::beast;
    namespace websocket = beast::websocket;
    beast::error_code ec;
    boost::asio::ip::tcp::endpoint ep(boost::asio::ip::make_address("127.0.0.1"), port);
    co_await beast::get_lowest_layer(self->ws_).async_connect(
        ep, boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    if (ec) {
      self->ended = true;
      co_return;
    }
    self->ws_.set_option(websocket::stream_base::decorator([h](websocket::request_type& req) {
      for (const auto& [k, v] : h) req.set(k, v);
    }));
    websocket::response_type res;
    co_await self->ws_.async_handshake(res, "127.0.0.1:" + std::to_string(port), target,
                                       boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    self->handshake_status = static_cast<int>(res.result_int());
    self->subprotocol = std::string(res[beast::http::field::sec_websocket_protocol]);
    if (ec) {
      self->ended = true;
      co_return;
    }
    self->open = true;
    beast::flat_buffer buffer;
    for (;;) {
      co_await self->ws_.async_read(buffer, boost::asio::redirect_error(boost::asio::use_awaitable, ec));
      if (ec) break;
      auto frame = nlohmann::json::parse(beast::buffers_to_string(buffer.data()));
      buffer.consume(buffer.size());
      if (frame.value("action", "") == "get_group_info") {
        self->lookups.push_back(frame);
        if (self->answer_lookups) self->answer_lookup(frame);
      } else {
        self->calls.push_back(std::move(frame));
      }
    }
    self->open = false;
    self->ended = true;
  }

  static boost::asio::awaitable<void> write(std::shared_ptr<fake_ws_client> self) {
    boost::beast::error_code ec;
    while (!ec && !self->out_.empty()) {
      self->ws_.text(true);
      co_await self->ws_.async_write(boost::asio::buffer(self->out_.front()),
                                     boost::asio::redirect_error(boost::asio::use_awaitable, ec));
      self->out_.pop_front();
    }
    self->writing_ = false;
  }

  boost::asio::io_context& io_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  std::deque<std::string> out_;
  bool writing_ = false;
};

// The client's HTTP API (NapCat's "HTTP server"): records every call; `answer` decides the reply.
struct fake_http_api {
  struct call {
    std::string action;
    nlohmann::json params;
    std::string authorization;
  };

  // On `port` 0 a free port; a test that stopped one may start another on the same port.
  explicit fake_http_api(boost::asio::io_context& io, std::uint16_t on_port = 0)
      : server(io, config(on_port)) {
    server.route("POST", "/send_group_msg",
                 [this](const bot::http_request& r) { return take("send_group_msg", r); });
    server.route("POST", "/send_private_msg",
                 [this](const bot::http_request& r) { return take("send_private_msg", r); });
    server.route("POST", "/delete_msg", [this](const bot::http_request& r) { return take("delete_msg", r); });
    for (const char* action : {"set_friend_add_request", "set_group_add_request"})
      server.route("POST", std::string("/") + action,
                   [this, action](const bot::http_request& r) { return take(action, r); });
    server.route("POST", "/get_group_info", [this](const bot::http_request& r) { return lookup(r); });
    server.route("POST", "/get_group_msg_history",
                 [this](const bot::http_request& r) { return recent(r, "group_id"); });
    port = server.start();
  }

  static bot::server_config config(std::uint16_t port) {
    bot::server_config c;
    c.port = port;
    return c;
  }

  bot::http_response take(const std::string& action, const bot::http_request& r) {
    calls.push_back({action, nlohmann::json::parse(r.body, nullptr, false), r.header("authorization")});
    int retcode = answer ? answer(calls.back()) : 0;
    if (action == "send_group_msg" && (retcode == 0 || delivered_anyway)) remember(calls.back());
    nlohmann::json body{
        {"status", retcode == 0 ? "ok" : "failed"},
        {"retcode", retcode},
        {"data", retcode == 0 ? nlohmann::json{{"message_id", 1000 + static_cast<int>(calls.size())}}
                              : nlohmann::json(nullptr)},
        {"message", retcode == 1200 ? "Timeout: NTEvent serviceAndMethod:NodeIKernelMsgService/sendMsg" : ""},
        {"wording", ""}};
    return {200, "application/json", body.dump(), {}};
  }

  bot::http_response lookup(const bot::http_request& r) {
    auto params = nlohmann::json::parse(r.body, nullptr, false);
    lookups.push_back({"get_group_info", params, r.header("authorization")});
    auto group = params.is_object() ? params.value("group_id", nlohmann::json()) : nlohmann::json();
    auto it = group.is_number_integer() ? group_names.find(group.get<std::int64_t>()) : group_names.end();
    nlohmann::json body = it == group_names.end()
                              ? nlohmann::json{{"status", "failed"},
                                               {"retcode", 200},
                                               {"data", nullptr},
                                               {"message", "群不存在"}}
                              : nlohmann::json{{"status", "ok"},
                                               {"retcode", 0},
                                               {"data", {{"group_id", group}, {"group_name", it->second}}},
                                               {"message", ""}};
    return {200, "application/json", body.dump(), {}};
  }

  // What the group now shows, as NapCat's get_group_msg_history gives it (the bot's own messages).
  void remember(const call& c) {
    const auto id = 1000 + static_cast<int>(calls.size());
    history.push_back({{"self_id", bot_id},
                       {"user_id", bot_id},
                       {"time", clk ? clk->now_ms() / 1000 : 0},
                       {"message_id", id},
                       {"real_id", id},
                       {"message_type", "group"},
                       {"group_id", c.params.value("group_id", nlohmann::json())},
                       {"sender", {{"user_id", bot_id}, {"nickname", "物业小助手"}, {"card", ""}}},
                       {"message", c.params.value("message", nlohmann::json())},
                       {"message_format", "array"},
                       {"post_type", "message_sent"}});
  }

  bot::http_response recent(const bot::http_request& r, const char* key) {
    auto params = nlohmann::json::parse(r.body, nullptr, false);
    history_calls.push_back({"get_group_msg_history", params, r.header("authorization")});
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : history)
      if (params.is_object() && m.value(key, nlohmann::json()) == params.value(key, nlohmann::json()))
        messages.push_back(m);
    nlohmann::json body{
        {"status", "ok"}, {"retcode", 0}, {"data", {{"messages", messages}}}, {"message", ""}};
    return {200, "application/json", body.dump(), {}};
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }

  bot::http_server server;
  std::uint16_t port = 0;
  std::vector<call> calls;
  std::vector<call> lookups;                        // get_group_info, answered from group_names
  std::map<std::int64_t, std::string> group_names;  // what get_group_info answers
  std::function<int(const call&)> answer;           // the retcode to answer with (0: ok)
  // Whether a send answered with a failure reached the group all the same (NapCat's "Timeout:
  // NTEvent … sendMsg" sometimes does): it then shows in get_group_msg_history.
  bool delivered_anyway = false;
  std::vector<nlohmann::json> history;  // messages the groups show, for get_group_msg_history
  std::vector<call> history_calls;
  const bot::clock* clk = nullptr;  // the bot's clock, for the times history gives
  std::int64_t bot_id = 0;          // the QQ number the messages come from
};

}  // namespace testing
