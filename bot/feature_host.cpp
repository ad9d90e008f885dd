#include "bot/feature_host.hpp"

#include "bot/log.hpp"
#include "bot/registry.hpp"
#include "bot/scheduler.hpp"

namespace bot {

void feature_host::command(command_spec spec) {
  p_.commands.add(std::move(spec));
}

void feature_host::add_job(const char* kind, std::function<void(const storage::job_row&)> run) {
  p_.jobs.on(kind, std::move(run));
}

void feature_host::unreadable_ref(const storage::job_row& row) {
  log::warn("scheduler", "job {} #{} has a ref its kind cannot read ({}); dropped", row.kind, row.id,
            row.ref);
}

void feature_host::on_chatter(chatter_hook h) {
  p_.hooks.on_chatter.push_back(std::move(h));
}

void feature_host::on_direct(chatter_hook h) {
  p_.hooks.on_direct.push_back(std::move(h));
}

void feature_host::on_member_joined(join_hook h) {
  p_.hooks.on_joined.push_back(std::move(h));
}

void feature_host::on_dead_letter(dead_letter_hook h) {
  p_.dead_letters.push_back(std::move(h));
}

void feature_host::on_outage(outage_hook h) {
  p_.outages.push_back(std::move(h));
}

}  // namespace bot
