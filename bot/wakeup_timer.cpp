#include "bot/wakeup_timer.hpp"

#include <utility>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/clock.hpp"
#include "bot/log.hpp"

namespace bot {

struct wakeup_timer::impl : std::enable_shared_from_this<impl> {
  impl(boost::asio::io_context& io, const clock& clk, work w, std::int64_t idle)
      : io(io), timer(io), clk(clk), fn(std::move(w)), idle_ms(idle) {}

  void run() {
    posted = false;
    if (stopped) return;
    std::optional<std::int64_t> next;
    try {
      next = fn();
    } catch (const std::exception& e) {
      log::error("timer", "{}", e.what());
    }
    std::int64_t delay = idle_ms;
    if (next) delay = std::clamp<std::int64_t>(*next - clk.now_ms(), 0, idle_ms);
    timer.expires_after(std::chrono::milliseconds(delay));
    timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec) self->poke();
    });
  }

  void poke() {
    if (posted || stopped) return;
    posted = true;
    boost::asio::post(io, [self = shared_from_this()] { self->run(); });
  }

  boost::asio::io_context& io;
  boost::asio::steady_timer timer;
  const clock& clk;
  work fn;
  std::int64_t idle_ms;
  bool posted = false;
  bool stopped = false;
};

wakeup_timer::wakeup_timer(boost::asio::io_context& io, const clock& clk, work w, std::int64_t idle_ms)
    : impl_(std::make_shared<impl>(io, clk, std::move(w), idle_ms)) {}

wakeup_timer::~wakeup_timer() { stop(); }

void wakeup_timer::poke() { impl_->poke(); }

void wakeup_timer::stop() {
  impl_->stopped = true;
  impl_->timer.cancel();
}

}  // namespace bot
