// The live connections a platform's clients opened to estatebot (reverse WebSocket), per bot
// account: which connections carry an account, which of them take calls (the newest open one
// does), and what happens when one ends (its waiting calls fail at once, the adapter is told so it
// can publish the account's health). A connection may carry one account from the start (OneBot
// v11 names it in X-Self-ID) or learn its accounts later, possibly several (OneBot 12 names them
// in its events): see serve(). Transport only: the adapter reads the frames and builds the calls.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "bot/ws_calls.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {

class ws_connection;

class account_links {
 public:
  struct link {
    std::shared_ptr<ws_connection> ws;
    std::string role;                   // what /healthz shows ("Universal", "API", "Event", ...)
    std::unique_ptr<ws_calls> calls;    // none on a connection that takes no calls
    std::vector<std::string> accounts;  // the bot accounts it carries, in the order it named them
  };
  enum class change { joined, left };  // a link began or stopped carrying an account
  using frame_handler = std::function<void(const link& l, const std::string& text)>;
  // Runs after the change: the account's links as roles() and caller_for() see them now.
  using change_handler = std::function<void(const std::string& account, const link& l, change c)>;

  account_links(boost::asio::io_context& io, int call_timeout_ms, change_handler on_change);
  // Closes every connection, without calling back: their waiting calls are dropped unanswered.
  ~account_links();
  account_links(const account_links&) = delete;
  account_links& operator=(const account_links&) = delete;

  // Takes over an accepted connection: its frames go to `on_frame` and its end is handled here.
  // `account` empty: the connection names its accounts later (serve).
  void add(std::shared_ptr<ws_connection> ws, std::string role, bool takes_calls, const std::string& account,
           frame_handler on_frame);
  // The connection carries this account too (nothing happens when it already does).
  void serve(const link& l, const std::string& account);

  // The newest open connection of the account that takes calls; null when there is none.
  const link* caller_for(const std::string& account) const;
  // The roles of the account's connections, oldest first.
  std::vector<std::string> roles(const std::string& account) const;
  // Whether one of the account's connections takes calls.
  bool takes_calls(const std::string& account) const;

 private:
  void closed(const std::shared_ptr<link>& l);

  boost::asio::io_context& io_;
  int call_timeout_ms_;
  change_handler on_change_;
  std::vector<std::shared_ptr<link>> links_;  // oldest first
  std::uint64_t counter_ = 0;                 // makes echoes unique across connections
};

}  // namespace bot
