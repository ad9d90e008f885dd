#include "adapters/webhook/webhook_adapter.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "adapters/webhook/webhook_schema.hpp"
#include "bot/crypto.hpp"
#include "bot/json_parse.hpp"
#include "bot/log.hpp"

namespace adapters::webhook {
namespace {

using nlohmann::json;

constexpr std::string_view signature_scheme = "sha256=";

inbound_result refuse(int status, std::string_view why) {
  bot::log::warn("webhook", "refused ({}): {}", status, why);
  return {bot::json_error(status, why), {}};
}

bot::send_result::status status_for(int http_status) {
  if (http_status >= 200 && http_status < 300) return bot::send_result::status::sent;
  if (http_status == 408 || http_status == 429 || http_status >= 500) return bot::send_result::status::retry;
  return bot::send_result::status::failed;
}

}  // namespace

std::optional<bot::http_response> webhook_adapter::check_headers(const bot::http_request& req) const {
  std::string sig = req.header("x-signature");
  if (sig.empty()) return refuse(401, "missing X-Signature").response;
  if (sig.rfind(signature_scheme, 0) != 0) return refuse(401, "X-Signature must be sha256=<hex>").response;
  return std::nullopt;
}

inbound_result webhook_adapter::parse_inbound(const bot::http_request& req) const {
  if (auto refusal = check_headers(req)) return {*refusal, {}};
  std::string sig = req.header("x-signature");
  constexpr std::string_view scheme = signature_scheme;
  std::string expected = bot::crypto::hmac_sha256_hex(cfg_.secret, req.body);
  std::string given = sig.substr(scheme.size());
  for (char& c : given)
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  if (!bot::crypto::constant_time_equal(given, expected)) return refuse(401, "bad signature");

  auto parsed = bot::parse_untrusted_json(req.body);
  if (parsed.refused == bot::untrusted_json::problem::too_deep) return refuse(400, bot::too_deep_message());
  const json& j = parsed.value;
  if (!parsed.ok() || !j.is_object()) return refuse(400, "body is not a JSON object");
  auto read = read_message(j);
  if (!read.message) return refuse(400, read.error);

  inbound_result out;
  out.response = {200, "application/json", R"({"ok":true})", {}};
  out.events.emplace_back(std::move(*read.message));
  return out;
}

bot::http_call webhook_adapter::render_outbound(const bot::delivery& row) const {
  json body{{"delivery_id", std::to_string(row.id)},
            {"platform", row.target.account},
            {"chat",
             {{"type", row.target.is_group() ? "group" : "direct"},
              {"id", bridge_id(row.target.account, row.target.id)}}},
            {"text", row.body.text}};
  if (!row.body.mentions.empty()) {
    auto& m = body["mentions"] = json::array();
    for (const auto& x : row.body.mentions)
      m.push_back({{"id", bridge_id(row.target.account, x.user_id)}, {"name", x.name}});
  }
  if (row.body.mention_all) body["mention_all"] = true;
  if (!row.body.quote_id.empty()) body["quote_id"] = row.body.quote_id;
  bot::http_call call;
  call.url = cfg_.outbound_url;
  call.body = body.dump();
  call.headers = {{"Content-Type", "application/json"},
                  {"X-Signature", "sha256=" + bot::crypto::hmac_sha256_hex(cfg_.secret, call.body)},
                  {"X-Estatebot-Delivery", std::to_string(row.id)}};
  return call;
}

bot::send_result webhook_adapter::read_send_response(const bot::http_reply& reply) const {
  bot::send_result r;
  if (reply.status == 0) {
    r.outcome =
        reply.request_sent ? bot::send_result::status::uncertain : bot::send_result::status::unreachable;
    r.error = reply.error;
    return r;
  }
  r.outcome = status_for(reply.status);
  if (r.outcome == bot::send_result::status::sent) {
    json j = bot::parse_untrusted_json(reply.body).value;
    if (j.is_object())
      if (auto id = j.find("message_id"); id != j.end()) r.platform_message_id = id_text(*id).value_or("");
    return r;
  }
  r.error = "HTTP " + std::to_string(reply.status);
  if (std::string after = reply.header("retry-after"); !after.empty()) {
    int secs = 0;
    auto [p, ec] = std::from_chars(after.data(), after.data() + after.size(), secs);
    if (ec == std::errc() && secs >= 0) r.retry_after_ms = std::int64_t{secs} * 1000;
  }
  return r;
}

}  // namespace adapters::webhook
