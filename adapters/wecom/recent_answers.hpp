// The passive replies of the last half minute, by chat and message id. A passive reply counts as
// sent once it is in the HTTP answer; if that answer never reached WeCom or WeChat (a dropped
// connection, an overrun of their 5-second window), they retry the same message, which the
// dispatcher then processes no more: the retry gets the same reply again from here.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

namespace adapters::wecom {

class recent_answers {
 public:
  static constexpr std::int64_t keep_ms = 30'000;  // WeCom and WeChat retry within about 15 s
  static constexpr std::size_t max_kept = 4'096;

  std::optional<std::string> find(const std::string& key, std::int64_t now_ms);
  void keep(const std::string& key, std::string text, std::int64_t now_ms);

 private:
  void expire(std::int64_t now_ms);
  std::map<std::string, std::string> texts_;
  std::deque<std::pair<std::int64_t, std::string>> order_;  // when kept, key
};

}  // namespace adapters::wecom
