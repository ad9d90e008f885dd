#include "bot/env_file.hpp"

#include <fmt/format.h>

#include <fstream>
#include <regex>

#include "bot/config.hpp"

namespace bot {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// A value in matching quotes loses them, as systemd reads it ("a b" → a b).
std::string unquote(const std::string& v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    return v.substr(1, v.size() - 2);
  return v;
}

}  // namespace

std::map<std::string, std::string, std::less<>> read_env_file(const std::string& path,
                                                              const std::string& key) {
  std::ifstream in(path);
  if (!in) throw config_error(fmt::format("{}: cannot read {}", key, path));
  static const std::regex assignment(R"(([A-Za-z_][A-Za-z0-9_]*)\s*=(.*))");
  std::map<std::string, std::string, std::less<>> variables;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string text = trim(line);
    if (text.empty() || text.front() == '#' || text.front() == ';') continue;
    std::smatch m;
    if (!std::regex_match(text, m, assignment))
      throw config_error(fmt::format("{}: {} line {} is not KEY=value", key, path, number));
    variables[m[1].str()] = unquote(trim(m[2].str()));  // a later line wins, as in systemd
  }
  return variables;
}

}  // namespace bot
