// GET /metrics over loopback: what an operator's Prometheus scrapes — inbound events by outcome,
// commands, sends, HTTP durations, the outbox and the database — and who may read it.
#include "support/webhook_harness.hpp"

using testing::webhook::harness;
using testing::webhook::message_body;

namespace {

// The value of the sample line that starts with `series` (name and labels), or -1.
double sample(const std::string& page, const std::string& series) {
  const std::size_t at = page.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stod(page.substr(at + series.size() + 2));
}

}  // namespace

TEST_CASE("loopback: /metrics counts events, duplicates, commands, sends and requests", "[loopback][metrics]") {
  harness h;
  CHECK(h.call("POST", "/webhook/generic", message_body("m1", "报修 3-2-1201 厨房水管漏水")).status == 200);
  CHECK(h.call("POST", "/webhook/generic", message_body("m1", "报修 3-2-1201 厨房水管漏水")).status == 200);
  CHECK(h.call("POST", "/webhook/generic", message_body("m2", "大家晚上好")).status == 200);
  // The reply reached the bridge and its answer was recorded.
  REQUIRE(testing::run_until(h.io, [&] { return h.service->state().db.outbox.count_in_state("sent") == 1; }));

  auto r = h.call("GET", "/metrics", "", "");
  REQUIRE(r.status == 200);
  CHECK(r.header("content-type").find("text/plain; version=0.0.4") != std::string::npos);
  const std::string& page = r.body;
  INFO(page);
  CHECK(sample(page, R"(estatebot_inbound_events_total{platform="webhook",outcome="processed"})") == 2);
  CHECK(sample(page, R"(estatebot_inbound_events_total{platform="webhook",outcome="duplicate"})") == 1);
  CHECK(sample(page, R"(estatebot_commands_total{command="repair.report"})") == 1);
  CHECK(sample(page, R"(estatebot_sends_total{platform="webhook",result="sent"})") >= 1);
  CHECK(sample(page, "estatebot_http_request_duration_seconds_count") >= 3);
  CHECK(sample(page, R"(estatebot_http_request_duration_seconds_bucket{le="+Inf"})") ==
        sample(page, "estatebot_http_request_duration_seconds_count"));
  CHECK(sample(page, "estatebot_database_bytes") > 0);
  CHECK(sample(page, "estatebot_scheduler_lag_seconds") >= 0);
  CHECK(page.find("# TYPE estatebot_outbox_rows gauge") != std::string::npos);
}

TEST_CASE("loopback: /metrics is for this machine or the health token, not what a proxy forwards",
          "[loopback][metrics]") {
  harness h("health_token = \"scrape-token\"");
  auto forwarded = h.call("GET", "/metrics", "", "", {{"X-Forwarded-For", "203.0.113.7"}});
  CHECK(forwarded.status == 403);
  CHECK(forwarded.body.find("estatebot_") == std::string::npos);
  auto with_token = h.call("GET", "/metrics", "", "",
                           {{"X-Forwarded-For", "203.0.113.7"}, {"Authorization", "Bearer scrape-token"}});
  CHECK(with_token.status == 200);
  CHECK(with_token.body.find("estatebot_inbound_events_total") != std::string::npos);
  auto wrong = h.call("GET", "/metrics", "", "",
                      {{"X-Forwarded-For", "203.0.113.7"}, {"Authorization", "Bearer nope"}});
  CHECK(wrong.status == 403);
}
