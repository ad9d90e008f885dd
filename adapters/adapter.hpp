// The one shape of every chat platform's adapter. Inbound: `attach` registers its routes (HTTP,
// WebSocket) or its line reader with the host, and each turns what arrives into bot events through
// a pure parse (auth included) that is tested from fixture files. Outbound: it is the platform's
// bot::channel, rendering a delivery into platform calls and reading the platform's answer.
// Connections (HTTP server and client, reverse WebSockets, standard input) are transport that
// bot/ provides; no SQLite and no commands in here.
#pragma once
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bot/channel.hpp"
#include "bot/http_types.hpp"
#include "bot/message.hpp"

namespace bot {
class http_server;
}

namespace adapters {

// A pure parse of one inbound request: the HTTP answer and the events it carried.
struct inbound_result {
  bot::http_response response;
  std::vector<bot::inbound_event> events;
};

struct route {
  std::string method;
  std::string path;
  // What can be refused from the headers alone (a missing signature header), so the server
  // answers before reading the body; empty: nothing.
  std::function<std::optional<bot::http_response>(const bot::http_request&)> check_headers;
};

// What the running service lends an adapter's inbound side.
struct adapter_host {
  bot::http_server& server;  // HTTP and WebSocket routes
  // Into the dispatcher. Committed with the other events of this turn of the loop (bot/group_commit):
  // an HTTP answer waits for that commit; an event over a WebSocket has no answer to wait.
  std::function<void(const bot::inbound_event&)> deliver;
  std::function<void()> wake_outbox;  // rows that waited for a link may go now
  // Sends what can go out now before returning: a terminal answers each line before the next.
  std::function<void()> flush_outbox;
  // Hands each line read from standard input to `on_line` once the service reads it (not under
  // tests); `on_open` runs before the first line. The end of input stops the service.
  std::function<void(std::function<void(const std::string&)> on_line, std::function<void()> on_open)>
      read_lines;
};

// A group the bot can only post to (a WeCom group robot), declared in the config: registered to
// its community at start as if an admin had said 绑定小区 in it.
struct declared_group {
  bot::chat_ref chat;
  std::string title;
  std::string community;
  std::optional<std::string> building;
  std::string purpose;
};

class adapter : public bot::channel {
 public:
  // Registers the inbound side; called once, before the server starts.
  virtual void attach(adapter_host host) = 0;
  virtual nlohmann::json health() const = 0;  // shown under "adapters" in GET /healthz
  virtual std::vector<declared_group> declared_groups() const { return {}; }
  // Whether its messages may carry message::claimed_role (a local terminal, whose user may play
  // anyone); the dispatcher ignores that field from every other platform.
  virtual bool vouches_for_roles() const { return false; }
};

}  // namespace adapters
