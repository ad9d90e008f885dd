// OneBot HTTP POST refuses what its headers already decide (issue 10, item 3): an event without
// X-Signature or X-Self-ID is answered before its body is sent, so an unsigned flood cannot make
// the bot hold bodies it will refuse anyway.
#include "support/onebot_harness.hpp"
#include "support/raw_client.hpp"

namespace onebot_preauth_test {

using namespace testing::onebot;

namespace {

int answer_before_body(harness& h, const std::string& head) {
  testing::raw_client c(h.port);
  c.send(head);
  testing::run_until(
      h.io, [&] { return c.status() >= 200 || c.closed(); }, std::chrono::seconds(3));
  return c.status();
}

}  // namespace

TEST_CASE("loopback onebot: an unsigned POST is refused from its headers, before its body",
          "[loopback][onebot][hardening]") {
  harness h;
  CHECK(answer_before_body(h,
                           "POST /onebot HTTP/1.1\r\nHost: t\r\nX-Self-ID: 3889001234\r\n"
                           "Content-Length: 6000\r\n\r\n") == 401);
  CHECK(answer_before_body(h,
                           "POST /onebot HTTP/1.1\r\nHost: t\r\nX-Signature: sha1=00\r\n"
                           "Content-Length: 6000\r\n\r\n") == 400);
  // A signed one is still read to the end and its signature checked over the body.
  CHECK(h.post(group_message(1, 880001, 2200334455, "我的工单").dump(), bot_qq, "sha1=00").status == 403);
  CHECK(h.post(group_message(2, 880001, 2200334455, "我的工单").dump()).status == 204);
}

}  // namespace onebot_preauth_test
