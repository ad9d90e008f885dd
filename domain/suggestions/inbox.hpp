// The suggestion box's inbox (匿名建议): a suggestion waits without a time and with its writer only
// sealed until the next batch (every [suggestions] batch_minutes) turns every waiting suggestion
// into an anonymous ticket at once, shuffled, so that neither the ticket's number nor its time
// points at the moment someone wrote. How many a writer may send a day is counted under a keyed
// hash (see seal.hpp). The command and the wording are commands/suggestion_box.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "bot/job_kind.hpp"
#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "domain/suggestions/seal.hpp"
#include "domain/tickets/desk.hpp"

namespace domain::suggestions {

// Job "suggestions.flush": opens the tickets of the waiting suggestions.
inline constexpr bot::plain_job flush_timer{"suggestions.flush"};

// Counts one suggestion against the writer's quota for the local day; false when it is used up.
bool use_quota(bot::services& svc, const bot::user_ref& writer);
// Queues a suggestion, its writer sealed, and makes sure a batch takes it; returns when that goes.
std::int64_t queue(bot::services& svc, std::int64_t community_id, const std::string& text,
                   const sealed_writer& writer);
// The batch: every waiting suggestion becomes an anonymous ticket, and a writer whose seal still
// opens is told its number through the seal (`filed`: the note in their language).
void flush(bot::services& svc, tickets::ticket_desk& desk,
           const std::function<std::string(bot::locale, std::int64_t ticket_id)>& filed);

}  // namespace domain::suggestions
