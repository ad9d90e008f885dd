#include "support/test_bot.hpp"

#include "support/scratch_db.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

#include "adapters/console/console_session.hpp"
#include "commands/all_commands.hpp"
#include "domain/units/roster_import.hpp"

namespace testing {

class test_bot::capture_channel final : public bot::channel {
 public:
  capture_channel(std::string platform, std::vector<sent_message>& out, bool can_recall)
      : platform_(std::move(platform)), out_(out), can_recall_(can_recall) {}
  std::string_view platform() const override { return platform_; }
  bool ready(const bot::chat_ref&) const override { return connected; }
  bool can_recall() const override { return can_recall_; }
  void send(const bot::delivery& row, std::function<void(bot::send_result)> done) override {
    bot::send_result r =
        answer ? answer(row)
               : bot::send_result{bot::send_result::status::sent,
                                  (platform_ == "console" ? "m" : platform_ + "-") + std::to_string(row.id),
                                  {},
                                  std::nullopt};
    if (r.outcome == bot::send_result::status::sent) {
      std::string shown = row.body.recall_id.empty()
                              ? adapters::console::render(row.target, row.body)
                              : "[recall " + row.body.recall_id + " in " + row.target.id + "]";
      out_.push_back({row.target, row.body, std::move(shown)});
    }
    done(r);
  }
  answer_fn answer;
  bool connected = true;

 private:
  std::string platform_;
  std::vector<sent_message>& out_;
  bool can_recall_;
};

namespace {

// A file the test names, else a scratch database (SQLite in memory, or a PostgreSQL schema).
std::string storage_lines(const std::string& storage_path) {
  const std::string target = storage_path.empty() ? testing::scratch_database() : storage_path;
  if (target.rfind("postgresql://", 0) == 0)
    return "backend = \"postgres\"\npath = \":memory:\"\nurl = \"" + target + "\"\n";
  return "path = \"" + target + "\"\n";
}

std::string base_config(const std::string& extra, const std::string& storage_path) {
  return R"(
[storage]
)" + storage_lines(storage_path) +
         R"(
[roles]
admins = ["console:管理员"]
managers = ["console:经理"]
staff = ["console:王师傅", "console:李师傅"]
)" + (extra.find("[stats]") == std::string::npos ? "[stats]\ndigest_time = \"\"\n" : "") +
         extra;
}

}  // namespace

bool replies::contains(std::string_view needle) const {
  for (const auto& m : all)
    if (m.shown.find(needle) != std::string::npos) return true;
  return false;
}

std::string replies::text() const {
  std::string out;
  for (const auto& m : all) out += m.shown + "\n";
  return out;
}

std::vector<sent_message> replies::to(const bot::chat_ref& chat) const {
  std::vector<sent_message> out;
  for (const auto& m : all)
    if (m.target == chat) out.push_back(m);
  return out;
}

const replies& replies::should_reply_containing(std::string_view needle) const {
  INFO("bot said:\n" << text());
  CHECK(contains(needle));
  return *this;
}

const replies& replies::should_not_contain(std::string_view needle) const {
  INFO("bot said:\n" << text());
  CHECK_FALSE(contains(needle));
  return *this;
}

void replies::should_be_silent() const {
  INFO("bot said:\n" << text());
  CHECK(all.empty());
}

test_bot::test_bot(const std::string& extra_toml, const std::string& storage_path)
    : core_(std::make_unique<bot::core>(
          bot::config::parse(base_config(extra_toml, storage_path), "test", commands::config_checks()),
          clock_, commands::install_all)) {
  core_->dispatch.trust_claimed_roles("console");  // the console adapter vouches for `:as`
  add_platform("console");
}

void test_bot::add_platform(const std::string& name, bool can_recall) {
  channels_.push_back(std::make_unique<capture_channel>(name, captured_, can_recall));
  core_->outbox.add_channel(*channels_.back());
}

test_bot::capture_channel& test_bot::channel(const std::string& platform) {
  for (auto& c : channels_)
    if (c->platform() == platform) return *c;
  throw std::logic_error("test_bot: no platform " + platform);
}

test_bot& test_bot::on(std::string platform) {
  platform_ = std::move(platform);
  return *this;
}

void test_bot::answer_with(const std::string& platform, answer_fn f) {
  channel(platform).answer = std::move(f);
}

void test_bot::set_connected(const std::string& platform, bool connected) {
  channel(platform).connected = connected;
}

test_bot::~test_bot() = default;

test_bot& test_bot::as(std::string user) {
  user_ = std::move(user);
  return *this;
}

test_bot& test_bot::in_group(std::string group) {
  group_ = std::move(group);
  return *this;
}

test_bot& test_bot::in_private() {
  group_.clear();
  return *this;
}

bot::chat_ref test_bot::group(const std::string& name) const {
  return {platform_, "", bot::chat_kind::group, name};
}

void test_bot::register_group(const std::string& name, const std::string& building,
                              const std::string& purpose) {
  auto& db = core_->db;
  const std::int64_t now = clock_.now_ms();
  auto chat = db.chats.touch(group(name), name, core_->svc.default_community, now);
  auto admin = db.members.touch({platform_, "管理员", "管理员"}, now);
  db.chats.register_to(chat.id, core_->svc.default_community,
                       building.empty() ? std::nullopt : std::optional<std::string>(building), purpose,
                       admin.id, now);
}

bot::chat_ref test_bot::current_chat() const {
  return group_.empty() ? bot::chat_ref{platform_, "", bot::chat_kind::direct, user_} : group(group_);
}

replies test_bot::say(const std::string& text) {
  return say(text, {});
}

replies test_bot::say(const std::string& text, std::vector<bot::mention> mentions) {
  bot::message m;
  m.mentions = std::move(mentions);
  // Unique in the process: a bot restarted on the same database must not take a new message for a
  // platform's repeat of an old one.
  static std::atomic<long> next_id{0};
  m.id = "t" + std::to_string(++next_id);
  m.chat = current_chat();
  m.chat_title = group_;
  m.sender = {platform_, user_, user_};
  m.text = text;
  m.unix_ms = clock_.now_ms();
  return deliver(m);
}

replies test_bot::deliver(const bot::message& m) {
  last_id_ = m.id;
  core_->dispatch.handle(m);
  return drain();
}

replies test_bot::drain() {
  std::size_t before = captured_.size();
  auto& outbox = core_->db.outbox;
  // Rows to anonymous writers are deleted once settled: progress is what left the pending queue.
  for (int i = 0; i < 100; ++i) {
    auto before_round = outbox.count_in_state("pending");
    const auto captured_before = captured_.size();
    core_->outbox.pump();
    // A round that sent something may have queued as much (an alert that a platform is back).
    if (outbox.count_in_state("pending") == before_round && captured_.size() == captured_before) break;
  }
  replies r;
  r.all.assign(captured_.begin() + static_cast<std::ptrdiff_t>(before), captured_.end());
  return r;
}

replies test_bot::run_jobs() {
  // Like the service's timer: a job that scheduled another one due now gets it run at once.
  for (int round = 0; round < 10; ++round) {
    auto next = core_->jobs.run_due();
    if (!next || *next > clock_.now_ms()) break;
  }
  return drain();
}

void test_bot::import_roster(const std::string& csv) {
  std::istringstream in(csv);
  auto report = domain::units::import_roster(core_->db, core_->svc.default_community, in);
  INFO("roster errors: " << report.errors.size());
  REQUIRE(report.errors.empty());
}

}  // namespace testing
