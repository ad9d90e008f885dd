#include "bot/metrics.hpp"

#include <fmt/format.h>

namespace bot {
namespace {

void bump(std::map<std::pair<std::string, std::string>, std::uint64_t, std::less<>>& m, std::string_view a,
          std::string_view b) {
  ++m[{std::string(a), std::string(b)}];
}

void family(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

}  // namespace

std::string metric_label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

void metrics::count_inbound(std::string_view platform, std::string_view outcome) {
  bump(inbound_, platform, outcome);
}

std::uint64_t metrics::inbound_total(std::string_view outcome) const {
  std::uint64_t n = 0;
  for (const auto& [key, count] : inbound_)
    if (key.second == outcome) n += count;
  return n;
}

void metrics::count_command(std::string_view id) {
  auto it = commands_.find(id);
  if (it == commands_.end()) it = commands_.emplace(std::string(id), 0).first;
  ++it->second;
}

void metrics::count_send(std::string_view platform, std::string_view result) {
  bump(sends_, platform, result);
}

void metrics::observe_request(double seconds) {
  ++requests_;
  request_seconds_ += seconds;
  for (std::size_t i = 0; i < request_buckets.size(); ++i)
    if (seconds <= request_buckets[i]) ++request_le_[i];
}

std::string metrics::render() const {
  std::string out;
  family(out, "estatebot_inbound_events_total", "counter", "Inbound events by platform and outcome.");
  for (const auto& [k, n] : inbound_)
    out += fmt::format("estatebot_inbound_events_total{{platform=\"{}\",outcome=\"{}\"}} {}\n",
                       metric_label(k.first), metric_label(k.second), n);
  family(out, "estatebot_commands_total", "counter", "Commands run, by command id.");
  for (const auto& [id, n] : commands_)
    out += fmt::format("estatebot_commands_total{{command=\"{}\"}} {}\n", metric_label(id), n);
  family(out, "estatebot_sends_total", "counter", "Outbox sends answered, by platform and result.");
  for (const auto& [k, n] : sends_)
    out += fmt::format("estatebot_sends_total{{platform=\"{}\",result=\"{}\"}} {}\n", metric_label(k.first),
                       metric_label(k.second), n);
  family(out, "estatebot_http_request_duration_seconds", "histogram",
         "HTTP requests from their headers to the written answer.");
  for (std::size_t i = 0; i < request_buckets.size(); ++i)
    out += fmt::format("estatebot_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", request_buckets[i],
                       request_le_[i]);
  out += fmt::format("estatebot_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", requests_);
  out += fmt::format("estatebot_http_request_duration_seconds_sum {}\n", request_seconds_);
  out += fmt::format("estatebot_http_request_duration_seconds_count {}\n", requests_);
  return out;
}

}  // namespace bot
