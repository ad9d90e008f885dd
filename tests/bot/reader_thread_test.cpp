// Reports off the event loop (bot/reader_thread, bot::context::later): a manager's 统计 is read on
// a connection of its own and answered on the loop; it counts what was committed before it was
// asked for, even in the same batch; a read that fails gets an apology, not silence.
#include <SQLiteCpp/Database.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <catch2/catch.hpp>
#include <stdexcept>

#include "bot/reader_thread.hpp"
#include "support/loop.hpp"
#include "support/temp_dir.hpp"
#include "support/test_bot.hpp"

namespace reader_thread_test {

struct off_loop_bot {
  testing::temp_dir dir;
  testing::test_bot bot{"", dir.file("bot.sqlite3")};
  boost::asio::io_context loop;
  int answered = 0;  // callbacks the loop ran
  bot::reader_thread reader{bot.core().database.file(), bot.core().svc, [this](std::function<void()> f) {
                              boost::asio::post(loop, [this, f = std::move(f)] {
                                f();
                                ++answered;
                              });
                            }};

  off_loop_bot() { bot.core().svc.reports = &reader; }
  ~off_loop_bot() { bot.core().svc.reports = nullptr; }

  bot::message said(const std::string& who, const std::string& text) {
    static int n = 0;
    bot::message m;
    m.id = "r" + std::to_string(++n);
    m.chat = {"console", "", bot::chat_kind::direct, who};
    m.sender = {"console", who, who};
    m.text = text;
    m.unix_ms = bot.clock().now_ms();
    return m;
  }
};

TEST_CASE("a report is read off the loop and counts the ticket reported just before it in the same batch",
          "[bot][stats]") {
  off_loop_bot b;
  {
    storage::transaction batch(b.bot.core().database);  // one turn of the loop under group commit
    b.bot.core().dispatch.handle(b.said("王阿姨", "报修 3-2-1201 厨房水管漏水"));
    b.bot.core().dispatch.handle(b.said("经理", "统计 本月"));
    CHECK(b.bot.drain().to({"console", "", bot::chat_kind::direct, "经理"}).empty());  // not answered yet
    batch.commit();
  }
  REQUIRE(testing::run_until(b.loop, [&] { return b.answered == 1; }));
  b.bot.drain().should_reply_containing("新增工单 1（报修 1").should_reply_containing("【统计 · 本月");
}

TEST_CASE("a report whose batch rolls back is never read", "[bot][stats]") {
  off_loop_bot b;
  {
    storage::transaction batch(b.bot.core().database);
    b.bot.core().dispatch.handle(b.said("经理", "统计 本月"));
  }  // rolled back: the platform sends the message again
  b.bot.core().dispatch.handle(b.said("经理", "统计 本周"));
  REQUIRE(testing::run_until(b.loop, [&] { return b.answered == 1; }));
  auto r = b.bot.drain();
  r.should_reply_containing("【统计 · 本周");
  r.should_not_contain("本月");
}

TEST_CASE("a read that fails off the loop is said to fail", "[bot]") {
  off_loop_bot b;
  std::optional<bool> ok;
  b.reader.run(
      0, [](bot::services&) { throw std::runtime_error("disk gone"); }, [&](bool r) { ok = r; });
  REQUIRE(testing::run_until(b.loop, [&] { return ok.has_value(); }));
  CHECK_FALSE(*ok);
  // The connection is opened again for the next read.
  std::int64_t tickets = -1;
  b.reader.run(
      0,
      [&](bot::services& s) {
        tickets = s.db.database.raw().execAndGet("SELECT count(*) FROM tickets").getInt64();
      },
      [&](bool r) { ok = r; });
  REQUIRE(testing::run_until(b.loop, [&] { return b.answered == 2; }));
  CHECK(*ok);
  CHECK(tickets == 0);
}

}  // namespace reader_thread_test
