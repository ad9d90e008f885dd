#include "bot/db_listener.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <optional>

#include "bot/log.hpp"
#include "storage/pg_listener.hpp"

namespace bot {

struct db_listener::impl : std::enable_shared_from_this<impl> {
  impl(boost::asio::io_context& io, std::string url, std::vector<std::string> channels,
       std::function<void(const std::string&)> heard, std::int64_t retry_ms)
      : url(std::move(url)),
        channels(std::move(channels)),
        heard(std::move(heard)),
        retry_ms(retry_ms),
        socket(io),
        retry(io) {}

  void open(bool after_loss) {
    try {
      listener = std::make_unique<storage::pg_listener>(url, channels);
      socket.assign(listener->socket());
      if (after_loss) {
        log::info("storage", "listening to other instances again");
        for (const auto& c : channels) heard(c);
      }
      wait();
    } catch (const std::exception& e) {
      log::warn("storage", "{}; polling meanwhile", e.what());
      lost();
    }
  }

  void wait() {
    socket.async_wait(boost::asio::posix::stream_descriptor::wait_read,
                      [self = shared_from_this()](const boost::system::error_code& ec) {
                        if (self->stopped || ec == boost::asio::error::operation_aborted) return;
                        try {
                          for (const auto& c : self->listener->take()) self->heard(c);
                          self->wait();
                        } catch (const std::exception& e) {
                          log::warn("storage", "{}; polling meanwhile", e.what());
                          self->lost();
                        }
                      });
  }

  void lost() {
    close();
    retry.expires_after(std::chrono::milliseconds(retry_ms));
    retry.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
      if (!ec && !self->stopped) self->open(true);
    });
  }

  void close() {
    if (socket.is_open()) {
      socket.cancel();
      socket.release();  // the descriptor is libpq's
    }
    listener.reset();
  }

  std::string url;
  std::vector<std::string> channels;
  std::function<void(const std::string&)> heard;
  std::int64_t retry_ms;
  std::unique_ptr<storage::pg_listener> listener;
  boost::asio::posix::stream_descriptor socket;
  boost::asio::steady_timer retry;
  bool stopped = false;
};

db_listener::db_listener(boost::asio::io_context& io, std::string url, std::vector<std::string> channels,
                         std::function<void(const std::string&)> heard, std::int64_t retry_ms)
    : impl_(std::make_shared<impl>(io, std::move(url), std::move(channels), std::move(heard), retry_ms)) {
  impl_->open(false);
}

db_listener::~db_listener() {
  impl_->stopped = true;
  impl_->retry.cancel();
  impl_->close();
}

}  // namespace bot
