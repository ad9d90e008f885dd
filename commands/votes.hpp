// Owners' votes and polls (业主投票): the commands and the deadline job. The parts are
// commands/vote_open (managers open votes, the unreturned-ballot rule), vote_cast (owners vote and
// look), vote_manage (reminders, export, closing) and vote_view (how it all reads).
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace bot {
class feature_host;
}

namespace commands {

std::vector<bot::command_spec> vote_commands();
void install_votes(bot::feature_host& host);  // "vote.close": results at the deadline

}  // namespace commands
