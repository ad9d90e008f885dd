// The access_token of one app secret (WeCom gettoken, doc 91039; the Official Account's
// cgi-bin/token): fetched once for all callers waiting at that moment, cached until shortly
// before it expires, forgotten when the platform refuses it. Calls that carry it are retried once
// with a fresh token when the platform says it expired or is invalid (40001/40014/42001).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/http_types.hpp"

namespace bot {
class clock;
class http_client;
}  // namespace bot

namespace adapters::wecom {

class access_token {
 public:
  // `token_url`: the full GET URL with the credentials in its query.
  access_token(bot::http_client& http, const bot::clock& clk, std::string token_url, int timeout_ms);
  // The token, or the gettoken reply that brought none (its error is what the caller reports).
  using answer = std::function<void(std::optional<std::string> token, const bot::http_reply& failure)>;
  void get(answer done);
  void forget(const std::string& token);  // no-op when a newer token is cached already
  int fetches() const { return fetches_; }

 private:
  void fetched(const bot::http_reply& reply);

  bot::http_client& http_;
  const bot::clock& clk_;
  std::string url_;
  int timeout_ms_;
  std::string token_;
  std::int64_t good_until_ms_ = 0;
  std::vector<answer> waiting_;
  int fetches_ = 0;
};

// Makes the call with the token (`make` puts it into the URL); a refused token is replaced and the
// call made once more. `done` gets the API's reply, or the gettoken reply when no token came.
void call_with_token(bot::http_client& http, access_token& token,
                     std::function<bot::http_call(const std::string& token)> make,
                     std::function<void(bot::http_reply)> done);

}  // namespace adapters::wecom
