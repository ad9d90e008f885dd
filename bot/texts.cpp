#include "bot/texts.hpp"

#include <toml++/toml.h>

#include <stdexcept>

#include "bot/log.hpp"
#include "bot/texts_data.hpp"

namespace bot {

std::string_view locale_tag(locale l) { return l == locale::en_US ? "en-US" : "zh-CN"; }

std::optional<locale> parse_locale(std::string_view s) {
  if (s == "zh-CN" || s == "zh" || s == "zh_CN") return locale::zh_CN;
  if (s == "en-US" || s == "en" || s == "en_US") return locale::en_US;
  return std::nullopt;
}

const texts& texts::embedded() {
  static const texts catalogue = [] {
    texts t;
    for (const auto& f : embedded_text_files()) t.add_toml(f.name, f.content);
    return t;
  }();
  return catalogue;
}

void texts::add_toml(std::string_view file_name, std::string_view toml) {
  toml::table root;
  try {
    root = toml::parse(toml, file_name);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(fmt::format("texts/{}: {}", file_name, e.description()));
  }
  // A leaf is a table holding `zh` and `en`; its dotted path is the id.
  auto walk = [&](auto&& self, const toml::table& t, const std::string& prefix) -> void {
    if (t.contains("zh") || t.contains("en")) {
      auto zh = t["zh"].value<std::string>();
      auto en = t["en"].value<std::string>();
      if (!zh || !en || t.size() != 2)
        throw std::runtime_error(fmt::format("texts/{}: [{}] needs exactly zh and en strings", file_name, prefix));
      if (!entries_.emplace(prefix, entry{*zh, *en}).second)
        throw std::runtime_error(fmt::format("texts/{}: [{}] is defined twice", file_name, prefix));
      return;
    }
    for (const auto& [key, node] : t) {
      std::string id = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
      const auto* sub = node.as_table();
      if (!sub) throw std::runtime_error(fmt::format("texts/{}: {} is not a [table] with zh and en", file_name, id));
      self(self, *sub, id);
    }
  };
  walk(walk, root, "");
}

bool texts::has(std::string_view id) const { return entries_.find(id) != entries_.end(); }

std::vector<std::string> texts::ids() const {
  std::vector<std::string> out;
  out.reserve(entries_.size());
  for (const auto& [id, e] : entries_) out.push_back(id);
  return out;
}

std::string_view texts::raw(locale l, std::string_view id) const {
  auto it = entries_.find(id);
  if (it == entries_.end()) {
    log::error("texts", "missing text id {}", id);
    return id;
  }
  return l == locale::en_US ? it->second.en : it->second.zh;
}

std::string texts::vformat(locale l, std::string_view id,
                           const fmt::dynamic_format_arg_store<fmt::format_context>& args) const {
  std::string_view tmpl = raw(l, id);
  try {
    return fmt::vformat(tmpl, args);
  } catch (const fmt::format_error& e) {
    log::error("texts", "text {} ({}) does not format: {}", id, locale_tag(l), e.what());
    return std::string(tmpl);
  }
}

}  // namespace bot
