#include "bot/stdin_lines.hpp"

#include <utility>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <iostream>
#include <thread>

namespace bot {

struct stdin_lines::state {
  boost::asio::io_context& io;
  std::function<void(std::string)> on_line;
  std::function<void()> on_eof;
};

stdin_lines::stdin_lines(boost::asio::io_context& io, std::function<void(std::string)> on_line,
                         std::function<void()> on_eof)
    : state_(std::make_shared<state>(state{io, std::move(on_line), std::move(on_eof)})) {}

stdin_lines::~stdin_lines() = default;

void stdin_lines::start() {
  // The thread owns a reference to the state; it may outlive the event loop while blocked in a read
  // at shutdown, so it is detached and touches nothing but the shared state.
  std::thread([s = state_] {
    std::string line;
    while (std::getline(std::cin, line)) boost::asio::post(s->io, [s, line] { s->on_line(line); });
    boost::asio::post(s->io, [s] { s->on_eof(); });
  }).detach();
}

}  // namespace bot
