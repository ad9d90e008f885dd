// One person's message to the service through the generic webhook, and the service's answer to
// that chat once everything the message caused has reached the fake bridge (the dashboard tests).
#pragma once
#include <string>

#include "support/webhook_harness.hpp"

namespace testing::webhook {

inline std::string say_and_answer(harness& h, const std::string& sender, const std::string& text,
                                  bool group = false) {
  static int n = 0;
  const std::string id = "said-" + std::to_string(++n);
  auto body = nlohmann::json{
      {"platform", "wechat"},
      {"message_id", id},
      {"chat", group ? nlohmann::json{{"type", "group"}, {"id", "3dong@chatroom"}, {"name", "3栋业主群"}}
                     : nlohmann::json{{"type", "direct"}, {"id", sender}}},
      {"sender", {{"id", sender}, {"name", sender}}},
      {"text", text}};
  const std::size_t before = h.inbox.size();
  REQUIRE(h.call("POST", "/webhook/generic", body.dump()).status == 200);
  REQUIRE(testing::run_until(h.io, [&] {
    return h.inbox.size() > before && h.service->state().db.outbox.count_in_state("pending") == 0;
  }));
  const std::string chat = group ? "3dong@chatroom" : sender;
  for (auto it = h.inbox.rbegin(); it != h.inbox.rend(); ++it) {
    auto j = nlohmann::json::parse(it->body);
    if (j["chat"]["id"] == chat) return j["text"].get<std::string>();
  }
  FAIL("no answer in " << chat);
  return {};
}

}  // namespace testing::webhook
