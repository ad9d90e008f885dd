// What happens to a notice (物业公告), whoever asks: how long it may be and how far ahead it may be
// set, posting it now or when its job runs, and what a recall does with each message of it —
// stop what has not gone out, withdraw what the platform can take back, correct the rest. The
// wording (the notice as groups read it, the correction) is the caller's: commands/notice.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>

#include "bot/clock.hpp"
#include "bot/job_kind.hpp"
#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/notice_store.hpp"

namespace domain::broadcast {

// A notice must fit one message on every platform: WeCom takes 2048 bytes of text, and a Chinese
// character is three of them.
inline constexpr std::size_t max_notice_title_points = 40;
inline constexpr std::size_t max_notice_body_points = 600;
inline constexpr std::int64_t max_schedule_ahead_ms = 366 * bot::day_ms;
// A scheduled notice goes out (ref "notice:<id>").
inline constexpr bot::id_job publish_job{"notice.publish", "notice:"};

using render_fn = std::function<bot::outgoing(bot::locale)>;

// Stores a new notice and sends it to every owners' group of its scope; returns how many groups.
std::size_t post_notice(bot::services& svc, storage::notice_row& n, const render_fn& render);
// Stores a new notice to go out at n.publish_at.
void schedule_notice(bot::services& svc, storage::notice_row& n);
// Sends a stored notice (now, or when its job runs); returns how many groups.
std::size_t publish(bot::services& svc, storage::notice_row& n, const render_fn& render);

struct recall_counts {
  int recalled = 0;   // withdrawn where the platform allows it
  int corrected = 0;  // a correction sent where it does not
  int stopped = 0;    // never sent
};
// Marks the notice recalled by `by`. A scheduled one just does not go out; of a published one,
// what is still queued is stopped, what arrived is withdrawn or corrected (`correction`, in the
// group's language; `fallback` for a chat no longer known).
recall_counts recall_notice(bot::services& svc, const storage::notice_row& n, std::int64_t by,
                            const render_fn& correction, bot::locale fallback);

}  // namespace domain::broadcast
