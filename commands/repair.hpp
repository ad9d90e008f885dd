// 报修 / repair, 投诉 / complain, 建议 / suggest: owners (or any resident) report something and get
// a ticket number, the category, the priority and when to expect a response.
#pragma once
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/context.hpp"
#include "storage/ticket_store.hpp"

namespace commands {

std::vector<bot::command_spec> repair_commands();
// "已登记报修工单 #12 …" with the due times: shared by every way a ticket is opened.
std::string created_reply(const bot::context& ctx, const storage::ticket_row& t);

}  // namespace commands
