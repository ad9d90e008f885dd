// All command specs by name. Adding a duplicate id or name fails at start-up; a typo finds the
// nearest names.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bot/command.hpp"
#include "bot/texts.hpp"

namespace bot {

struct command_match {
  const command_spec* spec = nullptr;
  std::string name;            // the name as registered
  std::size_t words_used = 0;  // tokens the name took (English names may take two)
  locale lang = locale::zh_CN;
};

class registry {
 public:
  void add(command_spec spec);  // throws std::logic_error on a duplicate id or name
  std::optional<command_match> find(const std::vector<token>& tokens) const;
  // Names within a small edit distance of `word`, nearest first, in the word's language.
  std::vector<std::string> suggest(std::string_view word) const;
  const command_spec* by_id(std::string_view id) const;
  std::optional<command_match> by_name(std::string_view name) const;
  const std::vector<command_spec>& all() const { return specs_; }
  // Chinese names, longest first, for splitting "工单12" into "工单" "12".
  const std::vector<std::string>& zh_names_longest_first() const { return zh_sorted_; }

 private:
  std::vector<command_spec> specs_;
  std::map<std::string, std::pair<std::size_t, locale>, std::less<>> names_;  // name → spec index
  std::vector<std::string> zh_sorted_;
};

}  // namespace bot
