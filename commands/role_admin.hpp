// 授权 @李师傅 员工|经理|撤销: an admin gives someone the staff or manager role in the community of
// the chat, or takes a role given this way back (DOMAIN.md: admins grant roles). Roles in the
// config's [roles] are the operator's and stay as they are; chat grants only add to them. Every
// change is in the audit log.
#pragma once
#include <vector>

#include "bot/command.hpp"

namespace commands {

std::vector<bot::command_spec> role_admin_commands();

}  // namespace commands
