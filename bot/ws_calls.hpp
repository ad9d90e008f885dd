// Calls over one WebSocket whose answers name the call they answer by an "echo" field (OneBot v11
// and v12 and most bot protocols): each call gets a unique echo, answers are matched in whatever
// order they come back, a call without an answer in time ends as no_answer, and when the
// connection ends every call still waiting ends at once instead of hanging. Transport: the
// adapter builds the frame and reads the answer.
#pragma once
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace boost::asio {
class io_context;
}

namespace bot {

class ws_connection;

class ws_calls {
 public:
  struct result {
    enum class outcome { answered, not_sent, no_answer };
    outcome how = outcome::answered;
    nlohmann::json frame;  // the answer frame, when answered
    std::string error;     // why not, for logs
  };

  // `echo_prefix` makes echoes unique across connections ("c3-" → "c3-1", "c3-2", ...).
  ws_calls(boost::asio::io_context& io, std::shared_ptr<ws_connection> conn, std::string echo_prefix,
           int timeout_ms);
  ~ws_calls();  // drops waiting calls without calling them back
  ws_calls(const ws_calls&) = delete;
  ws_calls& operator=(const ws_calls&) = delete;

  // Sends frame_for(echo); `done` runs exactly once, on the event loop (never from inside call()).
  void call(const std::function<std::string(const std::string& echo)>& frame_for,
            std::function<void(result)> done);
  // An answer frame: completes its call. False when no call waits for its echo (a late answer
  // after the timeout, or not ours).
  bool answer(const nlohmann::json& frame);
  // The connection ended: every waiting call ends as no_answer (the request went out).
  void fail_all(const std::string& why);

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace bot
