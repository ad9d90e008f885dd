// An owner's plain sentence as the bot reads it: the intent model (domain/intent) with the
// community's own words on top — [tickets.offers] `keywords` always make a problem of a message,
// `ignore` words never do.
#pragma once
#include <string_view>

#include "domain/intent/classifier.hpp"

namespace bot {
class context;
}

namespace commands {

domain::intent::reading understand(const bot::context& ctx, std::string_view text);

}  // namespace commands
