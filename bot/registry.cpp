#include "bot/registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "bot/utf8.hpp"

namespace bot {

void registry::add(command_spec spec) {
  if (spec.zh.empty() || spec.en.empty())
    throw std::logic_error("command " + spec.id + " needs zh and en names");
  if (by_id(spec.id)) throw std::logic_error("duplicate command id " + spec.id);
  std::size_t index = specs_.size();
  auto claim = [&](const std::string& name, locale l) {
    std::string key = l == locale::en_US ? utf8::to_lower_ascii(name) : name;
    if (!names_.emplace(key, std::pair{index, l}).second)
      throw std::logic_error("command name \"" + name + "\" of " + spec.id + " is already taken");
  };
  for (const auto& n : spec.zh) claim(n, locale::zh_CN);
  for (const auto& n : spec.en) claim(n, locale::en_US);
  for (const auto& n : spec.zh) zh_sorted_.push_back(n);
  std::stable_sort(zh_sorted_.begin(), zh_sorted_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  specs_.push_back(std::move(spec));
}

std::optional<command_match> registry::by_name(std::string_view name) const {
  auto it = names_.find(utf8::to_lower_ascii(name));
  if (it == names_.end()) it = names_.find(name);
  if (it == names_.end()) return std::nullopt;
  return command_match{&specs_[it->second.first], it->first, 1, it->second.second};
}

std::optional<command_match> registry::find(const std::vector<token>& tokens) const {
  if (tokens.empty()) return std::nullopt;
  if (tokens.size() >= 2) {  // two-word names first: "group register" beats "group"
    if (auto m = by_name(tokens[0].text + " " + tokens[1].text)) {
      m->words_used = 2;
      return m;
    }
  }
  return by_name(tokens[0].text);
}

std::vector<std::string> registry::suggest(std::string_view word) const {
  std::string lowered = utf8::to_lower_ascii(word);
  std::size_t len = utf8::length(lowered);
  // A suggestion keeps most of what was typed: "foo" is not a typo of "sos".
  std::size_t max_distance = len <= 3 ? 1 : len <= 6 ? 2 : 3;
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const auto& [name, where] : names_) {
    const std::size_t name_len = utf8::length(name);
    if (name.find(' ') != std::string::npos || name_len < 2) continue;  // not "?"
    // The lengths alone put it out of reach: no need to compare (a long word costs nothing).
    if ((len > name_len ? len - name_len : name_len - len) > max_distance) continue;
    std::size_t d = utf8::edit_distance(lowered, name);
    if (d > 0 && d <= max_distance && d < std::max<std::size_t>(name_len, 2)) found.emplace_back(d, name);
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (auto& [d, n] : found)
    if (out.size() < 3) out.push_back(std::move(n));
  return out;
}

const command_spec* registry::by_id(std::string_view id) const {
  for (const auto& s : specs_)
    if (s.id == id) return &s;
  return nullptr;
}

}  // namespace bot
