// Calling a meeting and telling its audience (domain/broadcast/audience): for a meeting about a
// kind of problem the owners who reported it are remembered as its invitees when it is called.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "bot/job_kind.hpp"
#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/meeting_store.hpp"

namespace domain::meetings {

// Job "meeting.remind": two hours before the start.
inline constexpr bot::id_job remind_timer{"meeting.remind", "meeting:"};
inline constexpr std::int64_t remind_before_ms = 2 * 60 * 60 * 1000;

std::string meeting_ref(std::int64_t id);  // "meeting:4"

// Stores the meeting, its invitees (category meetings) and its reminder; returns its id.
std::int64_t call_meeting(bot::services& svc, storage::meeting_row m);

// The messages for each group in its language, or for each invitee in the community's; returns how
// many groups or people were reached. `render` is called once per language and may give several
// messages (minutes in parts), which go out in order.
std::size_t tell_audience(bot::services& svc, storage::meeting_store& store, const storage::meeting_row& m,
                          const std::function<std::vector<std::string>(bot::locale)>& render,
                          const std::string& ref);

}  // namespace domain::meetings
