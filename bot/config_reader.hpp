// Type-checked access to one TOML table that remembers which keys were read, so that any key
// left over (a typo, a key from another version) is reported by name.
#pragma once
#include <toml++/toml.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "bot/config.hpp"

namespace bot {

class config_reader {
 public:
  // Variables from the config's env_file (bot/env_file): secrets the process environment lacks.
  using environment = std::map<std::string, std::string, std::less<>>;

  config_reader(const toml::table* table, std::string path) : table_(table), path_(std::move(path)) {}
  // For this reader and the tables read through it.
  void use_env_file(const environment* variables) { file_env_ = variables; }

  bool present() const { return table_ != nullptr; }
  std::string key_path(std::string_view key) const;

  void read(std::string_view key, bool& out);
  void read(std::string_view key, std::string& out);
  void read(std::string_view key, std::vector<std::string>& out);
  void read(std::string_view key, double& out);
  void read(std::string_view key, std::map<std::string, std::string>& out);  // a table of strings
  // A list of ids written as strings or integers (QQ numbers: [10001, "10002"]).
  void read_ids(std::string_view key, std::vector<std::string>& out);
  void read_id(std::string_view key, std::string& out);  // one id, a number or a string
  template <class Int>
  requires std::is_integral_v<Int>
  void read(std::string_view key, Int& out, std::int64_t min, std::int64_t max) {
    if (auto v = integer(key, min, max)) out = static_cast<Int>(*v);
  }

  // A secret: the key, unless the environment (or else the env_file) sets ESTATEBOT_<ADAPTER>_<KEY>
  // (secret_env_name).
  void read_secret(std::string_view adapter, std::string_view key, std::string& out);
  // Throw config_error naming the key unless the value is an http(s) URL / starts with "/".
  void require_url(std::string_view key, const std::string& url) const;
  void require_path(std::string_view key, const std::string& path) const;

  config_reader table(std::string_view key);  // a missing sub-table reads as all defaults
  std::vector<std::string> table_keys();      // keys of sub-tables, marked as read
  void finish() const;                        // throws on any key that was not read

 private:
  const toml::node* get(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
  [[noreturn]] void wrong_type(std::string_view key, std::string_view expected) const;

  const toml::table* table_;
  std::string path_;
  std::set<std::string, std::less<>> read_;
  const environment* file_env_ = nullptr;
};

}  // namespace bot
