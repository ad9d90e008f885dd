// The outbox pump on a manual clock: order, per-chat queues, rate limits, backoff, dead letters,
// and resuming after a restart.
#include <catch2/catch.hpp>

#include "bot/clock.hpp"
#include "bot/outbox_pump.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"

namespace {

bot::chat_ref outbox_chat(const std::string& id) {
  return {"fake", "", bot::chat_kind::group, id};
}

// A platform whose answers the test chooses; sends complete when the test says so.
class scripted_channel final : public bot::channel {
 public:
  std::string_view platform() const override { return "fake"; }
  void send(const bot::delivery& row, std::function<void(bot::send_result)> done) override {
    sent.push_back(row);
    pending.push_back(std::move(done));
    if (auto_answer) answer(*auto_answer);
  }
  void answer(bot::send_result::status s, const std::string& error = "boom") {
    REQUIRE_FALSE(pending.empty());  // a send the test expected was not made
    auto done = std::move(pending.front());
    pending.erase(pending.begin());
    done({s, s == bot::send_result::status::sent ? "pm-" + std::to_string(sent.size()) : "", error,
          std::nullopt});
  }
  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const auto& r : sent) out.push_back(r.body.text);
    return out;
  }
  std::vector<bot::delivery> sent;
  std::vector<std::function<void(bot::send_result)>> pending;
  std::optional<bot::send_result::status> auto_answer = bot::send_result::status::sent;
};

struct outbox_fixture {
  explicit outbox_fixture(const std::string& path = testing::scratch_database(), bot::outbox_config cfg = {})
      : db(path), stores(db), pump(stores, clock, cfg) {
    pump.add_channel(channel);
  }
  std::int64_t put(const std::string& to, const std::string& text,
                   storage::priority p = storage::priority::reply, const std::string& ref = {}) {
    return stores.outbox.enqueue(outbox_chat(to), bot::outgoing::plain(text), p, ref, clock.now_ms());
  }
  bot::manual_clock clock;
  storage::database db;
  storage::stores stores;
  scripted_channel channel;
  bot::outbox_pump pump;
};

}  // namespace

TEST_CASE("emergencies go first and each chat gets its messages in order", "[outbox]") {
  outbox_fixture f;
  f.put("g1", "notice 1", storage::priority::notice);
  f.put("g1", "reply 1", storage::priority::reply);
  f.put("g2", "digest", storage::priority::digest);
  f.put("g2", "EMERGENCY", storage::priority::emergency);
  f.pump.pump();
  // Heads: g2's emergency, then g1's reply; one message per chat per round.
  CHECK(f.channel.texts() == std::vector<std::string>{"EMERGENCY", "reply 1"});
  f.clock.advance_ms(1000);
  f.pump.pump();
  CHECK(f.channel.texts() == std::vector<std::string>{"EMERGENCY", "reply 1", "notice 1", "digest"});
  auto row = f.stores.outbox.get(1);
  CHECK(row->state == "sent");
  CHECK(row->platform_message_id == "pm-3");
}

TEST_CASE("per-chat token bucket holds back a burst and says when to come back", "[outbox]") {
  bot::outbox_config cfg;
  cfg.per_chat_per_second = 1.0;
  cfg.per_chat_burst = 2;
  outbox_fixture f(testing::scratch_database(), cfg);
  for (int i = 0; i < 4; ++i) f.put("g1", "m" + std::to_string(i));
  f.put("g2", "other chat");
  f.pump.pump();  // the head of each chat: m0 and g2's message
  f.pump.pump();  // g1's next head, m1, uses the second token of its burst
  CHECK(f.channel.texts() == std::vector<std::string>{"m0", "other chat", "m1"});
  auto wake = f.pump.pump();  // m2 must wait for a token
  REQUIRE(wake);
  CHECK(*wake == f.clock.now_ms() + 1000);
  f.clock.advance_ms(999);
  f.pump.pump();
  CHECK(f.channel.sent.size() == 3);
  f.clock.advance_ms(1);
  f.pump.pump();
  CHECK(f.channel.texts().back() == "m2");
}

