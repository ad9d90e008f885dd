// The number of a ticket, notice or emergency as people type it after a command.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace commands {

// "7" or "#7" → 7 (a full-width ＃ is folded when the message is read); anything else, 0 and
// negative numbers → nothing.
std::optional<std::int64_t> parse_record_id(std::string_view word);

}  // namespace commands
