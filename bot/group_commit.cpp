#include "bot/group_commit.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <exception>
#include <utility>
#include <vector>

#include "bot/log.hpp"
#include "storage/database.hpp"

namespace bot {

struct group_commit::state {
  state(boost::asio::io_context& io, storage::database& db, int max_events)
      : db(db), max_events(max_events), turn_end(io) {}

  storage::database& db;
  int max_events;
  std::unique_ptr<storage::transaction> batch;
  int events = 0;
  std::uint64_t failures = 0;  // commits that failed so far
  std::vector<std::function<void(bool)>> waiting;
  boost::asio::steady_timer turn_end;

  void open(const std::weak_ptr<state>& self) {
    batch = std::make_unique<storage::transaction>(db);
    db.batch_open() = true;
    events = 0;
    // A timer already due fires at the loop's next look for I/O: handlers queued meanwhile (requests
    // read in this turn, WebSocket frames already buffered) run first and join; then it commits.
    turn_end.expires_at(boost::asio::steady_timer::clock_type::time_point::min());
    turn_end.async_wait([self](const boost::system::error_code& ec) {
      if (auto s = self.lock(); s && !ec) s->commit();
    });
  }

  void commit() {
    if (!batch) return;
    auto ending = std::move(batch);  // a commit callback that writes starts afresh
    db.batch_open() = false;
    auto told = std::move(waiting);
    waiting.clear();
    bool committed = true;
    try {
      ending->commit();
    } catch (const std::exception& e) {
      committed = false;
      ++failures;
      log::error("storage", "a commit of {} event(s) failed, their answers say so: {}", events, e.what());
    }
    ending.reset();  // rolls back what did not commit
    for (auto& done : told) done(committed);
  }
};

group_commit::group_commit(boost::asio::io_context& io, storage::database& db, int max_events)
    : state_(std::make_shared<state>(io, db, max_events)) {
  if (max_events > 1) db.share_writes([s = state_.get()] { s->commit(); });
}

group_commit::~group_commit() {
  commit();
  state_->db.share_writes({});
}

void group_commit::run(const std::function<void()>& handle) {
  auto& s = *state_;
  if (s.max_events <= 1) {
    handle();
    return;
  }
  if (!s.batch) s.open(state_);
  struct in_event {
    bool& flag;
    explicit in_event(bool& f) : flag(f) { flag = true; }
    ~in_event() { flag = false; }
  } scope(s.db.in_event());
  try {
    handle();
  } catch (...) {
    ++s.events;
    throw;
  }
  if (++s.events >= s.max_events) s.commit();
}

std::function<void(std::function<void(bool)>)> group_commit::watch() {
  return [weak = std::weak_ptr<state>(state_), failures = state_->failures](std::function<void(bool)> done) {
    auto s = weak.lock();
    if (!s || s->failures != failures) {
      done(false);
      return;
    }
    if (!s->batch) {
      done(true);
      return;
    }
    s->waiting.push_back(std::move(done));
  };
}

void group_commit::commit() {
  state_->commit();
}

}  // namespace bot
