#include "adapters/wecom/api_answer.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "bot/json_parse.hpp"

namespace adapters::wecom {
namespace {

using status = bot::send_result::status;

constexpr std::int64_t frequency_backoff_ms = 60'000;  // the robots' limit is per minute

bool busy(long code) {
  // -1 system busy; 45009 api freq out of limit; 45033 concurrency; 45011 api minute-quota (MP).
  return code == -1 || code == 45009 || code == 45033 || code == 45011;
}

bool configuration(long code) {
  // 40001 bad secret; 40013 bad corp id or app id; 40125 bad app secret (MP); 60020 IP not trusted;
  // 40014 / 42001 after the one retry with a new token.
  return code == 40001 || code == 40013 || code == 40125 || code == 60020 || token_refused(code);
}

std::string errmsg_of(const nlohmann::json& j) {
  auto it = j.find("errmsg");
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

bool token_refused(long errcode) {
  return errcode == 40001 || errcode == 40014 || errcode == 42001;
}

std::optional<long> errcode_of(const bot::http_reply& reply) {
  auto parsed = bot::parse_untrusted_json(reply.body);
  if (!parsed.ok() || !parsed.value.is_object()) return std::nullopt;
  auto it = parsed.value.find("errcode");
  if (it == parsed.value.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<long>();
}

bot::send_result read_api_answer(const bot::http_reply& reply) {
  bot::send_result r;
  if (reply.status == 0) {
    r.outcome = reply.request_sent ? status::uncertain : status::unreachable;
    r.error = reply.error;
    return r;
  }
  if (reply.status != 200) {
    r.outcome = reply.status == 429 || reply.status >= 500 ? status::retry : status::failed;
    r.error = "HTTP " + std::to_string(reply.status);
    return r;
  }
  auto parsed = bot::parse_untrusted_json(reply.body);
  const auto code = errcode_of(reply);
  if (!code) {
    r.outcome = status::retry;
    r.error = "the answer is not {\"errcode\": …}";
    return r;
  }
  if (*code == 0) {
    if (auto it = parsed.value.find("msgid"); it != parsed.value.end())
      r.platform_message_id = it->is_string() ? it->get<std::string>() : it->dump();
    return r;
  }
  r.error = fmt::format("errcode {}: {}", *code, errmsg_of(parsed.value));
  if (busy(*code)) {
    r.outcome = status::retry;
    if (*code == 45009 || *code == 45011) r.retry_after_ms = frequency_backoff_ms;
  } else if (configuration(*code)) {
    r.outcome = status::retry;
  } else {
    if (*code == 45015)
      r.error = "errcode 45015: the user has not written for 48 hours (customer-service window)";
    if (*code == 45047) r.error = "errcode 45047: 20 messages sent since the user last wrote";
    r.outcome = status::failed;
  }
  return r;
}

}  // namespace adapters::wecom
