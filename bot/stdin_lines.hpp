// Reads lines from standard input on a helper thread and hands each to the event loop; reports
// end of input. Works for terminals, pipes and files alike.
#pragma once
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace bot {

class stdin_lines {
 public:
  stdin_lines(boost::asio::io_context& io, std::function<void(std::string)> on_line, std::function<void()> on_eof);
  ~stdin_lines();
  void start();

 private:
  struct state;
  std::shared_ptr<state> state_;
};

}  // namespace bot
