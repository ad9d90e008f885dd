// How votes read in chat: the announcement, progress while open (participation only, so that
// nobody votes with the crowd), the result with the rule applied, the per-building details, and an
// owner's own ballot. Room numbers appear only in what goes to the owner privately.
#pragma once
#include <string>

#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "domain/votes/tally.hpp"
#include "storage/vote_store.hpp"

namespace commands {

std::string vote_ref(std::int64_t id);                // "vote:7", the outbox ref of its broadcasts
std::string option_list(const storage::vote_row& v);  // "1.同意  2.反对  3.弃权"
std::string chosen_text(const storage::vote_row& v, const std::vector<int>& choices);  // "同意、弃权"
std::string area_text(std::int64_t centi);                                             // "1234.50"

bot::outgoing vote_announcement(const bot::services& svc, bot::locale l, const storage::vote_row& v);
std::string vote_progress(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                          const domain::votes::tally& t);
std::string vote_result(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                        const domain::votes::tally& t);
std::string vote_details(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                         const domain::votes::tally& t);
std::string vote_line(const bot::services& svc, bot::locale l, const storage::vote_row& v,
                      const domain::votes::tally& t);  // for 投票列表

}  // namespace commands
