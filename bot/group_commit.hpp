// Group commit: the events handled in one turn of the event loop write into one transaction, and
// their answers wait for its commit. A commit (with its fsync under durability "power") then
// carries many events instead of one. The batch commits once the loop has run what was ready when
// it opened, when it holds `max_events`, or before anything else writes (database::share_writes).
// A failed commit rolls back every event of the batch; each of their HTTP answers becomes 500, so
// the platform sends the event again, and nothing an owner was told about is lost.
#pragma once
#include <functional>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace storage {
class database;
}

namespace bot {

class group_commit {
 public:
  // max_events <= 1: every event commits alone, as without group commit.
  group_commit(boost::asio::io_context& io, storage::database& db, int max_events);
  ~group_commit();
  group_commit(const group_commit&) = delete;
  group_commit& operator=(const group_commit&) = delete;

  // Runs one event's handling inside the batch (opening one if none is open).
  void run(const std::function<void()>& handle);
  // Taken before an event is handled; called after, with `done(committed)`: false when any commit
  // since it was taken failed (the event may have been in that batch), else once everything written
  // so far is committed — at once when no batch is open.
  std::function<void(std::function<void(bool committed)>)> watch();
  // Commits the open batch now (shutdown, tests).
  void commit();

  struct state;

 private:
  std::shared_ptr<state> state_;
};

}  // namespace bot
