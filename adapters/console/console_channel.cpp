#include "adapters/console/console_channel.hpp"

#include "adapters/console/console_session.hpp"

namespace adapters::console {

void console_channel::send(const storage::outbox_row& row, std::function<void(bot::send_result)> done) {
  print_(render(row.target, row.body));
  done(bot::send_result{bot::send_result::status::sent, "console-" + std::to_string(row.id), {}, std::nullopt});
}

}  // namespace adapters::console
