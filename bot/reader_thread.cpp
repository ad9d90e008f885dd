#include "bot/reader_thread.hpp"

#include <memory>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/log.hpp"
#include "bot/services.hpp"
#include "storage/database.hpp"
#include "storage/stores.hpp"

namespace bot {

reader_thread::reader_thread(std::string path, const services& loop,
                             std::function<void(std::function<void()>)> to_loop)
    : path_(std::move(path)),
      loop_(loop),
      to_loop_(std::move(to_loop)),
      thread_([this](std::stop_token stop) { serve(stop); }) {}

reader_thread::~reader_thread() {
  thread_.request_stop();
  wake_.notify_all();
}

void reader_thread::run(std::int64_t now, std::function<void(services&)> read,
                        std::function<void(bool)> done) {
  {
    std::lock_guard lock(m_);
    queue_.push_back({now, std::move(read), std::move(done)});
  }
  wake_.notify_one();
}

void reader_thread::serve(std::stop_token stop) {
  std::unique_ptr<storage::database> db;
  std::unique_ptr<storage::stores> stores;
  for (;;) {
    job j;
    {
      std::unique_lock lock(m_);
      if (!wake_.wait(lock, stop, [this] { return !queue_.empty(); })) return;  // stopped
      j = std::move(queue_.front());
      queue_.pop_front();
    }
    bool ok = false;
    try {
      if (!db) {
        db = std::make_unique<storage::database>(path_, loop_.cfg.storage.busy_timeout_ms,
                                                 storage::durability::process,
                                                 storage::connection_role::helper);
        stores = std::make_unique<storage::stores>(*db);
      }
      const manual_clock at(j.now);
      services s{*stores, at, loop_.t, loop_.cfg, loop_.commands, loop_.default_community, nullptr};
      j.read(s);
      ok = true;
    } catch (const std::exception& e) {
      log::error("reports", "a read off the event loop failed: {}", e.what());
      stores.reset();  // opened again for the next read
      db.reset();
    }
    if (db) db->end_reads();  // no snapshot held between reads: checkpoints go on
    to_loop_([done = std::move(j.done), ok] { done(ok); });
  }
}

}  // namespace bot
