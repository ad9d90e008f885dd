#include "bot/ws_calls.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <optional>

#include "bot/ws_connection.hpp"

namespace bot {

struct ws_calls::impl : std::enable_shared_from_this<impl> {
  struct waiting_call {
    std::function<void(result)> done;
    std::unique_ptr<boost::asio::steady_timer> timer;
  };

  impl(boost::asio::io_context& io, std::shared_ptr<ws_connection> conn, std::string prefix, int timeout_ms)
      : io(io), conn(std::move(conn)), prefix(std::move(prefix)), timeout_ms(timeout_ms) {}

  // Completes a call later on the loop, so a caller never sees its callback run inside call().
  void finish(std::function<void(result)> done, result r) {
    boost::asio::post(io, [done = std::move(done), r = std::move(r)]() mutable { done(std::move(r)); });
  }

  std::optional<waiting_call> take(const std::string& echo) {
    auto it = calls.find(echo);
    if (it == calls.end()) return std::nullopt;
    waiting_call w = std::move(it->second);
    calls.erase(it);
    if (w.timer) w.timer->cancel();
    return w;
  }

  boost::asio::io_context& io;
  std::shared_ptr<ws_connection> conn;
  std::string prefix;
  int timeout_ms;
  std::uint64_t counter = 0;
  std::map<std::string, waiting_call> calls;
};

ws_calls::ws_calls(boost::asio::io_context& io, std::shared_ptr<ws_connection> conn, std::string echo_prefix,
                   int timeout_ms)
    : impl_(std::make_shared<impl>(io, std::move(conn), std::move(echo_prefix), timeout_ms)) {}

ws_calls::~ws_calls() {
  for (auto& [echo, w] : impl_->calls)
    if (w.timer) w.timer->cancel();
  impl_->calls.clear();
}

void ws_calls::call(const std::function<std::string(const std::string& echo)>& frame_for,
                    std::function<void(result)> done) {
  auto& d = *impl_;
  if (!d.conn->is_open()) {
    d.finish(std::move(done), {result::outcome::not_sent, nullptr, "the WebSocket is closed"});
    return;
  }
  std::string echo = d.prefix + std::to_string(++d.counter);
  auto timer = std::make_unique<boost::asio::steady_timer>(d.io, std::chrono::milliseconds(d.timeout_ms));
  timer->async_wait([weak = std::weak_ptr<impl>(impl_), echo](boost::system::error_code ec) {
    auto self = weak.lock();
    if (ec || !self) return;
    if (auto w = self->take(echo))
      w->done({result::outcome::no_answer, nullptr,
               "no answer within " + std::to_string(self->timeout_ms) + " ms"});
  });
  d.calls.emplace(echo, impl::waiting_call{std::move(done), std::move(timer)});
  d.conn->send(frame_for(echo));
}

bool ws_calls::answer(const nlohmann::json& frame) {
  if (!frame.is_object()) return false;
  auto echo = frame.find("echo");
  if (echo == frame.end() || !echo->is_string()) return false;  // ours are always strings
  auto w = impl_->take(echo->get<std::string>());
  if (!w) return false;
  w->done({result::outcome::answered, frame, {}});
  return true;
}

void ws_calls::fail_all(const std::string& why) {
  auto calls = std::move(impl_->calls);
  impl_->calls.clear();
  for (auto& [echo, w] : calls) {
    if (w.timer) w.timer->cancel();
    impl_->finish(std::move(w.done), {result::outcome::no_answer, nullptr, why});
  }
}

}  // namespace bot
