#include "bot/core.hpp"

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "bot/relay_seal.hpp"
#include "bot/texts.hpp"
#include "storage/stores.hpp"

namespace bot {
namespace {

constexpr std::int64_t inbound_memory_ms = 7 * day_ms;  // platform retries come within minutes
constexpr plain_job inbound_prune{"inbound.prune"};

std::string_view send_status_name(send_result::status s) {
  switch (s) {
    case send_result::status::sent:
      return "sent";
    case send_result::status::retry:
      return "retry";
    case send_result::status::failed:
      return "failed";
    case send_result::status::uncertain:
      return "uncertain";
    case send_result::status::unreachable:
      return "unreachable";
    case send_result::status::confirming:
      return "confirming";
  }
  return "unknown";
}

}  // namespace

core::core(const config& c, const clock& clock_, const feature_installer& features)
    : cfg(c),
      clk(clock_),
      database(cfg.storage.path, cfg.storage.busy_timeout_ms, cfg.storage.durability),
      db(database),
      svc{db, clk, texts::embedded(), cfg, commands, db.communities.ensure(cfg.community.name, clk.now_ms())},
      dispatch(svc),
      outbox(db, clk, cfg.outbox),
      jobs(db, clk) {
  svc.outbox = &outbox;
  db.outbox.on_commit([this] {
    if (outbox.wake) outbox.wake();
  });
  db.outbox.seal_targets_with(
      {[this](const chat_ref& chat) { return relay_seal::seal_chat(cfg, chat); },
       [this](std::string_view sealed) { return relay_seal::open_chat(cfg, sealed); }});
  outbox.on_dead = [this](const storage::outbox_row& row, const std::string& error) {
    for (const auto& listener : dead_letters_) listener(svc, row, error);
  };
  outbox.on_outage = [this](const outage& o) {
    for (const auto& listener : outages_) listener(svc, o);
  };
  outbox.on_settle = [this](const storage::outbox_row& row, const send_result& r) {
    meter.count_send(row.target.platform, send_status_name(r.outcome));
  };
  dispatch.on_command = [this](const command_spec& spec) { meter.count_command(spec.id); };
  feature_host host({commands, jobs, dispatch.hooks(), dead_letters_, outages_, svc});
  install_builtin_jobs(host);
  if (features) features(host);
}

void core::install_builtin_jobs(feature_host& host) {
  host.job(inbound_prune, [](const job_run<no_subject>& job) {
    auto& db = job.svc.db;
    const std::int64_t now = job.svc.clk.now_ms();
    int n = db.inbound.prune(now - inbound_memory_ms);
    if (n > 0) log::info("scheduler", "forgot {} old inbound message ids", n);
    db.jobs.schedule(inbound_prune.name, inbound_prune.ref(), now + day_ms, "{}", now);
  });
  db.jobs.ensure(inbound_prune.name, inbound_prune.ref(), clk.now_ms() + day_ms, clk.now_ms());
}

}  // namespace bot
