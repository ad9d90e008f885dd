// A date and time typed after a command word (截止, 时间), read in the community's time zone, and
// the reply when it cannot be: unreadable, ambiguous ("7点": morning or evening?), past, or a day
// without an hour where one is needed — each with an example of what works.
#pragma once
#include <cstdint>
#include <string_view>

#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

// `end_of_day`: a day alone is its last minute (a deadline); otherwise it is refused.
std::optional<bot::failure> read_when(const bot::context& ctx, std::string_view text, bool end_of_day,
                                      std::int64_t& at);

}  // namespace commands
