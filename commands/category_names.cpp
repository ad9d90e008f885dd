#include "commands/category_names.hpp"

#include <string>

#include "bot/texts.hpp"
#include "bot/utf8.hpp"
#include "commands/ticket_texts.hpp"

namespace commands {

std::optional<domain::ticket_category> category_from_name(std::string_view word) {
  const auto& t = bot::texts::embedded();
  std::string lowered = bot::utf8::to_lower_ascii(word);
  for (auto category : domain::all_ticket_categories) {
    const std::string_view key = text_id(category);
    if (lowered == domain::to_text(category) || word == t.raw(bot::locale::zh_CN, key) ||
        lowered == bot::utf8::to_lower_ascii(t.raw(bot::locale::en_US, key)))
      return category;
  }
  return std::nullopt;
}

}  // namespace commands
