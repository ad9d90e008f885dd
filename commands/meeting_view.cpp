#include "commands/meeting_view.hpp"

#include <chrono>

#include "bot/config.hpp"
#include "bot/local_time.hpp"
#include "commands/broadcast.hpp"
#include "commands/ticket_texts.hpp"
#include "domain/broadcast/text_parts.hpp"
#include "domain/privacy/redact.hpp"
#include "domain/ticket_types.hpp"

namespace commands {
namespace {

constexpr std::size_t minutes_part_points = 1200;

// Rooms and phone numbers out, the community's own service numbers kept.
std::string masked_meeting_text(const bot::services& svc, std::string_view text, bot::locale l) {
  return domain::privacy::redact_for_group(text, l, svc.cfg);
}

std::string place_of(const bot::services& svc, bot::locale l, const storage::meeting_row& m) {
  return m.place.empty() ? svc.t(l, "meeting.place_unknown") : masked_meeting_text(svc, m.place, l);
}

}  // namespace

std::string meeting_time(const bot::services& svc, bot::locale l, std::int64_t at) {
  const bot::local_time_zone tz{svc.cfg.community.utc_offset_minutes};
  const auto local_days = std::chrono::floor<std::chrono::days>(
      std::chrono::milliseconds(at + svc.cfg.community.utc_offset_minutes * 60'000LL));
  const unsigned wd = std::chrono::weekday{std::chrono::sys_days{local_days}}.iso_encoding();
  return svc.t(l, "meeting.time", fmt::arg("time", tz.format_with_year(at)),
               fmt::arg("weekday", svc.t(l, "meeting.weekday." + std::to_string(wd))));
}

std::string meeting_title(const bot::services& svc, bot::locale l, const storage::meeting_row& m) {
  return masked_meeting_text(svc, m.title, l);
}

std::string meeting_audience(const bot::services& svc, bot::locale l, const storage::meeting_row& m) {
  if (m.category) {
    auto c = domain::parse_ticket_category(*m.category);
    return svc.t(l, "meeting.audience_category",
                 fmt::arg("category", c ? svc.t(l, text_id(*c)) : *m.category));
  }
  return scope_text(svc, l, m.building);
}

std::string meeting_notice(const bot::services& svc, bot::locale l, const storage::meeting_row& m) {
  return svc.t(l, "meeting.notice", fmt::arg("id", m.id),
               fmt::arg("title", masked_meeting_text(svc, m.title, l)),
               fmt::arg("time", meeting_time(svc, l, m.starts_at)), fmt::arg("place", place_of(svc, l, m)),
               fmt::arg("audience", meeting_audience(svc, l, m)));
}

std::string meeting_reminder(const bot::services& svc, bot::locale l, const storage::meeting_row& m,
                             int attending) {
  return svc.t(l, m.place.empty() ? "meeting.reminder_no_place" : "meeting.reminder", fmt::arg("id", m.id),
               fmt::arg("title", masked_meeting_text(svc, m.title, l)),
               fmt::arg("time", meeting_time(svc, l, m.starts_at)), fmt::arg("place", place_of(svc, l, m)),
               fmt::arg("n", attending));
}

std::string meeting_line(const bot::services& svc, bot::locale l, const storage::meeting_row& m) {
  return svc.t(l, m.minutes ? "meeting.line_minutes" : "meeting.line", fmt::arg("id", m.id),
               fmt::arg("title", masked_meeting_text(svc, m.title, l)),
               fmt::arg("time", meeting_time(svc, l, m.starts_at)));
}

std::vector<std::string> minutes_messages(const bot::services& svc, bot::locale l,
                                          const storage::meeting_row& m) {
  const auto parts =
      domain::broadcast::text_parts(masked_meeting_text(svc, m.minutes.value_or(""), l), minutes_part_points);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out.push_back(svc.t(l, parts.size() == 1 ? "meeting.minutes_one" : "meeting.minutes_part",
                        fmt::arg("id", m.id), fmt::arg("title", masked_meeting_text(svc, m.title, l)),
                        fmt::arg("i", i + 1), fmt::arg("n", parts.size()), fmt::arg("text", parts[i])));
  return out;
}

}  // namespace commands
