// The outbox pump on a manual clock with a channel that answers as a test tells it: the fixture of
// the pump's tests (tests/storage/outbox_*_test.cpp).
#pragma once
#include <SQLiteCpp/Database.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/outbox_pump.hpp"
#include "storage/stores.hpp"
#include "support/scratch_db.hpp"

namespace testing::pump {

inline bot::chat_ref chat(const std::string& id, const std::string& platform = "webhook") {
  return {platform, "acct", bot::chat_kind::group, id};
}

class counting_channel final : public bot::channel {
 public:
  explicit counting_channel(std::string platform = "webhook") : platform_(std::move(platform)) {}
  std::string_view platform() const override { return platform_; }
  bool ready(const bot::chat_ref&) const override { return connected; }
  void send(const bot::delivery& row, std::function<void(bot::send_result)> done) override {
    sent.push_back(row.target.id);
    if (hold) {
      held.push_back(std::move(done));
      return;
    }
    if (unreachable_accounts.contains(row.target.account))
      return done({bot::send_result::status::unreachable, "", "connect: Connection refused", std::nullopt});
    done({outcome, outcome == bot::send_result::status::sent ? "pm" : "", error, std::nullopt});
  }
  std::vector<std::string> sent;
  std::vector<std::function<void(bot::send_result)>> held;
  bot::send_result::status outcome = bot::send_result::status::sent;
  std::string error = "HTTP 503";
  std::set<std::string> unreachable_accounts;  // sends through these never reach the platform
  bool connected = true;
  bool hold = false;

 private:
  std::string platform_;
};

struct fixture {
  explicit fixture(const bot::outbox_config& cfg, const std::string& path = testing::scratch_database())
      : db(path), stores(db), pump(stores, clock, cfg) {
    pump.add_channel(channel);
  }
  std::int64_t put(const std::string& to, storage::priority p = storage::priority::notice) {
    return stores.outbox.enqueue(chat(to), bot::outgoing::plain("x"), p, "notice:1", clock.now_ms());
  }
  std::int64_t put_on(const std::string& account, const std::string& to) {
    bot::chat_ref c = chat(to);
    c.account = account;
    return stores.outbox.enqueue(c, bot::outgoing::plain("x"), storage::priority::reply, "", clock.now_ms());
  }
  bot::manual_clock clock;
  storage::database db;
  storage::stores stores;
  counting_channel channel;
  bot::outbox_pump pump;
};

inline bot::outbox_config with_platform(const std::string& toml) {
  return bot::config::parse(toml, "test").outbox;
}

}  // namespace testing::pump
