// Finding notices again: 公告 7, 公告列表, 搜索公告 停水. Residents see published notices; staff also
// see scheduled and recalled ones.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/texts.hpp"
#include "storage/notice_store.hpp"

namespace bot {
class context;
struct services;
}  // namespace bot

namespace commands {

std::vector<bot::command_spec> notice_query_commands();
bot::command_result show_notice(bot::context& ctx, std::int64_t id);
// The notice a resident may see, or nullopt (another community, not yet published).
std::optional<storage::notice_row> visible_notice(bot::context& ctx, std::int64_t id);
// The title, or the start of the text for a notice posted without one.
std::string notice_title(const storage::notice_row& n);

}  // namespace commands
