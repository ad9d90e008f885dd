#include "adapters/wechatbot/outbound.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "adapters/wechatbot/ids.hpp"
#include "bot/json_parse.hpp"

namespace adapters::wechatbot {
namespace {

using nlohmann::json;
using status = bot::send_result::status;

std::string percent_encoded(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       c == '-' || c == '.' || c == '_' || c == '~';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

std::string text_with_mentions(const bot::outgoing& body) {
  std::string out;
  if (body.mention_all) out += "@所有人\u2005";
  for (const auto& m : body.mentions) out += "@" + (m.name.empty() ? name_in(m.user_id) : m.name) + "\u2005";
  return out + body.text;
}

std::string message_of(const json& j) {
  auto it = j.find("message");
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool has_entries(const json& task, const char* key) {
  auto it = task.find(key);
  return it != task.end() && it->is_array() && !it->empty();
}

// The first reason the bridge gives in task.notFound / reject / sentFailed (sentFailed nests its
// reasons in data[]), else its message.
std::string reason_in(const json& j) {
  auto text = [](const json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, json::error_handler_t::replace);
  };
  if (auto task = j.find("task"); task != j.end() && task->is_object())
    for (const char* key : {"notFound", "reject", "sentFailed"}) {
      if (!has_entries(*task, key)) continue;
      const json& first = task->at(key).front();
      if (!first.is_object()) continue;
      if (auto e = first.find("error"); e != first.end() && !e->is_null()) return text(*e);
      if (auto data = first.find("data"); data != first.end() && data->is_array() && !data->empty())
        if (auto e = data->front().find("error"); data->front().is_object() && e != data->front().end())
          return text(*e);
    }
  std::string message = message_of(j);
  return message.empty() ? "no reason given" : message;
}

send_answer read_refusal(const json& j) {
  send_answer a;
  a.result.error = reason_in(j);
  auto it = j.find("task");
  const json* task = it != j.end() && it->is_object() ? &*it : nullptr;
  const std::string message = message_of(j);
  const bool not_found =
      (task && has_entries(*task, "notFound")) || message.find("not found") != std::string::npos;
  const bool rejected = (task && has_entries(*task, "reject")) || message.find("params") != std::string::npos;
  if (not_found || rejected) {
    a.result.outcome = status::failed;
  } else {
    a.result.outcome = status::retry;
    a.refused = true;
  }
  return a;
}

std::optional<std::int64_t> retry_after_ms(const bot::http_reply& reply) {
  std::string after = reply.header("retry-after");
  int secs = 0;
  auto [p, ec] = std::from_chars(after.data(), after.data() + after.size(), secs);
  if (after.empty() || ec != std::errc() || secs < 0) return std::nullopt;
  return std::int64_t{secs} * 1000;
}

}  // namespace

bot::http_call render_send(const bot::wechatbot_config& cfg, const bot::delivery& d) {
  json body = recipient(d.target);
  body["data"] = {{"type", "text"}, {"content", text_with_mentions(d.body)}};
  std::string base = cfg.api_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  bot::http_call call;
  call.url = base + "/webhook/msg/v2?token=" + percent_encoded(cfg.api_token);
  call.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  call.headers = {{"Content-Type", "application/json"}};
  return call;
}

send_answer read_send_answer(const bot::http_reply& reply) {
  send_answer a;
  if (reply.status == 0) {
    a.result.outcome = reply.request_sent ? status::uncertain : status::unreachable;
    a.result.error = reply.error;
    return a;
  }
  auto parsed = bot::parse_untrusted_json(reply.body);
  const json j = parsed.ok() && parsed.value.is_object() ? parsed.value : json::object();
  const std::string message = message_of(j);
  if (reply.status >= 200 && reply.status < 300) {
    auto success = j.find("success");
    if (success == j.end() || !success->is_boolean()) {
      a.result = {status::failed, "", "the answer is not the bridge's {\"success\": …}", std::nullopt};
      return a;
    }
    if (success->get<bool>()) return a;
    return read_refusal(j);
  }
  a.result.error = "HTTP " + std::to_string(reply.status) + (message.empty() ? "" : ": " + message);
  if (reply.status == 401 && message.find("login") != std::string::npos) {
    a.result.outcome = status::unreachable;
    a.logged_out = true;
  } else if (reply.status == 408 || reply.status == 429 || reply.status >= 500) {
    a.result.outcome = status::retry;
    a.result.retry_after_ms = retry_after_ms(reply);
  } else {
    a.result.outcome = status::failed;
  }
  return a;
}

}  // namespace adapters::wechatbot
