// API calls over one reverse-WebSocket connection: each call gets a unique echo, answers are
// matched by echo in whatever order they come back (go-cqhttp and NapCat answer concurrently),
// a call without an answer in time ends as "no answer", and when the connection ends every call
// still waiting is failed at once instead of hanging.
#pragma once
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "adapters/onebot/api.hpp"

namespace boost::asio {
class io_context;
}

namespace bot {
class ws_connection;
}

namespace adapters::onebot {

class api_link {
 public:
  // `echo_prefix` makes echoes unique across connections ("c3-" → "c3-1", "c3-2", ...).
  api_link(boost::asio::io_context& io, std::shared_ptr<bot::ws_connection> conn, std::string echo_prefix,
           int timeout_ms);
  ~api_link();  // drops waiting calls without calling them back
  api_link(const api_link&) = delete;
  api_link& operator=(const api_link&) = delete;

  // `done` runs exactly once, on the event loop (never from inside call()).
  void call(const api_call& c, std::function<void(api_answer)> done);
  // An answer frame ({status, retcode, data, echo}): completes its call. False when no call waits
  // for that echo (a late answer after the timeout, or not ours).
  bool answer(const nlohmann::json& frame);
  // The connection ended: every waiting call ends as "no answer" (the request went out).
  void fail_all(const std::string& why);

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace adapters::onebot
