// The audience a manager names at the end of a meeting or a topic: `对象 全体`, `对象 3栋`,
// `for bldg 3`, or a problem category (`对象 停车`: the owners who reported parking problems).
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "bot/command.hpp"

namespace bot {
class context;
}

namespace commands {

struct audience_words {
  std::size_t at = 0;  // the index of 对象/目标/范围/for, or a.size() when none was said
  std::optional<std::string> building;
  std::optional<std::string> category;  // a ticket category id
};

std::optional<bot::failure> read_audience(const bot::context& ctx, const bot::args& a, std::size_t from,
                                          audience_words& out);
// The text of tokens [from, to) as typed.
std::string words_between(const bot::args& a, std::size_t from, std::size_t to);

}  // namespace commands
