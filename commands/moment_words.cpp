#include "commands/moment_words.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/natural_time.hpp"

namespace commands {

std::optional<bot::failure> read_when(const bot::context& ctx, std::string_view text, bool end_of_day,
                                      std::int64_t& at) {
  const bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
  auto r = bot::read_moment(text, ctx.now(), tz, end_of_day);
  if (r.at) {
    at = *r.at;
    return std::nullopt;
  }
  const char* id = "time.unreadable";
  switch (r.problem) {
    case bot::time_problem::unreadable:
      id = "time.unreadable";
      break;
    case bot::time_problem::ambiguous:
      id = "time.ambiguous";
      break;
    case bot::time_problem::past:
      id = "time.past";
      break;
    case bot::time_problem::no_time:
      id = "time.no_time";
      break;
  }
  return ctx.fail(id, fmt::arg("text", text), fmt::arg("now", tz.format_with_year(ctx.now())));
}

}  // namespace commands