TEST_CASE("failures back off exponentially, then dead-letter and tell someone", "[outbox]") {
  bot::outbox_config cfg;
  cfg.max_attempts = 3;
  cfg.backoff_initial_ms = 2000;
  outbox_fixture f(testing::scratch_database(), cfg);
  f.channel.auto_answer = bot::send_result::status::retry;
  std::vector<std::int64_t> dead;
  f.pump.on_dead = [&](const storage::outbox_row& r, const std::string&) { dead.push_back(r.id); };
  auto id = f.put("g1", "hello");
  f.pump.pump();
  auto row = f.stores.outbox.get(id);
  CHECK(row->attempts == 1);
  CHECK(row->state == "pending");
  CHECK(row->next_attempt_at >= f.clock.now_ms() + 1500);  // 2 s ± 25%
  CHECK(row->next_attempt_at <= f.clock.now_ms() + 2500);
  CHECK(row->last_error == "boom");
  f.clock.advance_ms(2500);
  f.pump.pump();
  row = f.stores.outbox.get(id);
  CHECK(row->attempts == 2);
  CHECK(row->next_attempt_at >= f.clock.now_ms() + 3000);  // 4 s ± 25%
  f.clock.advance_ms(5000);
  f.pump.pump();
  row = f.stores.outbox.get(id);
  CHECK(row->state == "dead");
  CHECK(dead == std::vector<std::int64_t>{id});
  SECTION("a permanent failure is dead at once") {
    f.channel.auto_answer = bot::send_result::status::failed;
    auto other = f.put("g3", "x");
    f.pump.pump();
    CHECK(f.stores.outbox.get(other)->state == "dead");
  }
}

TEST_CASE("a failing chat never holds back the others", "[outbox]") {
  outbox_fixture f;
  f.channel.auto_answer.reset();
  f.put("broken", "a");
  f.put("broken", "b");
  f.put("fine", "c");
  f.pump.pump();
  CHECK(f.channel.texts() == std::vector<std::string>{"a", "c"});
  f.channel.answer(bot::send_result::status::retry);  // broken fails
  f.channel.answer(bot::send_result::status::sent);   // fine succeeds
  f.put("fine", "d");
  f.clock.advance_ms(1000);
  f.pump.pump();
  CHECK(f.channel.texts().back() == "d");  // "b" waits behind its chat's failed head
}

TEST_CASE("rows of a platform with no adapter are dead-lettered, not retried forever", "[outbox]") {
  outbox_fixture f;
  auto id = f.stores.outbox.enqueue({"nowhere", "", bot::chat_kind::group, "g"}, bot::outgoing::plain("x"),
                                    storage::priority::reply, "", f.clock.now_ms());
  f.pump.pump();
  CHECK(f.stores.outbox.get(id)->state == "dead");
}

TEST_CASE("after a restart, what was not confirmed is sent again and nothing else", "[outbox]") {
  testing::temp_dir dir;
  const auto path = dir.file("bot.sqlite3");
  {
    outbox_fixture f(path);
    f.channel.auto_answer.reset();
    f.put("g1", "confirmed");
    f.put("g2", "in flight at the crash");
    f.put("g1", "never started");
    f.pump.pump();
    f.channel.answer(bot::send_result::status::sent);
    // The process dies here: g2's send has no answer recorded.
  }
  outbox_fixture restarted(path);
  restarted.clock.advance_ms(5000);
  restarted.pump.pump();
  CHECK(restarted.channel.texts() == std::vector<std::string>{"in flight at the crash", "never started"});
}

