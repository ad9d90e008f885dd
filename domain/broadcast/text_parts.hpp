// A long text (meeting minutes) cut into messages a chat shows whole: at paragraph breaks where
// possible, else at line breaks, else after a sentence's end (。！？.!?), else at the limit — never
// inside a UTF-8 character.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace domain::broadcast {

std::vector<std::string> text_parts(std::string_view text, std::size_t max_points);

}  // namespace domain::broadcast
