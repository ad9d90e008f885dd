// Whom a meeting or a topic reaches: the owners' groups of a community or of one building, or —
// for one about a kind of problem (everyone who complained about parking) — privately the owners
// who reported tickets of that category. Messages go out in each group's language, or the
// community's for people, and may come in several parts (minutes), sent in order.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/services.hpp"
#include "bot/texts.hpp"

namespace domain::broadcast {

struct audience {
  std::int64_t community_id = 0;
  std::optional<std::string> building;
  std::optional<std::vector<std::int64_t>> people;  // set: these members privately, and no group
};

// The owners who reported tickets of `category` (a ticket category id, "parking").
std::vector<std::int64_t> reporters_of(bot::services& svc, std::int64_t community_id,
                                       const std::string& category);

// Returns how many groups or people were reached.
std::size_t tell(bot::services& svc, const audience& to,
                 const std::function<std::vector<std::string>(bot::locale)>& render, const std::string& ref);

}  // namespace domain::broadcast
