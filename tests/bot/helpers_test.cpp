// Small helpers users feel through the bot: times, token buckets, text lengths.
#include <catch2/catch.hpp>

#include "bot/duration_text.hpp"
#include "bot/local_time.hpp"
#include "bot/token_bucket.hpp"
#include "bot/utf8.hpp"

TEST_CASE("local times in the community's zone", "[time]") {
  bot::local_time_zone cst{480};
  const std::int64_t now = 1'764'547'200'000;  // 2025-12-01 00:00 UTC = 08:00 in China
  CHECK(cst.format(now) == "12-01 08:00");
  CHECK(cst.format_with_year(now) == "2025-12-01 08:00");
  CHECK(cst.parse("2025-12-01", "09:30", now) == now + 90 * 60'000);
  CHECK(cst.parse("12-01", "07:00", now) == std::int64_t{1'796'083'200'000} - 60 * 60'000);  // next year
  CHECK_FALSE(cst.parse("2025-02-30", "09:00", now));
  CHECK_FALSE(cst.parse("2025-12-01", "25:00", now));
}

TEST_CASE("one way to say how long, to the minute", "[time][texts]") {
  const auto& t = bot::texts::embedded();
  auto zh = [&](std::int64_t ms) { return bot::duration_text(t, bot::locale::zh_CN, ms); };
  auto en = [&](std::int64_t ms) { return bot::duration_text(t, bot::locale::en_US, ms); };
  constexpr std::int64_t min = 60'000, hour = 60 * min, day = 24 * hour;
  CHECK(zh(-5 * min) == "不到 1 分钟");
  CHECK(en(59'999) == "under a minute");
  CHECK(zh(30 * min) == "30 分钟");
  CHECK(en(30 * min + 59'999) == "30 min");
  CHECK(zh(102 * min) == "1 小时 42 分");
  CHECK(en(102 * min) == "1 h 42 min");
  CHECK(zh(2 * hour) == "2 小时");
  CHECK(en(24 * hour) == "24 h");
  CHECK(zh(47 * hour + 59 * min) == "47 小时 59 分");
  CHECK(zh(3 * day) == "3 天");
  CHECK(zh(2 * day + 3 * hour + 20 * min) == "2 天 3 小时");
  CHECK(en(2 * day + 3 * hour) == "2 days 3 h");
}

TEST_CASE("a local day starts at local midnight, not at UTC midnight", "[time]") {
  constexpr std::int64_t hour = 3'600'000;
  bot::local_time_zone cst{480};
  const std::int64_t now = 1'764'547'200'000;  // 2025-12-01 08:00 in China
  const std::int64_t midnight = now - 8 * hour;
  CHECK(cst.format(cst.day_start(now)) == "12-01 00:00");
  CHECK(cst.day_start(now) == midnight);
  CHECK(cst.day_start(midnight) == midnight);
  CHECK(cst.day_start(midnight + 24 * hour - 1) == midnight);  // 23:59:59.999
  CHECK(cst.day_start(midnight + 24 * hour) == midnight + 24 * hour);
  CHECK(cst.day_start(midnight - 1) == midnight - 24 * hour);
  bot::local_time_zone new_york{-300};  // west of UTC, and before 1970: still the day's own midnight
  CHECK(new_york.day_start(0) == -19 * hour);
  CHECK(new_york.format(new_york.day_start(0)) == "12-31 00:00");
}

TEST_CASE("token bucket refills at its rate", "[outbox]") {
  bot::token_bucket b(1.0, 2, 0);
  CHECK(b.try_take(0));
  CHECK(b.try_take(0));
  CHECK_FALSE(b.try_take(0));
  CHECK(b.ready_at(0) == 1000);
  CHECK_FALSE(b.try_take(999));
  CHECK(b.try_take(1000));
  CHECK(b.ready_at(5000) == 5000);
}

TEST_CASE("utf8 edit distance counts characters", "[utf8]") {
  CHECK(bot::utf8::edit_distance("报秀", "报修") == 1);
  CHECK(bot::utf8::edit_distance("repiar", "repair") == 2);
  CHECK(bot::utf8::trim("\u3000 报修 \u3000") == "报修");
  CHECK(bot::utf8::truncate("一二三四五", 3) == "一二三…");
  CHECK(bot::utf8::decode("\xE4\xBD") == std::u32string(U"\uFFFD"));  // truncated sequence
}
