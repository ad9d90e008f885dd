// The sending side of an adapter: takes one delivery and reports how the platform answered.
// Implementations do their I/O asynchronously and call `done` exactly once, on the event loop.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "bot/message.hpp"

namespace bot {

// One message as a channel gets it: the outbox pump reads it from the outbox (storage is not the
// channels' business).
struct delivery {
  std::int64_t id = 0;  // the outbox row's id: the delivery id on every platform
  chat_ref target;
  outgoing body;
  int attempts = 0;  // earlier attempts
  // How far earlier attempts of a message that takes several platform calls got, in the
  // channel's own words (see keep_progress in adapters/all_adapters.hpp); empty at first.
  std::string progress;
};

struct send_result {
  enum class status {
    sent,       // delivered; platform_message_id when the platform gives one
    retry,      // not delivered, worth another try (connection refused, 5xx, 429, rate-limited)
    failed,     // will never work (bot removed from the group, 4xx): dead-letter now
    uncertain,  // may have been delivered (timeout after the request went out, risk control)
    // The platform could not be reached: the request never got to it (connection refused or
    // reset before sending, no route, a gateway saying the platform is down). Not the message's
    // fault: the row waits for the platform without using an attempt (see bot/account_outages).
    unreachable,
    // Handed over, but a person must confirm it on the platform before it goes (a WeCom mass-send
    // task): asked again after retry_after_ms without using an attempt, given up after [outbox]
    // give_up_after_ms. The channel's progress then starts with "confirm:" (confirm_prefix).
    confirming,
  };
  status outcome = status::sent;
  std::string platform_message_id;
  std::string error;                           // for logs and delivery reports; never secrets
  std::optional<std::int64_t> retry_after_ms;  // the platform's own hint
};

inline constexpr std::string_view confirm_prefix = "confirm:";

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
  // Sends the delivery: its text, or the recall of body.recall_id.
  virtual void send(const delivery& d, std::function<void(send_result)> done) = 0;
};

}  // namespace bot
