// 后台 / 退出后台: staff and managers ask privately for a one-time link to the web dashboard (good
// for [dashboard] link_minutes, once, for them and the community of the chat), and end every
// dashboard session of theirs from chat.
#pragma once
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/config.hpp"

namespace commands {

std::vector<bot::command_spec> dashboard_commands();

// Where people's browsers find the dashboard: [dashboard] public_url, else the listening address.
std::string dashboard_base_url(const bot::config& cfg);

}  // namespace commands
