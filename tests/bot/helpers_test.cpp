// Small helpers users feel through the bot: room addresses, categories, times, token buckets.
#include <catch2/catch.hpp>

#include "bot/duration_text.hpp"
#include "bot/local_time.hpp"
#include "bot/token_bucket.hpp"
#include "bot/utf8.hpp"
#include "commands/roster_import.hpp"
#include "commands/ticket_category.hpp"
#include "commands/unit_address.hpp"
#include "support/vocabulary_strings.hpp"

using commands::parse_unit_address;

TEST_CASE("room addresses in the ways owners type them", "[address]") {
  struct row {
    const char* text;
    const char* canonical;
    const char* masked;
  };
  for (const auto& r : {row{"3-2-1201", "3-2-1201", "3栋2单元"}, row{"3栋2单元1201", "3-2-1201", "3栋2单元"},
                        row{"3号楼2单元1201室", "3-2-1201", "3栋2单元"},
                        row{"３－２－１２０１", "3-2-1201", "3栋2单元"}, row{"3-1201", "3-1201", "3栋"},
                        row{"3栋1201", "3-1201", "3栋"}, row{"a-2-101", "A-2-101", "A栋2单元"},
                        row{"3#楼2单元1201", "3-2-1201", "3栋2单元"}, row{"5栋", "5", "5栋"}}) {
    INFO(r.text);
    auto a = parse_unit_address(r.text);
    REQUIRE(a);
    CHECK(a->canonical() == r.canonical);
    CHECK(a->masked() == r.masked);
  }
  for (const char* bad : {"厨房漏水", "3-2-", "-1-2", "1-2-3-4", "电梯", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_unit_address(bad));
  }
}

TEST_CASE("category and priority from the owner's words", "[category]") {
  CHECK(commands::guess_category("厨房水管漏水") == domain::ticket_category::leak);
  CHECK(commands::guess_priority(domain::ticket_category::leak, "厨房水管漏水") ==
        domain::ticket_priority::urgent);
  CHECK(commands::guess_category("5栋电梯困人了") == domain::ticket_category::elevator);
  CHECK(commands::guess_priority(domain::ticket_category::elevator, "5栋电梯困人了") ==
        domain::ticket_priority::urgent);
  CHECK(commands::guess_category("电梯异响") == domain::ticket_category::elevator);
  CHECK(commands::guess_priority(domain::ticket_category::elevator, "电梯异响") ==
        domain::ticket_priority::normal);
  CHECK(commands::guess_category("楼道灯不亮") == domain::ticket_category::lighting);
  CHECK(commands::guess_category("Kitchen pipe LEAKING") == domain::ticket_category::leak);
  CHECK(commands::guess_category("隔壁装修太吵") == domain::ticket_category::noise);
  CHECK(commands::guess_category("说不清楚") == domain::ticket_category::other);
}

TEST_CASE("fire words make a ticket urgent, 火 in other words does not", "[category]") {
  for (const char* urgent : {"楼道着火了", "3栋火灾", "地下车库起火", "配电箱冒烟", "火警铃一直响"}) {
    INFO(urgent);
    CHECK(commands::guess_priority(commands::guess_category(urgent), urgent) ==
          domain::ticket_priority::urgent);
  }
  for (const char* normal : {"楼下火锅店油烟太大", "火车太吵了", "物业这态度让人火大"}) {
    INFO(normal);
    CHECK(commands::guess_priority(commands::guess_category(normal), normal) ==
          domain::ticket_priority::normal);
  }
}

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

TEST_CASE("areas are read exactly, in hundredths of m²", "[roster]") {
  CHECK(commands::parse_area_centi("89.5") == 8950);
  CHECK(commands::parse_area_centi("89.55") == 8955);
  CHECK(commands::parse_area_centi(" 120 ") == 12000);
  CHECK(commands::parse_area_centi("75.25㎡") == 7525);
  CHECK_FALSE(commands::parse_area_centi("89.555"));
  CHECK_FALSE(commands::parse_area_centi("abc"));
  CHECK(commands::split_csv_line(R"(a,"b,c","d""e")") == std::vector<std::string>{"a", "b,c", "d\"e"});
}

TEST_CASE("utf8 edit distance counts characters", "[utf8]") {
  CHECK(bot::utf8::edit_distance("报秀", "报修") == 1);
  CHECK(bot::utf8::edit_distance("repiar", "repair") == 2);
  CHECK(bot::utf8::trim("\u3000 报修 \u3000") == "报修");
  CHECK(bot::utf8::truncate("一二三四五", 3) == "一二三…");
  CHECK(bot::utf8::decode("\xE4\xBD") == std::u32string(U"\uFFFD"));  // truncated sequence
}
