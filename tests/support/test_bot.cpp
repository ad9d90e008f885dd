#include "support/test_bot.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "adapters/console/console_session.hpp"
#include "bot/roster_import.hpp"

namespace testing {

class test_bot::capture_channel final : public bot::channel {
 public:
  explicit capture_channel(std::vector<sent_message>& out) : out_(out) {}
  std::string_view platform() const override { return "console"; }
  std::optional<bot::rate> chat_rate() const override { return bot::rate{1000.0, 1000}; }
  void send(const storage::outbox_row& row, std::function<void(bot::send_result)> done) override {
    out_.push_back({row.target, row.body, adapters::console::render(row.target, row.body)});
    done({bot::send_result::status::sent, "m" + std::to_string(row.id), {}, std::nullopt});
  }

 private:
  std::vector<sent_message>& out_;
};

namespace {

std::string base_config(const std::string& extra, const std::string& storage_path) {
  return R"(
[storage]
path = ")" +
         storage_path + R"("
[roles]
admins = ["console:管理员"]
managers = ["console:经理"]
staff = ["console:王师傅", "console:李师傅"]
)" + extra;
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
    : core_(std::make_unique<bot::core>(bot::config::parse(base_config(extra_toml, storage_path), "test"),
                                        clock_)),
      channel_(std::make_unique<capture_channel>(captured_)) {
  core_->outbox.add_channel(*channel_);
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
  return {"console", "", bot::chat_kind::group, name};
}

bot::chat_ref test_bot::current_chat() const {
  return group_.empty() ? bot::chat_ref{"console", "", bot::chat_kind::direct, user_} : group(group_);
}

replies test_bot::say(const std::string& text) {
  bot::message m;
  m.id = "t" + std::to_string(++counter_);
  m.chat = current_chat();
  m.chat_title = group_;
  m.sender = {"console", user_, user_};
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
  for (int i = 0; i < 100; ++i) {
    std::size_t n = captured_.size();
    core_->outbox.pump();
    if (captured_.size() == n) break;
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
  auto report = bot::import_roster(core_->db, core_->svc.default_community, in);
  INFO("roster errors: " << report.errors.size());
  REQUIRE(report.errors.empty());
}

}  // namespace testing
