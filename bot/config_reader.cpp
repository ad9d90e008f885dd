#include "bot/config_reader.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace bot {

std::string config_reader::key_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

const toml::node* config_reader::get(std::string_view key) {
  read_.emplace(key);
  return table_ ? table_->get(key) : nullptr;
}

void config_reader::wrong_type(std::string_view key, std::string_view expected) const {
  throw config_error(fmt::format("{}: expected {}", key_path(key), expected));
}

void config_reader::read(std::string_view key, bool& out) {
  if (const auto* n = get(key)) {
    if (!n->is_boolean()) wrong_type(key, "true or false");
    out = n->as_boolean()->get();
  }
}

void config_reader::read(std::string_view key, std::string& out) {
  if (const auto* n = get(key)) {
    if (!n->is_string()) wrong_type(key, "a string");
    out = n->as_string()->get();
  }
}

void config_reader::read(std::string_view key, double& out) {
  if (const auto* n = get(key)) {
    if (n->is_integer())
      out = static_cast<double>(n->as_integer()->get());
    else if (n->is_floating_point())
      out = n->as_floating_point()->get();
    else
      wrong_type(key, "a number");
  }
}

void config_reader::read(std::string_view key, std::vector<std::string>& out) {
  if (const auto* n = get(key)) {
    const auto* arr = n->as_array();
    if (!arr) wrong_type(key, "a list of strings");
    std::vector<std::string> values;
    for (const auto& item : *arr) {
      if (!item.is_string()) wrong_type(key, "a list of strings");
      values.push_back(item.as_string()->get());
    }
    out = std::move(values);
  }
}

void config_reader::read(std::string_view key, std::map<std::string, std::string>& out) {
  if (const auto* n = get(key)) {
    const auto* t = n->as_table();
    if (!t) wrong_type(key, "a table of strings");
    std::map<std::string, std::string> values;
    for (const auto& [k, v] : *t) {
      if (!v.is_string()) throw config_error(fmt::format("{}.{}: expected a string", key_path(key), k.str()));
      values.emplace(std::string(k.str()), v.as_string()->get());
    }
    out = std::move(values);
  }
}

void config_reader::read_ids(std::string_view key, std::vector<std::string>& out) {
  if (const auto* n = get(key)) {
    const auto* arr = n->as_array();
    if (!arr) wrong_type(key, "a list of ids");
    std::vector<std::string> values;
    for (const auto& item : *arr) {
      if (item.is_string() && !item.as_string()->get().empty())
        values.push_back(item.as_string()->get());
      else if (item.is_integer())
        values.push_back(std::to_string(item.as_integer()->get()));
      else
        wrong_type(key, "a list of ids (numbers or strings)");
    }
    out = std::move(values);
  }
}

void config_reader::read_id(std::string_view key, std::string& out) {
  if (const auto* n = get(key)) {
    if (n->is_string() && !n->as_string()->get().empty())
      out = n->as_string()->get();
    else if (n->is_integer())
      out = std::to_string(n->as_integer()->get());
    else
      wrong_type(key, "an id (a number or a string)");
  }
}

std::optional<std::int64_t> config_reader::integer(std::string_view key, std::int64_t min, std::int64_t max) {
  const auto* n = get(key);
  if (!n) return std::nullopt;
  if (!n->is_integer()) wrong_type(key, "an integer");
  std::int64_t v = n->as_integer()->get();
  if (v < min || v > max)
    throw config_error(fmt::format("{}: {} is outside {}..{}", key_path(key), v, min, max));
  return v;
}

void config_reader::read_secret(std::string_view adapter, std::string_view key, std::string& out) {
  read(key, out);
  const std::string name = secret_env_name(adapter, key);
  if (const char* env = std::getenv(name.c_str()); env && *env) {
    out = env;
  } else if (file_env_) {
    if (auto it = file_env_->find(name); it != file_env_->end() && !it->second.empty()) out = it->second;
  }
}

void config_reader::require_url(std::string_view key, const std::string& url) const {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    throw config_error(fmt::format("{}: must be an http:// or https:// URL", key_path(key)));
}

void config_reader::require_path(std::string_view key, const std::string& path) const {
  if (path.empty() || path.front() != '/') throw config_error(key_path(key) + ": must start with /");
}

config_reader config_reader::table(std::string_view key) {
  const auto* n = get(key);
  if (n && !n->is_table()) wrong_type(key, "a [table]");
  config_reader child(n ? n->as_table() : nullptr, key_path(key));
  child.use_env_file(file_env_);
  return child;
}

std::vector<std::string> config_reader::table_keys() {
  std::vector<std::string> keys;
  if (!table_) return keys;
  for (const auto& [k, v] : *table_) {
    if (!v.is_table()) continue;
    keys.emplace_back(k.str());
  }
  return keys;
}

void config_reader::finish() const {
  if (!table_) return;
  for (const auto& [k, v] : *table_)
    if (!read_.contains(k.str())) throw config_error(fmt::format("{}: unknown key", key_path(k.str())));
}

}  // namespace bot