TEST_CASE("a chat's long queue goes out in order whatever ends each message before it", "[outbox]") {
  outbox_fixture f;
  f.channel.auto_answer.reset();  // the test answers each send
  for (int i = 1; i <= 6; ++i) f.put("staff", "alert " + std::to_string(i), storage::priority::notice);
  const auto other = f.put("owners", "reply", storage::priority::notice);
  f.pump.pump();
  // One message per chat at a time: the staff group's queue does not hold back the owners' group.
  CHECK(f.channel.texts() == std::vector<std::string>{"alert 1", "reply"});
  f.channel.answer(bot::send_result::status::sent);
  f.channel.answer(bot::send_result::status::sent);
  CHECK(f.stores.outbox.get(other)->state == "sent");

  f.clock.advance_ms(1000);  // the chat's own pace
  f.pump.pump();
  f.channel.answer(bot::send_result::status::failed);  // alert 2 dead-lettered
  REQUIRE(f.stores.outbox.cancel(3));                  // alert 3 withdrawn (a recalled notice)
  f.clock.advance_ms(1000);                            // the chat's own pace
  f.pump.pump();
  bot::send_result confirming{bot::send_result::status::confirming, "confirm:task-1", "", 60'000};
  auto done = std::move(f.channel.pending.front());  // alert 4 waits for a person to confirm it
  f.channel.pending.clear();
  f.stores.outbox.keep_progress(4, "confirm:task-1");  // as the WeCom channel records its task
  done(confirming);
  f.clock.advance_ms(1000);  // the chat's own pace
  f.pump.pump();             // and does not hold back alert 5
  f.channel.answer(bot::send_result::status::sent);
  f.clock.advance_ms(1000);  // the chat's own pace
  f.pump.pump();
  f.channel.answer(bot::send_result::status::sent);
  CHECK(f.channel.texts() ==
        std::vector<std::string>{"alert 1", "reply", "alert 2", "alert 4", "alert 5", "alert 6"});
  CHECK(f.stores.outbox.get(6)->state == "sent");
}

TEST_CASE("a message queued behind others in its chat says so, and an emergency still jumps the queue",
          "[outbox]") {
  outbox_fixture f;
  f.channel.auto_answer.reset();
  f.put("g", "notice 1", storage::priority::notice);
  const auto second = f.put("g", "notice 2", storage::priority::notice);
  f.pump.pump();  // notice 1 is sending
  CHECK(f.pump.explain(*f.stores.outbox.get(second)).why == bot::wait_reason::kind::behind_in_chat);
  f.put("g", "EMERGENCY", storage::priority::emergency);
  f.channel.answer(bot::send_result::status::sent);
  f.clock.advance_ms(1000);  // the chat's own pace
  f.pump.pump();
  f.channel.answer(bot::send_result::status::sent);
  f.clock.advance_ms(1000);  // the chat's own pace
  f.pump.pump();
  f.channel.answer(bot::send_result::status::sent);
  CHECK(f.channel.texts() == std::vector<std::string>{"notice 1", "EMERGENCY", "notice 2"});
}

TEST_CASE(
    "one message to many chats queues a row for each, in statements of many rows, parked only behind "
    "a row its chat already has",
    "[outbox]") {
  outbox_fixture f;
  f.channel.auto_answer.reset();
  const auto earlier = f.put("g7", "earlier notice", storage::priority::notice);
  // Two full statements and a remainder of single rows.
  const int chats = 2 * storage::outbox_store::rows_per_statement + 5;
  const std::string zh = storage::encode_outgoing(bot::outgoing::plain("停水通知"));
  const std::string en = storage::encode_outgoing(bot::outgoing::plain("Water cut"));
  std::vector<std::pair<bot::chat_ref, const std::string*>> rows;
  for (int i = 0; i < chats; ++i)
    rows.emplace_back(outbox_chat("g" + std::to_string(i)), i % 3 == 0 ? &en : &zh);
  f.stores.outbox.enqueue_many(rows, storage::priority::notice, "notice:9", f.clock.now_ms());

  const auto queued = f.stores.outbox.by_ref("notice:9");
  REQUIRE(queued.size() == static_cast<std::size_t>(chats));
  for (int i = 0; i < chats; ++i) {
    const auto& row = queued[static_cast<std::size_t>(i)];
    INFO("chat g" << i);
    CHECK(row.id > earlier);
    CHECK(row.target == outbox_chat("g" + std::to_string(i)));
    CHECK(row.body.text == (i % 3 == 0 ? "Water cut" : "停水通知"));
    CHECK(row.priority == storage::priority::notice);
    CHECK(row.state == "pending");
    CHECK(row.next_attempt_at == (i == 7 ? storage::outbox_row::parked : f.clock.now_ms()));
  }
  // g7's notice goes after the one it waited behind.
  for (int round = 0; round < 30 && f.stores.outbox.count_in_state("pending") > 0; ++round) {
    f.pump.pump();
    while (!f.channel.pending.empty()) f.channel.answer(bot::send_result::status::sent);
    f.clock.advance_ms(1000);  // the chats' own pace
  }
  CHECK(f.stores.outbox.count_in_state("sent") == chats + 1);
  std::vector<std::string> to_g7;
  for (const auto& d : f.channel.sent)
    if (d.target == outbox_chat("g7")) to_g7.push_back(d.body.text);
  CHECK(to_g7 == std::vector<std::string>{"earlier notice", "停水通知"});
}
