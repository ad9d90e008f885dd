#include "commands/votes.hpp"

#include "bot/feature_host.hpp"
#include "commands/record_id.hpp"
#include "commands/vote_cast.hpp"
#include "commands/vote_manage.hpp"
#include "commands/vote_open.hpp"
#include "domain/votes/ballot_box.hpp"

namespace commands {

std::vector<bot::command_spec> vote_commands() {
  using bot::role;
  return {
      {.id = "vote.cast",
       .zh = {"投票"},
       .en = {"vote"},
       .topic = "votes",
       .min_role = role::resident,
       .run = vote_command,
       // "投票的事大家怎么看" is chat; "投票 7 同意" is a ballot.
       .bare_match = [](const bot::args& a) { return !a.empty() && parse_record_id(a[0]).has_value(); }},
      {.id = "vote.list", .zh = {"投票列表"}, .en = {"votes"}, .topic = "votes", .run = list_votes},
      {.id = "vote.open",
       .zh = {"发起投票", "发起表决"},
       .en = {"new vote", "newvote"},
       .topic = "votes",
       .min_role = role::manager,
       .run = open_vote_command},
      {.id = "vote.remind",
       .zh = {"投票提醒"},
       .en = {"vote remind"},
       .topic = "votes",
       .min_role = role::manager,
       .run = remind_vote_command},
      {.id = "vote.export",
       .zh = {"投票导出"},
       .en = {"vote export"},
       .topic = "votes",
       .min_role = role::manager,
       .run = export_vote_command},
      {.id = "vote.rules",
       .zh = {"投票规则"},
       .en = {"vote rules"},
       .topic = "votes",
       .min_role = role::manager,
       .run = vote_rules_command},
  };
}

void install_votes(bot::feature_host& host) {
  host.job(domain::votes::close_timer,
           [](const bot::job_run<std::int64_t>& job) { close_vote(job.svc, job.ref); });
}

}  // namespace commands
