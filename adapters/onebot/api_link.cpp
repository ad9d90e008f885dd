#include "adapters/onebot/api_link.hpp"

namespace adapters::onebot {
namespace {

api_answer answer_of(bot::ws_calls::result r) {
  using outcome = bot::ws_calls::result::outcome;
  api_answer a;
  a.how = r.how == outcome::answered   ? api_answer::transport::answered
          : r.how == outcome::not_sent ? api_answer::transport::not_sent
                                       : api_answer::transport::no_answer;
  a.body = std::move(r.frame);
  a.error = std::move(r.error);
  return a;
}

}  // namespace

api_link::api_link(boost::asio::io_context& io, std::shared_ptr<bot::ws_connection> conn,
                   std::string echo_prefix, int timeout_ms)
    : calls_(io, std::move(conn), std::move(echo_prefix), timeout_ms) {}

void api_link::call(const api_call& c, std::function<void(api_answer)> done) {
  calls_.call([&c](const std::string& echo) { return ws_frame(c, echo); },
              [done = std::move(done)](bot::ws_calls::result r) { done(answer_of(std::move(r))); });
}

bool api_link::answer(const nlohmann::json& frame) {
  return calls_.answer(frame);
}

void api_link::fail_all(const std::string& why) {
  calls_.fail_all(why);
}

}  // namespace adapters::onebot
