// The message a config text is refused with, for tests of the config file's checks.
#pragma once
#include <string>

#include "bot/config.hpp"

namespace testing {

// config_error's text ("adapters.onebot12.access_token: required …"), or "no error".
inline std::string config_error_of(const std::string& toml) {
  try {
    bot::config::parse(toml, "test.toml");
  } catch (const bot::config_error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace testing
