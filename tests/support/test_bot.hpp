// An in-process estatebot for transcript tests: the real core (dispatcher, commands, stores,
// outbox pump, scheduler) on an in-memory database and a manual clock; messages arrive as console
// messages and everything the bot sends is captured from the outbox.
//   test_bot bot;
//   bot.as("王阿姨").in_group("3栋业主群").say("报修 3-2-1201 漏水").should_reply_containing("#1");
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.hpp"
#include "bot/core.hpp"

namespace testing {

struct sent_message {
  bot::chat_ref target;
  bot::outgoing body;
  std::string shown;  // "@王阿姨 已登记…" as a person would read it
};

class replies {
 public:
  std::vector<sent_message> all;

  bool contains(std::string_view needle) const;
  std::string text() const;  // every message, one per line
  std::vector<sent_message> to(const bot::chat_ref& chat) const;
  std::size_t size() const { return all.size(); }

  const replies& should_reply_containing(std::string_view needle) const;
  const replies& should_not_contain(std::string_view needle) const;
  void should_be_silent() const;
};

class test_bot {
 public:
  // Extra TOML is appended to the test config (a scratch database, support/scratch_db, unless
  // `storage_path` names a file, staff 王师傅 and 李师傅, manager 经理, admin 管理员 on the console platform;
  // no daily digest unless the extra TOML has a [stats] table).
  explicit test_bot(const std::string& extra_toml = "", const std::string& storage_path = "");
  ~test_bot();

  test_bot& as(std::string user);  // id and display name
  test_bot& in_group(std::string group);
  test_bot& in_private();
  // Another chat platform ("console" is always there). Messages said after on("qq") come from it.
  void add_platform(const std::string& name, bool can_recall = false);
  test_bot& on(std::string platform);
  // How a platform answers sends (default: sent, with message id "<platform>-<row id>"). Only sent
  // messages appear in replies.
  using answer_fn = std::function<bot::send_result(const bot::delivery&)>;
  void answer_with(const std::string& platform, answer_fn f);
  void set_connected(const std::string& platform, bool connected);
  replies say(const std::string& text);
  // With platform mentions, as a QQ @ picked from the member list arrives ("@name" stays in the text).
  replies say(const std::string& text, std::vector<bot::mention> mentions);
  replies deliver(const bot::message& m);  // a hand-built message
  replies run_jobs();                      // the scheduler, then the outbox
  replies drain();                         // whatever the outbox can send now

  bot::chat_ref group(const std::string& name) const;  // a group on the current platform
  // What an admin's `绑定小区 阳光花园 [building] [员工群|经理群]` in that group does, on any platform
  // (the test config has admins on the console only). Only registered groups get broadcasts.
  void register_group(const std::string& name, const std::string& building = "",
                      const std::string& purpose = "owners");
  bot::chat_ref current_chat() const;
  bot::manual_clock& clock() { return clock_; }
  bot::core& core() { return *core_; }
  storage::stores& db() { return core_->db; }
  void import_roster(const std::string& csv);
  const std::string& last_message_id() const { return last_id_; }

 private:
  class capture_channel;
  capture_channel& channel(const std::string& platform);
  bot::manual_clock clock_;
  std::unique_ptr<bot::core> core_;
  std::vector<std::unique_ptr<capture_channel>> channels_;
  std::vector<sent_message> captured_;
  std::string platform_ = "console";
  std::string user_ = "业主";
  std::string group_;  // empty: private
  std::string last_id_;
};

}  // namespace testing
