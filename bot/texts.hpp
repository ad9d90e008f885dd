// The catalogue of user-facing texts: every string the bot says has an id with a zh-CN (default)
// and an en-US text, written in texts/*.toml as `[id] zh = "..." en = "..."` with {named} fields.
#pragma once
#include <fmt/args.h>
#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bot {

enum class locale { zh_CN, en_US };
std::string_view locale_tag(locale l);                // "zh-CN" | "en-US"
std::optional<locale> parse_locale(std::string_view);  // "zh-CN", "zh", "en-US", "en"

class texts {
 public:
  static const texts& embedded();  // the catalogue compiled into the binary (loaded once)

  void add_toml(std::string_view file_name, std::string_view toml);  // throws std::runtime_error

  bool has(std::string_view id) const;
  std::vector<std::string> ids() const;
  // The template; the id itself when it is missing (logged), so a gap never crashes a reply.
  std::string_view raw(locale l, std::string_view id) const;
  std::string vformat(locale l, std::string_view id, const fmt::dynamic_format_arg_store<fmt::format_context>& args) const;

  // t(locale::zh_CN, "ticket.created", fmt::arg("id", 12))
  template <class... A>
  std::string operator()(locale l, std::string_view id, A&&... named) const {
    fmt::dynamic_format_arg_store<fmt::format_context> store;
    (store.push_back(std::forward<A>(named)), ...);
    return vformat(l, id, store);
  }

 private:
  struct entry {
    std::string zh, en;
  };
  std::map<std::string, entry, std::less<>> entries_;
};

}  // namespace bot
