// What GET /metrics tells Prometheus (text exposition format 0.0.4): counters the service keeps
// in memory since it started — inbound events by platform and outcome, commands by id, sends by
// platform and result — and a histogram of HTTP request durations. Gauges read at scrape time
// (outbox depth, database size, scheduler lag) are appended by bot::app. Event-loop only.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace bot {

class metrics {
 public:
  void count_inbound(std::string_view platform, std::string_view outcome);
  void count_command(std::string_view id);
  void count_send(std::string_view platform, std::string_view result);
  void observe_request(double seconds);
  // Inbound events of every platform that ended with `outcome` ("processed", "duplicate", …).
  std::uint64_t inbound_total(std::string_view outcome) const;

  std::string render() const;

  // Upper bounds of the request-duration buckets, in seconds.
  static constexpr std::array<double, 10> request_buckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                             0.05,  0.1,    0.25,  0.5,  1.0};

 private:
  std::map<std::pair<std::string, std::string>, std::uint64_t, std::less<>> inbound_, sends_;
  std::map<std::string, std::uint64_t, std::less<>> commands_;
  std::array<std::uint64_t, request_buckets.size()> request_le_{};
  std::uint64_t requests_ = 0;
  double request_seconds_ = 0;
};

// A label value as the format wants it: backslash, double quote and newline escaped.
std::string metric_label(std::string_view value);

}  // namespace bot
