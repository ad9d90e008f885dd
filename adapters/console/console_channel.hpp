// The console adapter's output side: prints every message the bot sends to a console chat.
#pragma once
#include <cstdio>
#include <functional>

#include "bot/channel.hpp"

namespace adapters::console {

class console_channel final : public bot::channel {
 public:
  explicit console_channel(std::function<void(const std::string&)> print) : print_(std::move(print)) {}
  std::string_view platform() const override { return "console"; }
  void send(const storage::outbox_row& row, std::function<void(bot::send_result)> done) override;

 private:
  std::function<void(const std::string&)> print_;
};

}  // namespace adapters::console
