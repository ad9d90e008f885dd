// GET /metrics over loopback: what an operator's Prometheus scrapes — inbound events by outcome,
// commands, sends, HTTP durations, the outbox and the database — and who may read it.
#include "support/webhook_harness.hpp"

namespace metrics_test {

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
  // Buckets are cumulative: each at least the one before, the last finite one within the count.
  double before = 0;
  for (const char* le : {"0.001", "0.01", "0.1", "1"}) {
    const double n = sample(page, "estatebot_http_request_duration_seconds_bucket{le=\"" + std::string(le) + "\"}");
    CHECK(n >= before);
    before = n;
  }
  CHECK(before <= sample(page, "estatebot_http_request_duration_seconds_count"));
  CHECK(sample(page, "estatebot_database_bytes") > 0);
  CHECK(sample(page, "estatebot_scheduler_lag_seconds") >= 0);
  CHECK(page.find("# TYPE estatebot_outbox_rows gauge") != std::string::npos);

  // A refused request is timed too, and a bridge that never answers leaves its reply counted as waiting.
  CHECK(h.call("POST", "/webhook/generic", message_body("m3", "报修 1"), "sha256=00").status == 401);
  auto again = h.call("GET", "/metrics", "", "");
  CHECK(sample(again.body, "estatebot_http_request_duration_seconds_count") ==
        sample(page, "estatebot_http_request_duration_seconds_count") + 2);  // the 401 and the first scrape
}

TEST_CASE("loopback: an anonymous suggestion is not dated by a command counter", "[loopback][metrics]") {
  harness h("", "[suggestions]\nrelay_key = \"" + std::string(64, 'a') + "\"\n");
  auto body = nlohmann::json{{"platform", "wechat"},
                             {"message_id", "a1"},
                             {"chat", {{"type", "direct"}, {"id", "wxid_wang"}}},
                             {"sender", {{"id", "wxid_wang"}, {"name", "王阿姨"}}},
                             {"text", "匿名建议 保安晚上经常不在岗"}}
                  .dump();
  CHECK(h.call("POST", "/webhook/generic", body).status == 200);
  CHECK(h.count("suggestion_inbox") == 1);
  auto page = h.call("GET", "/metrics", "", "").body;
  CHECK(page.find("suggestion.anonymous") == std::string::npos);
  CHECK(page.find("estatebot_commands_total{") == std::string::npos);
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

}  // namespace metrics_test
