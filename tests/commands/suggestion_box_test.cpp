// The suggestion box: anonymous suggestions reach staff in batches, replies are relayed through a
// seal, and once the ticket is closed nothing in the database (nor the log) ties it to its writer.

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "bot/crypto.hpp"
#include "bot/log.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"
#include "support/test_bot.hpp"
#include "support/vocabulary_strings.hpp"

using testing::test_bot;

namespace {

constexpr std::int64_t box_minute = 60'000;
const std::string box_key_a = "[suggestions]\nrelay_key = \"" + std::string(64, 'a') + "\"\n";
const std::string box_key_b = "[suggestions]\nrelay_key = \"" + std::string(64, 'b') + "\"\n";

bot::chat_ref box_direct(const std::string& who) {
  return {"console", "", bot::chat_kind::direct, who};
}

struct cell {
  std::string table, column, text;
  std::optional<std::int64_t> number;
  std::string row;  // the whole row, for messages
};

// Outbox rows to anonymous writers still in the database.
std::int64_t sealed_rows(test_bot& bot) {
  static constexpr const char* sql = "SELECT count(*) FROM outbox WHERE sealed_target IS NOT NULL";
  return testing::sql_int(bot.db().database, sql);
}

// Every value of every row of every table.
std::vector<cell> every_value(test_bot& bot) {
  auto& db = bot.db().database;
  std::vector<std::string> tables;
  auto list = db.query(db.is_postgres() ? "SELECT table_name FROM information_schema.tables WHERE "
                                          "table_schema = current_schema() AND table_type = 'BASE TABLE'"
                                        : "SELECT name FROM sqlite_schema WHERE type = 'table'");
  while (list.executeStep()) tables.push_back(list.getColumn(0).getString());
  std::vector<cell> out;
  for (const auto& table : tables) {
    auto q = db.query("SELECT * FROM \"" + table + "\"");
    while (q.executeStep()) {
      std::string row;
      std::vector<cell> cells;
      for (int i = 0; i < q.columnCount(); ++i) {
        const auto type = q.getColumn(i).type();
        cell c{table, q.columnName(i),
               type == storage::value_type::null ? std::string() : q.getColumn(i).getString(), std::nullopt,
               ""};
        if (type == storage::value_type::integer) c.number = q.getColumn(i).getInt64();
        row += q.columnName(i) + "=" + c.text + " ";
        cells.push_back(std::move(c));
      }
      for (auto& c : cells) {
        c.row = table + ": " + row;
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

// The bytes of the database and its -wal and -shm files as they are on disk right now.
std::string files_on_disk(const testing::temp_dir& dir) {
  std::string bytes;
  for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes += ss.str();
  }
  return bytes;
}

// After close, nothing maps ticket #2 to 赵女士, who was last seen at `seen_before` and wrote at
// `written`: not a row, not a time, not a log line.
void check_no_trace(test_bot& bot, std::int64_t seen_before, std::int64_t written,
                    const std::vector<std::string>& log_lines) {
  CHECK_FALSE(bot.db().suggestions.relay(2));
  CHECK(bot.db().suggestions.inbox().empty());
  auto member = bot.db().members.find("console", "赵女士");
  REQUIRE(member);
  const std::string member_id = std::to_string(member->id);
  for (const auto& c : every_value(bot)) {
    INFO(c.row);
    // The writer's id appears only where it stood before they wrote: their member row, their
    // direct chat and the answer to 我的工单 — and none of those rows moved since.
    if (c.text.find("赵女士") != std::string::npos) {
      CHECK((c.table == "members" || c.table == "chats" || c.table == "outbox"));
      CHECK(c.row.find("巡逻") == std::string::npos);
      CHECK(c.row.find("#2") == std::string::npos);
      if (c.table != "outbox")
        CHECK(c.row.find("last_seen_at=" + std::to_string(seen_before)) != std::string::npos);
    }
    // No column that holds people refers to the writer's member row.
    if (c.column == "member_id" || c.column == "actor_id" || c.column == "reporter_id" ||
        c.column == "assignee_id" || c.column == "by_member" || c.column == "registered_by")
      CHECK(c.text != member_id);
    // No time anywhere is within a minute of the moment of writing.
    if (c.number) CHECK_FALSE((*c.number > written - box_minute && *c.number < written + box_minute));
  }
  for (const auto& line : log_lines) {
    INFO(line);
    CHECK(line.find("赵女士") == std::string::npos);
  }
}

}  // namespace

TEST_CASE("an anonymous suggestion is relayed both ways and leaves no trace after close",
          "[suggestions][privacy]") {
  std::vector<std::string> log_lines;
  bot::log::set_min_level(bot::log::level::debug);  // every line the service could write
  bot::log::set_sink([&](bot::log::level, std::string_view module, std::string_view text) {
    log_lines.push_back(std::string(module) + ": " + std::string(text));
  });
  test_bot bot;
  bot.as("管理员").in_group("客服群").say("绑定小区 阳光花园 员工群");
  bot.as("王师傅").in_group("客服群").say("大家好");

  // The writer is a known owner who used the bot before, at 11:17.
  bot.clock().set(bot.clock().now_ms() + (3 * 60 + 17) * box_minute);
  const std::int64_t seen_before = bot.clock().now_ms();
  bot.as("赵女士").in_private().say("我的工单").should_reply_containing("还没有登记过工单");

  // 11:24: the suggestion.
  bot.clock().advance_minutes(7);
  const std::int64_t written = bot.clock().now_ms();
  auto r = bot.say("匿名建议 希望保安夜里多巡逻几次，最近电动车被偷了");
  REQUIRE(r.size() == 1);
  CHECK(r.all[0].target == box_direct("赵女士"));
  r.should_reply_containing("已收到您的匿名建议").should_reply_containing("12-01 12:00 左右");
  CHECK_FALSE(bot.db().tickets.get(1));  // not yet: suggestions go to staff in batches

  // 11:40: an ordinary repair by someone else takes #1.
  bot.clock().advance_minutes(16);
  bot.as("王阿姨").in_private().say("报修 3-2-1201 楼道灯不亮").should_reply_containing("#1");

  // 12:00: the batch.
  bot.clock().set(seen_before + 43 * box_minute);
  r = bot.run_jobs();
  auto staff = r.to(bot.group("客服群"));
  REQUIRE(staff.size() == 1);
  CHECK(staff[0].shown.find("新工单 #2") != std::string::npos);
  CHECK(staff[0].shown.find("希望保安夜里多巡逻") != std::string::npos);
  auto to_writer = r.to(box_direct("赵女士"));
  REQUIRE(to_writer.size() == 1);
  CHECK(to_writer[0].shown.find("编号 #2") != std::string::npos);

  auto t = bot.db().tickets.get(2);
  REQUIRE(t);
  CHECK(t->anonymous);
  CHECK(t->kind == domain::ticket_kind::suggestion);
  CHECK_FALSE(t->reporter_id);
  CHECK_FALSE(t->origin_chat);
  CHECK(t->origin_message_id.empty());
  CHECK(t->created_at == bot.clock().now_ms());

  // Staff see the suggestion, not who wrote it, and their reply reaches the writer.
  bot.as("王师傅")
      .in_group("客服群")
      .say("工单 2")
      .should_reply_containing("登记人：匿名")
      .should_not_contain("赵女士");
  r = bot.say("回复 2 感谢建议，已加派夜班巡逻");
  r.should_reply_containing("已回复登记人（工单 #2）");
  for (const auto& m : r.to(bot.group("客服群"))) CHECK(m.shown.find("赵女士") == std::string::npos);
  to_writer = r.to(box_direct("赵女士"));
  REQUIRE(to_writer.size() == 1);
  CHECK(to_writer[0].shown.find("物业回复（工单 #2）：感谢建议，已加派夜班巡逻") != std::string::npos);
  // Delivered messages to the writer do not stay in the outbox.
  CHECK(sealed_rows(bot) == 0);

  bot.say("接单 2");
  r = bot.say("完成 2 已增加夜间巡逻并修好车棚监控");
  CHECK(r.to(box_direct("赵女士")).at(0).shown.find("您的匿名建议 #2 已处理") != std::string::npos);
  r.should_reply_containing("已转告写信人").should_not_contain("已通知业主确认和评价");  // nobody can confirm
  CHECK(bot.db().suggestions.relay(2));

  bot.clock().advance_minutes(3 * 24 * 60);
  r = bot.run_jobs();
  CHECK(r.to(box_direct("赵女士")).at(0).shown.find("转达所用的信息已删除") != std::string::npos);
  CHECK(bot.db().tickets.get(2)->state == domain::ticket_state::closed);
  bot.as("王师傅").in_group("客服群").say("回复 2 还有别的建议吗").should_reply_containing("已关闭");

  SECTION("after close nothing maps the ticket to its writer") {
    check_no_trace(bot, seen_before, written, log_lines);
  }
  bot::log::set_sink({});
  bot::log::set_min_level(bot::log::level::error);  // as tests/main.cpp has it
}

TEST_CASE("a first-time writer is not recorded at all", "[suggestions][privacy]") {
  test_bot bot;
  bot.as("新住户").in_private().say("匿名建议 垃圾分类点太远了").should_reply_containing("已收到");
  CHECK_FALSE(bot.db().members.find("console", "新住户"));
  CHECK_FALSE(bot.db().chats.find(box_direct("新住户")));
  bot.clock().advance_minutes(60);
  bot.run_jobs().to(box_direct("新住户")).at(0);
  CHECK(bot.db().tickets.get(1)->anonymous);
  CHECK_FALSE(bot.db().members.find("console", "新住户"));
}

TEST_CASE("messages to several writers go out one after another", "[suggestions][privacy]") {
  test_bot bot;
  bot.as("赵女士").in_private().say("匿名建议 快递柜不够用");
  bot.as("钱先生").in_private().say("匿名建议 垃圾桶太少");
  bot.clock().advance_minutes(60);
  // Sealed rows share one queue (their chats are not stored), and each is sent in its turn.
  auto r = bot.run_jobs();
  CHECK(r.to(box_direct("赵女士")).size() == 1);
  CHECK(r.to(box_direct("钱先生")).size() == 1);
}

TEST_CASE(
    "the time promised to a writer is when the waiting batch really goes, also after batch_minutes changed",
    "[suggestions]") {
  testing::temp_dir dir;
  const std::string path = dir.file("box.sqlite3");
  {
    test_bot bot(box_key_a, path);  // every full hour
    bot.clock().advance_minutes(10);
    bot.as("赵女士").in_private().say("匿名建议 快递柜不够用").should_reply_containing("12-01 09:00 左右");
  }
  SECTION("shorter batches: the waiting batch goes earlier") {
    test_bot bot(box_key_a + "batch_minutes = 15\n", path);
    bot.clock().advance_minutes(11);
    bot.as("钱先生").in_private().say("匿名建议 垃圾桶太少").should_reply_containing("12-01 08:15 左右");
    bot.clock().advance_minutes(4);
    bot.run_jobs();
    CHECK(bot.db().tickets.get(1));
    CHECK(bot.db().tickets.get(2));
  }
  SECTION("longer batches: the waiting batch takes the new suggestion along") {
    test_bot bot(box_key_a + "batch_minutes = 120\n", path);
    bot.clock().advance_minutes(11);
    bot.as("钱先生").in_private().say("匿名建议 垃圾桶太少").should_reply_containing("12-01 09:00 左右");
    bot.clock().advance_minutes(48);
    bot.run_jobs();
    CHECK_FALSE(bot.db().tickets.get(1));
    bot.clock().advance_minutes(1);
    bot.run_jobs();
    CHECK(bot.db().tickets.get(1));
    CHECK(bot.db().tickets.get(2));
  }
}

TEST_CASE("the suggestion box is private and rate-limited", "[suggestions]") {
  test_bot bot;
  SECTION("not in a group") {
    bot.as("赵女士").in_group("3栋业主群").say("匿名建议 多巡逻").should_reply_containing("请私聊我");
    CHECK(bot.db().suggestions.inbox().empty());
  }
  SECTION("three a day") {
    bot.as("赵女士").in_private();
    for (int i = 0; i < 3; ++i)
      bot.say("匿名建议 第" + std::to_string(i) + "条").should_reply_containing("已收到");
    bot.say("匿名建议 第四条").should_reply_containing("今天已经提了 3 条");
    CHECK(bot.db().suggestions.inbox().size() == 3);
    CHECK(sealed_rows(bot) == 0);  // refusals leave no trace either
    bot.as("钱先生").say("匿名建议 另一个人的").should_reply_containing("已收到");
    bot.as("赵女士").say("匿名建议 空白").should_reply_containing("今天已经提了");
    bot.clock().advance_minutes(24 * 60);
    bot.say("匿名建议 第二天").should_reply_containing("已收到");
  }
  SECTION("too long a suggestion is refused, and not counted") {
    bot.as("赵女士")
        .in_private()
        .say("匿名建议 " + std::string(501, 'x'))
        .should_reply_containing("建议太长了");
    CHECK(bot.db().suggestions.inbox().empty());
  }
  SECTION("nothing to say gets the usage") {
    bot.as("赵女士").in_private().say("匿名建议").should_reply_containing("用法");
  }
}

TEST_CASE("replies reach the writer after a restart only with the same key", "[suggestions]") {
  testing::temp_dir dir;
  const std::string path = dir.file("box.sqlite3");
  {
    test_bot bot(box_key_a, path);
    bot.as("赵女士").in_private().say("匿名建议 希望增加快递柜");
    bot.clock().advance_minutes(60);
    bot.run_jobs().to(box_direct("赵女士")).at(0);
  }
  SECTION("same key") {
    test_bot bot(box_key_a, path);
    auto r = bot.as("王师傅").in_private().say("回复 1 下月安装");
    r.should_reply_containing("已回复登记人");
    CHECK(r.to(box_direct("赵女士")).size() == 1);
  }
  SECTION("another key: staff are told, nothing is sent") {
    test_bot bot(box_key_b, path);
    auto r = bot.as("王师傅").in_private().say("回复 1 下月安装");
    r.should_reply_containing("已无法联系");
    CHECK(r.to(box_direct("赵女士")).empty());
  }
}

TEST_CASE("deleted seals are overwritten in the database file, not just unlinked", "[suggestions][privacy]") {
  testing::temp_dir dir;
  const std::string path = dir.file("box.sqlite3");
  std::string inbox_seal, relay_seal;
  {
    test_bot bot(box_key_a, path);
    bot.as("赵女士").in_private().say("匿名建议 希望增加快递柜");
    inbox_seal = bot.db().suggestions.inbox().at(0).sealed;
    bot.clock().advance_minutes(60);
    bot.run_jobs();
    relay_seal = bot.db().suggestions.relay(1).value();
    bot.as("王师傅").say("接单 1");
    bot.say("完成 1 已联系快递公司");
    bot.clock().advance_minutes(3 * 24 * 60);
    bot.run_jobs();
    REQUIRE(bot.db().tickets.get(1)->state == domain::ticket_state::closed);
  }
  std::string bytes;
  for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    bytes += ss.str();
  }
  REQUIRE(bytes.size() > 4096);
  CHECK(bytes.find(inbox_seal) == std::string::npos);
  CHECK(bytes.find(relay_seal) == std::string::npos);
}

TEST_CASE("while the bot runs, its database files never hold an anonymous writer's id or name",
          "[suggestions][privacy]") {
  testing::temp_dir dir;
  test_bot bot(box_key_a, dir.file("box.sqlite3"));
  bot.as("管理员").in_group("客服群").say("绑定小区 阳光花园 员工群");
  const bot::chat_ref writer{"console", "", bot::chat_kind::direct, "wxid_writer_7731"};
  bot::message m;
  m.id = "wx-77";
  m.chat = writer;
  m.sender = {"console", "wxid_writer_7731", "匿名写信人"};
  m.text = "匿名建议 希望夜里多巡逻几次";
  auto clean = [&](const char* when) {
    INFO(when);
    std::string bytes = files_on_disk(dir);
    REQUIRE(bytes.find("SQLite format 3") != std::string::npos);
    CHECK(bytes.find("wxid_writer_7731") == std::string::npos);
    CHECK(bytes.find("匿名写信人") == std::string::npos);
  };

  bot.set_connected("console", false);
  bot.deliver(m);
  REQUIRE(bot.db().outbox.count_in_state("pending") == 1);  // the acknowledgement waits, sealed
  clean("queued");
  bot.set_connected("console", true);
  bot.drain().to(writer).at(0);
  clean("acknowledged");

  // A repeated delivery is still recognised, by a keyed hash: the plain hash of the writer and
  // the message id (guessable for small sequential ids) is not what is stored.
  bot.deliver(m).should_be_silent();
  CHECK(bot.db().suggestions.inbox().size() == 1);
  CHECK(testing::sql_int(bot.db().database, "SELECT count(*) FROM inbound_seen WHERE message_key = ?",
                         bot::crypto::sha256_hex("d/wxid_writer_7731/wx-77").substr(0, 32)) == 0);

  bot.clock().advance_minutes(60);
  bot.run_jobs().to(writer).at(0);
  clean("filed");
  const std::string relay_seal = bot.db().suggestions.relay(1).value();
  bot.as("王师傅").in_group("客服群").say("回复 1 谢谢，已安排夜班巡逻");
  clean("relayed");
  bot.say("接单 1");
  bot.say("完成 1 已增加夜间巡逻");
  bot.clock().advance_minutes(3 * 24 * 60);
  bot.run_jobs();
  REQUIRE(bot.db().tickets.get(1)->state == domain::ticket_state::closed);
  clean("closed");
  // The way back is gone from the -wal too, not only from the table.
  CHECK(files_on_disk(dir).find(relay_seal) == std::string::npos);
}
