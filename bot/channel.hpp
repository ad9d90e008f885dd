// The sending side of an adapter: takes one outbox row and reports how the platform answered.
// Implementations do their I/O asynchronously and call `done` exactly once, on the event loop.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "storage/outbox_store.hpp"

namespace bot {

struct send_result {
  enum class status {
    sent,       // delivered; platform_message_id when the platform gives one
    retry,      // not delivered, worth another try (connection refused, 5xx, 429, rate-limited)
    failed,     // will never work (bot removed from the group, 4xx): dead-letter now
    uncertain,  // may have been delivered (timeout after the request went out, risk control)
  };
  status outcome = status::sent;
  std::string platform_message_id;
  std::string error;                           // for logs and delivery reports; never secrets
  std::optional<std::int64_t> retry_after_ms;  // the platform's own hint
};

struct rate {
  double per_second = 1.0;
  int burst = 1;
};

class channel {
 public:
  virtual ~channel() = default;
  virtual std::string_view platform() const = 0;
  // False while the platform cannot take sends (reverse WebSocket down, no fallback): rows wait.
  virtual bool ready(const chat_ref&) const { return true; }
  // Whether rows with `body.recall_id` can be carried out (delete a message the bot sent).
  virtual bool can_recall() const { return false; }
  // Sends the row: its text, or the recall of body.recall_id.
  virtual void send(const storage::outbox_row& row, std::function<void(send_result)> done) = 0;
};

}  // namespace bot
