// The service reads a manager's 统计 off its event loop (bot/reader_thread) and still answers it
// over the platform, counting what owners reported just before.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/webhook_harness.hpp"

namespace report_loopback_test {

using namespace testing::webhook;

TEST_CASE("loopback: 统计 over HTTP is answered with the tickets reported before it",
          "[loopback][webhook][stats]") {
  harness h("", "[roles]\nmanagers = [\"webhook:wechat:wxid_mgr\"]\n");
  CHECK(h.call("POST", "/webhook/generic", message_body("wx-1", "报修 3-2-1201 厨房水管漏水")).status == 200);
  const std::string ask = nlohmann::json{
      {"platform", "wechat"},
      {"message_id", "wx-2"},
      {"chat", {{"type", "direct"}, {"id", "wxid_mgr"}}},
      {"sender", {{"id", "wxid_mgr"}, {"name", "赵经理"}}},
      {"text", "统计 本月"}}.dump();
  CHECK(h.call("POST", "/webhook/generic", ask).status == 200);
  std::string report;
  REQUIRE(testing::run_until(h.io, [&] {
    for (const auto& r : h.inbox) {
      auto text = nlohmann::json::parse(r.body)["text"].get<std::string>();
      if (text.find("【统计") != std::string::npos) report = text;
    }
    return !report.empty();
  }));
  CHECK(report.find("新增工单 1（报修 1") != std::string::npos);
  CHECK(h.service->state().svc.reports != nullptr);  // the service has its reader thread
}

}  // namespace report_loopback_test
