#include "bot/core.hpp"

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "bot/relay_seal.hpp"
#include "bot/texts.hpp"
#include "storage/stores.hpp"

namespace bot {
namespace {

constexpr plain_job outbox_prune{"outbox.prune"};
constexpr int prune_batch = 2'000;             // rows per run: a few milliseconds of the event loop
constexpr std::int64_t next_batch_ms = 1'000;  // while there is more to delete
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
      database(cfg.storage.target(), cfg.storage.busy_timeout_ms, cfg.storage.durability),
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
    int n = db.inbound.prune(now - std::int64_t{job.svc.cfg.storage.keep_inbound_days} * day_ms);
    if (n > 0) log::info("scheduler", "forgot {} old inbound message ids", n);
    db.jobs.schedule(inbound_prune.name, inbound_prune.ref(), now + day_ms, "{}", now);
  });
  // Settled outbox rows older than keep_sent_days, a batch at a time so no run holds the loop.
  host.job(outbox_prune, [](const job_run<no_subject>& job) {
    auto& db = job.svc.db;
    const std::int64_t now = job.svc.clk.now_ms();
    const int days = job.svc.cfg.storage.keep_sent_days;
    const int n = days > 0 ? db.outbox.prune_settled(now - std::int64_t{days} * day_ms, prune_batch) : 0;
    if (n > 0) log::info("scheduler", "deleted {} outbox rows settled over {} days ago", n, days);
    db.jobs.schedule(outbox_prune.name, outbox_prune.ref(), now + (n == prune_batch ? next_batch_ms : day_ms),
                     "{}", now);
  });
  db.jobs.ensure(inbound_prune.name, inbound_prune.ref(), clk.now_ms() + day_ms, clk.now_ms());
  db.jobs.ensure(outbox_prune.name, outbox_prune.ref(), clk.now_ms() + day_ms, clk.now_ms());
}

}  // namespace bot
