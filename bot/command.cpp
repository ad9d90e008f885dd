#include "bot/command.hpp"

#include "bot/utf8.hpp"

namespace bot {

std::string args::rest(std::size_t from) const {
  if (from >= tokens.size()) return {};
  return std::string(utf8::trim(std::string_view(body).substr(tokens[from].begin)));
}

}  // namespace bot
