#include "bot/core.hpp"

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "bot/relay_seal.hpp"
#include "bot/texts.hpp"
#include "commands/all_commands.hpp"

namespace bot {
namespace {

constexpr std::int64_t inbound_memory_ms = 7 * day_ms;  // platform retries come within minutes

registry make_registry() {
  registry r;
  commands::register_all(r);
  return r;
}

}  // namespace

core::core(const config& c, const clock& clock_)
    : cfg(c),
      clk(clock_),
      database(cfg.storage.path, cfg.storage.busy_timeout_ms, cfg.storage.durability),
      db(database),
      commands(make_registry()),
      svc{db, clk, texts::embedded(), cfg, commands, db.communities.ensure(cfg.community.name, clk.now_ms())},
      dispatch(svc),
      outbox(db, clk, cfg.outbox),
      jobs(db, clk) {
  svc.outbox = &outbox;
  db.outbox.seal_targets_with(
      {[this](const chat_ref& chat) { return relay_seal::seal_chat(cfg, chat); },
       [this](std::string_view sealed) { return relay_seal::open_chat(cfg, sealed); }});
  commands::install_hooks(*this);
  install_builtin_jobs();
}

void core::install_builtin_jobs() {
  jobs.on("inbound.prune", [this](const storage::job_row&) {
    int n = db.inbound.prune(clk.now_ms() - inbound_memory_ms);
    if (n > 0) log::info("scheduler", "forgot {} old inbound message ids", n);
    db.jobs.schedule("inbound.prune", "", clk.now_ms() + day_ms, "{}", clk.now_ms());
  });
  jobs.ensure("inbound.prune", "", clk.now_ms() + day_ms);
}

}  // namespace bot
