// What a category's tickets are mostly about: the two-character words (水管, 漏水, 异响) that the
// most descriptions share. Chinese has no spaces, so every pair of adjacent Han characters counts
// once per description; pairs with a function word (的, 了, 我 …) or a character of the
// category's own name where the description writes it are left out; a pair that every description
// holding it writes inside the same longer phrase stands for that phrase (楼下 → 楼下烧烤, up to 8
// characters).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace domain::stats {

// At most `limit` words, each shared by at least two descriptions, the most shared first.
std::vector<std::string> top_words(const std::vector<std::string>& descriptions, std::string_view category_name,
                                   std::size_t limit);

}  // namespace domain::stats
