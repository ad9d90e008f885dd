// Messages to an anonymous writer (sealed rows) keep their chat only sealed, leave the outbox once
// settled — delivered or given up — and their failure is reported to nobody, because the report
// would name the writer. Ids are never handed out twice.

#include <catch2/catch.hpp>

#include "bot/clock.hpp"
#include "bot/outbox_pump.hpp"
#include "bot/relay_seal.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace {

class answering_channel final : public bot::channel {
 public:
  std::string_view platform() const override { return "fake"; }
  void send(const bot::delivery& row, std::function<void(bot::send_result)> done) override {
    sent.push_back(row.id);
    done({outcome, outcome == bot::send_result::status::sent ? "pm-1" : "", "boom", std::nullopt});
  }
  bot::send_result::status outcome = bot::send_result::status::sent;
  std::vector<std::int64_t> sent;
};

struct sealed_fixture {
  sealed_fixture() : db(testing::scratch_database()), stores(db), pump(stores, clock, cfg()) {
    stores.outbox.seal_targets_with(
        {[this](const bot::chat_ref& c) { return bot::relay_seal::seal_chat(keyed, c); },
         [this](std::string_view s) { return bot::relay_seal::open_chat(keyed, s); }});
    pump.add_channel(channel);
    pump.on_dead = [this](const storage::outbox_row& row, const std::string&) { dead.push_back(row.id); };
  }
  static bot::outbox_config cfg() {
    bot::outbox_config c;
    c.max_attempts = 2;
    return c;
  }
  std::int64_t put(const std::string& ref) {
    return stores.outbox.enqueue({"fake", "", bot::chat_kind::direct, "writer"},
                                 bot::outgoing::plain("#12 回复"), storage::priority::reply, ref,
                                 clock.now_ms());
  }
  std::int64_t put_sealed() {
    return stores.outbox.enqueue_sealed({"fake", "", bot::chat_kind::direct, "writer"},
                                        bot::outgoing::plain("#12 回复"), storage::priority::reply,
                                        clock.now_ms());
  }
  bot::config keyed = bot::config::parse("[suggestions]\nrelay_key = \"" + std::string(64, 'd') + "\"\n");
  bot::manual_clock clock;
  storage::database db;
  storage::stores stores;
  answering_channel channel;
  bot::outbox_pump pump;
  std::vector<std::int64_t> dead;
};

}  // namespace

TEST_CASE("a delivered sealed message is deleted, an ordinary one is kept as sent", "[outbox][privacy]") {
  sealed_fixture f;
  auto sealed = f.put_sealed();
  auto plain = f.put("ticket:12");
  f.pump.pump();
  f.pump.pump();
  CHECK(f.channel.sent == std::vector<std::int64_t>{sealed, plain});
  CHECK_FALSE(f.stores.outbox.get(sealed));
  REQUIRE(f.stores.outbox.get(plain));
  CHECK(f.stores.outbox.get(plain)->state == "sent");
}

TEST_CASE("a sealed message keeps its chat only sealed, and is opened for the send", "[outbox][privacy]") {
  sealed_fixture f;
  auto id = f.put_sealed();
  auto q = f.db.query("SELECT platform, account, chat_id, sealed_target FROM outbox WHERE id = ?");
  q.bind(1, id);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString().empty());
  CHECK(q.getColumn(1).getString().empty());
  CHECK(q.getColumn(2).getString().empty());
  CHECK(q.getColumn(3).getString().find("writer") == std::string::npos);
  q.reset();
  CHECK(f.stores.outbox.get(id)->target == bot::chat_ref{"fake", "", bot::chat_kind::direct, "writer"});
  CHECK(f.stores.outbox.get(id)->sealed);
  CHECK(f.stores.outbox.get(id)->ref.empty());  // nothing to find it by

  SECTION("sealing is the row's field, not a word in its ref") {
    auto plain = f.put("sealed");
    CHECK_FALSE(f.stores.outbox.get(plain)->sealed);
    CHECK(f.stores.outbox.get(plain)->target.id == "writer");
  }

  SECTION("nothing is queued to a writer without a seal") {
    storage::stores bare(f.db);
    CHECK_THROWS(bare.outbox.enqueue_sealed({"fake", "", bot::chat_kind::direct, "writer"},
                                            bot::outgoing::plain("x"), storage::priority::reply, 0));
  }
  SECTION("a seal of another key is dropped, not sent") {
    f.stores.outbox.seal_targets_with(  // as after a restart with another key
        {[&f](const bot::chat_ref& c) { return bot::relay_seal::seal_chat(f.keyed, c); }, {}});
    f.pump.pump();
    CHECK(f.channel.sent.empty());
    CHECK_FALSE(f.stores.outbox.get(id));
    CHECK(f.dead.empty());
  }
}

TEST_CASE("ids are never handed out twice, also after a sealed row is forgotten", "[outbox][privacy]") {
  sealed_fixture f;
  auto sealed = f.put_sealed();
  f.pump.pump();
  REQUIRE_FALSE(f.stores.outbox.get(sealed));
  CHECK(f.put("ticket:12") > sealed);
}

TEST_CASE("a sealed message that cannot be delivered is dropped without telling anyone",
          "[outbox][privacy]") {
  sealed_fixture f;
  f.channel.outcome = bot::send_result::status::retry;
  auto sealed = f.put_sealed();
  f.pump.pump();
  REQUIRE(f.stores.outbox.get(sealed));  // the first failure is retried like any other
  f.clock.advance_minutes(60);
  f.pump.pump();
  CHECK_FALSE(f.stores.outbox.get(sealed));
  CHECK(f.dead.empty());

  f.channel.outcome = bot::send_result::status::failed;
  auto plain = f.put("ticket:12");
  f.pump.pump();
  CHECK(f.dead == std::vector<std::int64_t>{plain});
}
