// Room addresses as owners type them: "3-2-1201", "3栋2单元1201", "3号楼2单元1201室", "3-1201",
// "3#楼2-1201", "A座1201", "5栋". Groups only ever see the masked form.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/texts.hpp"

namespace domain::units {

struct unit_address {
  std::string building;
  std::string unit;  // empty when the estate has no units
  std::string room;  // empty for a whole building ("5栋")

  bool has_room() const { return !room.empty(); }
  std::string canonical() const;  // "3-2-1201", "3-1201", "5"
  // "3栋2单元" / "3栋" (en: "bldg 3 unit 2"): never the room number.
  std::string masked(bot::locale l = bot::locale::zh_CN) const;
};

std::optional<unit_address> parse_unit_address(std::string_view text);
// The words English replies show, as separate words: "bldg 3 unit 2 room 1201", "building 5",
// "bldg 5 unit 1" ("bldg."/"block", "rm"/"apt"/"flat" too). `used` is how many words it took.
struct address_words {
  unit_address address;
  std::size_t used = 0;
};
std::optional<address_words> parse_address_words(const std::vector<std::string_view>& words);
// A building alone: "3栋", "3号楼", "3幢", "3#", or a bare number.
std::optional<std::string> parse_building(std::string_view text);
// The building named in free text ("3栋电梯又坏了" → "3"), for chat turned into a ticket.
std::optional<std::string> find_building(std::string_view text);

}  // namespace domain::units
