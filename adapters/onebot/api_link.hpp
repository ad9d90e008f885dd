// OneBot API calls over one reverse-WebSocket connection: the frames of api.hpp sent through the
// echo-matching transport bot::ws_calls (unique echoes, answers in any order, a call without an
// answer in time ends as "no answer", and when the connection ends every waiting call is failed at
// once), its results read as api_answer.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "adapters/onebot/api.hpp"
#include "bot/ws_calls.hpp"

namespace adapters::onebot {

class api_link {
 public:
  // `echo_prefix` makes echoes unique across connections ("c3-" → "c3-1", "c3-2", ...).
  api_link(boost::asio::io_context& io, std::shared_ptr<bot::ws_connection> conn, std::string echo_prefix,
           int timeout_ms);

  // `done` runs exactly once, on the event loop (never from inside call()).
  void call(const api_call& c, std::function<void(api_answer)> done);
  // An answer frame ({status, retcode, data, echo}): completes its call. False when no call waits
  // for that echo (a late answer after the timeout, or not ours).
  bool answer(const nlohmann::json& frame);
  // The connection ended: every waiting call ends as "no answer" (the request went out).
  void fail_all(const std::string& why);

 private:
  bot::ws_calls calls_;  // dropping it drops waiting calls without calling them back
};

}  // namespace adapters::onebot
