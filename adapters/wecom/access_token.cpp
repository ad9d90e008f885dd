#include "adapters/wecom/access_token.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "adapters/wecom/api_answer.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"

namespace adapters::wecom {

access_token::access_token(bot::http_client& http, const bot::clock& clk, std::string token_url,
                           int timeout_ms)
    : http_(http), clk_(clk), url_(std::move(token_url)), timeout_ms_(timeout_ms) {}

void access_token::get(answer done) {
  if (!token_.empty() && clk_.now_ms() < good_until_ms_) {
    done(token_, {});
    return;
  }
  waiting_.push_back(std::move(done));
  if (waiting_.size() > 1) return;  // a fetch is on its way
  ++fetches_;
  bot::http_call call;
  call.method = "GET";
  call.url = url_;
  call.timeout_ms = timeout_ms_;
  http_.request(std::move(call), [this](bot::http_reply reply) { fetched(reply); });
}

void access_token::fetched(const bot::http_reply& reply) {
  auto parsed = bot::parse_untrusted_json(reply.body);
  std::optional<std::string> token;
  // Success carries errcode 0 or (the Official Account's) no errcode at all.
  if (reply.status == 200 && parsed.ok() && parsed.value.is_object() && errcode_of(reply).value_or(0) == 0) {
    auto t = parsed.value.find("access_token");
    auto expires = parsed.value.find("expires_in");
    if (t != parsed.value.end() && t->is_string() && !t->get<std::string>().empty() &&
        t->get<std::string>().size() <= 2048) {
      const std::int64_t seconds =
          expires != parsed.value.end() && expires->is_number_integer() ? expires->get<std::int64_t>() : 7200;
      // Refreshed a little before WeCom would: five minutes, or half of a short life.
      const std::int64_t life = std::clamp<std::int64_t>(seconds, 0, 86'400);
      token_ = t->get<std::string>();
      good_until_ms_ = clk_.now_ms() + (life - std::min<std::int64_t>(300, life / 2)) * 1000;
      token = token_;
    }
  }
  bot::http_reply failure = reply;
  if (!token && reply.status == 200 && errcode_of(reply).value_or(0) == 0) {
    failure.status = 502;  // an "ok" without a token must not read as a sent message
    failure.body = R"({"errcode":-1,"errmsg":"gettoken answered without an access_token"})";
  }
  if (!token)
    bot::log::warn("wecom", "no access_token: HTTP {} {}", reply.status,
                   reply.status ? reply.body.substr(0, 200) : reply.error);
  auto callers = std::move(waiting_);
  waiting_.clear();
  for (auto& done : callers) done(token, failure);
}

void access_token::forget(const std::string& token) {
  if (token == token_) {
    token_.clear();
    good_until_ms_ = 0;
  }
}

namespace {

void attempt(bot::http_client& http, access_token& token,
             std::shared_ptr<std::function<bot::http_call(const std::string&)>> make,
             std::function<void(bot::http_reply)> done, bool may_retry) {
  token.get([&http, &token, make, done = std::move(done), may_retry](std::optional<std::string> t,
                                                                     const bot::http_reply& failure) mutable {
    if (!t) {
      done(failure);
      return;
    }
    http.request((*make)(*t), [&http, &token, make, done = std::move(done), may_retry,
                               used = *t](bot::http_reply reply) mutable {
      const auto code = errcode_of(reply);
      if (may_retry && reply.status == 200 && code && token_refused(*code)) {
        bot::log::info("wecom", "the access_token was refused (errcode {}): fetching a new one", *code);
        token.forget(used);
        attempt(http, token, make, std::move(done), false);
        return;
      }
      done(std::move(reply));
    });
  });
}

}  // namespace

void call_with_token(bot::http_client& http, access_token& token,
                     std::function<bot::http_call(const std::string& token)> make,
                     std::function<void(bot::http_reply)> done) {
  attempt(http, token, std::make_shared<std::function<bot::http_call(const std::string&)>>(std::move(make)),
          std::move(done), true);
}

}  // namespace adapters::wecom
