// What happens to an emergency (紧急情况), whoever asks: opening it with the groups it goes to and
// its automatic reminder, reminding those who have not acknowledged, and closing it. The wording
// of every message is the caller's (commands/emergency_view); the alert itself goes out through
// fan_out.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bot/job_kind.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/chat_store.hpp"
#include "storage/emergency_store.hpp"

namespace domain::broadcast {

// The automatic reminder of an open emergency (ref "emergency:<id>").
inline constexpr bot::id_job remind_job{"emergency.remind", "emergency:"};
inline constexpr std::size_t max_reminder_mentions = 20;  // more @s in one message look like spam to QQ

// The groups the emergency went to that the bot can still send to.
std::vector<storage::chat_row> reachable_groups(bot::services& svc, const storage::emergency_row& e);

// Stores a new emergency (community, building, title or template, detail, started_by and
// started_at filled in) with the groups it goes to, and schedules its automatic reminder when the
// config asks for one. The caller broadcasts the alert.
void open_emergency(bot::services& svc, storage::emergency_row& e,
                    const std::vector<storage::chat_row>& groups);

// Sends a reminder into every group, @-mentioning the people heard there who have not
// acknowledged (at most max_reminder_mentions per group), and records it. `text` words the
// reminder in a group's language. Returns (groups, mentioned people).
std::pair<std::size_t, std::size_t> remind(bot::services& svc, const storage::emergency_row& e,
                                           std::optional<std::int64_t> by,
                                           const std::function<std::string(bot::locale)>& text);

// Closes it and stops its reminder; the caller broadcasts the all-clear.
void close_emergency(bot::services& svc, const storage::emergency_row& e, std::int64_t by,
                     const std::string& note);

// What staff did while it was open, for the closing summary.
struct emergency_activity {
  int updates = 0;
  int reminders = 0;
};
emergency_activity activity_of(bot::services& svc, std::int64_t emergency_id);

}  // namespace domain::broadcast
