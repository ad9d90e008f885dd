// 意见箱 / the suggestion box: `匿名建议 ...` in private chat. The suggestion waits in the inbox,
// without a time and with the writer only sealed, until the next batch (every
// [suggestions] batch_minutes) turns every waiting suggestion into an anonymous ticket at once,
// so neither the ticket's number nor its time points at the moment someone wrote. Staff answer
// with `回复 12 ...`; the bot relays it through the seal; the seal is deleted when the ticket
// closes. The writer's activity is not recorded (command_spec::anonymous) and answers to them
// are deleted from the outbox once delivered. The inbox, its batches and the seal are
// domain/suggestions; this file is the command and the writer's notes.
#pragma once
#include <vector>

#include "bot/command.hpp"
#include "bot/services.hpp"

namespace bot {
class feature_host;
}

namespace commands {

std::vector<bot::command_spec> suggestion_box_commands();
// Job "suggestions.flush": opens the tickets of the waiting suggestions.
void flush_suggestions(bot::services& svc);
void install_suggestion_box(bot::feature_host& host);  // "suggestions.flush": the batches to staff

}  // namespace commands
