// Which bot accounts cannot reach their platform now, as the outbox pump sees it: the channel is
// not ready (its connection is down) or sends never got to the platform (connection refused, a
// gateway answering that the platform is down). A platform that is away is not a bad message:
// while its account is out, rows wait without using attempts, and one row at a time probes
// whether the platform is back, at growing intervals. Each outage is reported once when it has
// lasted a while, and again when it ends.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"

namespace bot {

struct outage {
  std::string platform;
  std::string account;
  std::int64_t since = 0;             // the first failure this run saw
  std::optional<std::int64_t> until;  // set when the platform is back
  std::string error;                  // the latest reason
  bool by_answers = false;            // sends failed (probe by sending); false: the channel is not ready
  bool reported = false;              // told as ongoing (on_outage)
  std::int64_t waiting = 0;           // pending rows on the account, filled in when reported
};

class account_outages {
 public:
  static constexpr std::int64_t first_probe_ms = 2'000;
  static constexpr std::int64_t longest_probe_ms = 30'000;

  // The channel cannot take sends for this chat's account now.
  void not_ready(const chat_ref& target, std::int64_t now_ms);
  // A send to the account never reached the platform. `row_id` is the row that failed: when
  // it was the account's probe, the next probe waits twice as long.
  void unreachable(const chat_ref& target, const std::string& error, std::int64_t row_id,
                   std::int64_t now_ms);
  // The platform answered, or the channel is ready again: the outage (if any) ends.
  std::optional<outage> back(const chat_ref& target, std::int64_t now_ms);

  const outage* find(const chat_ref& target) const;
  // Whether a row of an account out by answers may go now as the probe (then it is marked the
  // probe); else when the next probe may go.
  bool take_probe(const chat_ref& target, std::int64_t row_id, std::int64_t now_ms);
  std::int64_t next_probe_at(const chat_ref& target) const;

  // Outages that have lasted `after_ms` and were not reported yet; they are marked reported.
  std::vector<outage*> to_report(std::int64_t now_ms, std::int64_t after_ms);
  // When the next outage becomes reportable, if one is waiting for that.
  std::optional<std::int64_t> next_report_at(std::int64_t after_ms) const;
  std::vector<outage> all() const;

 private:
  struct state {
    outage o;
    std::int64_t next_probe_at = 0;
    std::int64_t probe_delay_ms = first_probe_ms;
    std::optional<std::int64_t> probe_row;  // the row out probing now
  };
  static std::string key(const chat_ref& target) { return target.platform + "/" + target.account; }
  state& start(const chat_ref& target, std::int64_t now_ms);
  std::map<std::string, state> accounts_;
};

}  // namespace bot
