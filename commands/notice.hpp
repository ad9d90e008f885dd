// Notices (物业公告): staff post to every owners' group of their community or of one building, now
// or at a set time, and recall them; `公告 7 送达` shows where each one arrived.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace bot {
class feature_host;
struct services;
}  // namespace bot
namespace storage {
struct outbox_row;
}

namespace commands {

std::vector<bot::command_spec> notice_commands();
void install_notice_jobs(bot::feature_host& host);  // "notice.publish": a scheduled notice goes out
// A recall the platform refused (too late, not allowed) becomes a correction notice in that group.
void on_notice_row_dead(bot::services& svc, const storage::outbox_row& row);

}  // namespace commands
