#include "adapters/onebot/api_link.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "adapters/onebot/ids.hpp"
#include "bot/ws_connection.hpp"

namespace adapters::onebot {

struct api_link::impl : std::enable_shared_from_this<impl> {
  struct waiting_call {
    std::function<void(api_answer)> done;
    std::unique_ptr<boost::asio::steady_timer> timer;
  };

  impl(boost::asio::io_context& io, std::shared_ptr<bot::ws_connection> conn, std::string prefix,
       int timeout_ms)
      : io(io), conn(std::move(conn)), prefix(std::move(prefix)), timeout_ms(timeout_ms) {}

  // Completes a call later on the loop, so a caller never sees its callback run inside call().
  void finish(std::function<void(api_answer)> done, api_answer a) {
    boost::asio::post(io, [done = std::move(done), a = std::move(a)]() mutable { done(std::move(a)); });
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
  std::shared_ptr<bot::ws_connection> conn;
  std::string prefix;
  int timeout_ms;
  std::uint64_t counter = 0;
  std::map<std::string, waiting_call> calls;
};

api_link::api_link(boost::asio::io_context& io, std::shared_ptr<bot::ws_connection> conn,
                   std::string echo_prefix, int timeout_ms)
    : impl_(std::make_shared<impl>(io, std::move(conn), std::move(echo_prefix), timeout_ms)) {}

api_link::~api_link() {
  for (auto& [echo, w] : impl_->calls)
    if (w.timer) w.timer->cancel();
  impl_->calls.clear();
}

void api_link::call(const api_call& c, std::function<void(api_answer)> done) {
  auto& d = *impl_;
  if (!d.conn->is_open()) {
    api_answer a;
    a.how = api_answer::transport::not_sent;
    a.error = "the WebSocket is closed";
    d.finish(std::move(done), std::move(a));
    return;
  }
  std::string echo = d.prefix + std::to_string(++d.counter);
  auto timer = std::make_unique<boost::asio::steady_timer>(d.io, std::chrono::milliseconds(d.timeout_ms));
  timer->async_wait([weak = std::weak_ptr<impl>(impl_), echo](boost::system::error_code ec) {
    auto self = weak.lock();
    if (ec || !self) return;
    if (auto w = self->take(echo)) {
      api_answer a;
      a.how = api_answer::transport::no_answer;
      a.error = "no answer within " + std::to_string(self->timeout_ms) + " ms";
      w->done(std::move(a));
    }
  });
  d.calls.emplace(echo, impl::waiting_call{std::move(done), std::move(timer)});
  d.conn->send(ws_frame(c, echo));
}

bool api_link::answer(const nlohmann::json& frame) {
  auto echo = frame.is_object() ? id_field(frame, "echo") : std::nullopt;
  if (!echo) return false;
  auto w = impl_->take(*echo);
  if (!w) return false;
  api_answer a;
  a.body = frame;
  w->done(std::move(a));
  return true;
}

void api_link::fail_all(const std::string& why) {
  auto calls = std::move(impl_->calls);
  impl_->calls.clear();
  for (auto& [echo, w] : calls) {
    if (w.timer) w.timer->cancel();
    api_answer a;
    a.how = api_answer::transport::no_answer;
    a.error = why;
    impl_->finish(std::move(w.done), std::move(a));
  }
}

}  // namespace adapters::onebot
