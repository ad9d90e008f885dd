// Where an owner's words say a problem is, when they say it: a room ("3栋2单元1201", "3-2-1201"),
// a building with what is in it ("5栋电梯", "2号楼西侧", "3栋2单元"), a floor and a spot ("13楼电梯口"),
// the garage ("地下车库B区", "B2层"), a gate ("东门", "北门道闸"), a lift ("2号电梯") or a named common
// spot ("中心花园", "游泳池"). Chinese numerals before 栋/号楼/单元/楼/层/号 count as digits ("三栋").
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "domain/units/address.hpp"

namespace domain::units {

struct named_place {
  std::string words;                    // the place as written (numerals as digits), never a phone number
  std::optional<unit_address> address;  // a room or a building (and unit) the words name
};

std::optional<named_place> find_place(std::string_view text);

}  // namespace domain::units
