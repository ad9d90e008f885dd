// Sends and recalls that take several OneBot calls, through the real app and a fake client over a
// real reverse WebSocket: a long text whose second part fails resumes at that part (the first is
// never sent twice, and the row keeps every part's id); a recall interrupted between its deletes
// resumes after the deletes done; a recall the client refuses (QQ's two-minute limit) fails at
// once, so the notice's correction goes out at once.
#include "support/onebot_harness.hpp"

using nlohmann::json;
namespace onebot_resume_test {

using namespace testing::onebot;

namespace {

const bot::chat_ref group{"onebot", bot_qq, bot::chat_kind::group, "880001"};

std::string long_text() {
  std::string text;
  for (int line = 0; line < 3; ++line) text += std::string(90, static_cast<char>('a' + line)) + "\n";
  return text;  // three parts of at most 100 characters, cut at the line breaks
}

storage::outbox_row row(harness& h, std::int64_t id) {
  return *h.service->state().db.outbox.get(id);
}

}  // namespace

TEST_CASE("loopback onebot: a long text resumes after the parts already sent and keeps every part's id",
          "[loopback][onebot]") {
  harness h(false, "max_text_chars = 100");
  auto qq = h.connect();
  auto& core = h.service->state();
  const auto id = core.db.outbox.enqueue(group, bot::outgoing::plain(long_text()), storage::priority::reply,
                                         "test", h.clock.now_ms());
  core.outbox.pump();
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
  qq->answer(qq->calls[0], 0, -111);
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 2; }));
  CHECK(row(h, id).platform_message_id == "-111");  // kept before part 2 went out: a crash resumes here too
  const std::string second = text_of(qq->calls[1]);
  qq->answer(qq->calls[1], 100);  // go-cqhttp's generic failure: worth another try
  REQUIRE(testing::run_until(h.io, [&] { return row(h, id).attempts == 1; }));

  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 3; }));
  CHECK(text_of(qq->calls[2]) == second);  // part 2 again, not part 1
  qq->answer(qq->calls[2], 0, -222);
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 4; }));
  qq->answer(qq->calls[3], 0, -333);
  REQUIRE(testing::run_until(h.io, [&] { return row(h, id).state == "sent"; }));
  CHECK(qq->calls.size() == 4);
  CHECK(row(h, id).platform_message_id == "-111,-222,-333");
  std::string all;
  for (const auto& c : qq->calls)
    if (c != qq->calls[1]) all += text_of(c) + "\n";
  CHECK(all == long_text() + "\n");  // every line once: nothing lost, nothing doubled
}

TEST_CASE("loopback onebot: a recall resumes after the deletes already done", "[loopback][onebot]") {
  harness h;
  auto qq = h.connect();
  auto& core = h.service->state();
  bot::outgoing recall;
  recall.recall_id = "-111,-222,-333";
  const auto id =
      core.db.outbox.enqueue(group, recall, storage::priority::notice, "test:recall", h.clock.now_ms());
  core.outbox.pump();
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 1; }));
  CHECK(qq->calls[0]["params"]["message_id"] == -111);
  qq->send(json{{"status", "ok"}, {"retcode", 0}, {"data", nullptr}, {"echo", qq->calls[0]["echo"]}});
  REQUIRE(testing::run_until(h.io, [&] { return qq->calls.size() == 2; }));
  CHECK(qq->calls[1]["params"]["message_id"] == -222);
  qq->drop();  // the client went away before answering the second delete

  auto back = h.connect();
  REQUIRE(testing::run_until(h.io, [&] {
    for (std::size_t i = 0; i < back->calls.size(); ++i)
      if (!back->calls[i].contains("answered")) {
        back->send(
            json{{"status", "ok"}, {"retcode", 0}, {"data", nullptr}, {"echo", back->calls[i]["echo"]}});
        back->calls[i]["answered"] = true;
      }
    return row(h, id).state == "sent";
  }));
  REQUIRE(back->calls.size() == 2);
  CHECK(back->calls[0]["params"]["message_id"] == -222);  // the delete that got no answer, once more
  CHECK(back->calls[1]["params"]["message_id"] == -333);  // -111 is never deleted twice
}

TEST_CASE("loopback onebot: a recall the client refuses fails at once and the correction goes out",
          "[loopback][onebot]") {
  harness h(false, "[roles]\nadmins = [\"onebot:10086\"]\nstaff = [\"onebot:2200334455\"]\n");
  auto qq = h.connect();
  h.say(*qq, group_message(1, 880001, 10086, "绑定小区 阳光花园", "物业管理员"));
  h.settle(*qq);
  json notice = group_message(2, 0, 2200334455, "公告 停水通知 | 明天 9:00-12:00 停水", "王师傅");
  notice["message_type"] = "private";
  notice["sub_type"] = "friend";
  notice.erase("group_id");
  h.say(*qq, notice);
  h.settle(*qq);
  auto broadcast = h.calls_to(*qq, 880001);
  REQUIRE(broadcast.size() == 2);
  CHECK(text_of(broadcast[1]).find("停水通知") != std::string::npos);

  json recall = notice;
  recall["message_id"] = 3;
  recall["message"] = json::array({{{"type", "text"}, {"data", {{"text", "撤回公告 1"}}}}});
  h.say(*qq, recall);
  REQUIRE(testing::run_until(h.io, [&] {
    for (; h.answered < qq->calls.size(); ++h.answered) {
      const auto& c = qq->calls[h.answered];
      if (c["action"] == "delete_msg")  // too late: NapCat answers a failed action with 1200
        qq->send(json{{"status", "failed"},
                      {"retcode", 1200},
                      {"data", nullptr},
                      {"message", "recall failed"},
                      {"echo", c["echo"]}});
      else
        qq->answer(c, 0, 7000 + static_cast<int>(h.answered));
    }
    return h.calls_to(*qq, 880001).size() == 3;
  }));
  auto correction = h.calls_to(*qq, 880001).back();
  CHECK(text_of(correction).find("【更正】物业公告 #1") != std::string::npos);
  auto dead = h.count("outbox WHERE state = 'dead' AND ref = 'notice:1:recall' AND attempts = 1");
  CHECK(dead == 1);  // once: a refusal is not retried for minutes
  CHECK(h.health()["adapters"]["onebot"]["accounts"][bot_qq]["state"] == "ok");  // and no risk-control pause
}

}  // namespace onebot_resume_test
