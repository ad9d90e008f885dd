#include "adapters/webhook/webhook_adapter.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

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

// A required string field; ids may also arrive as numbers.
std::optional<std::string> id_field(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if (it->is_string() && !it->get<std::string>().empty()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return std::nullopt;
}

bool valid_network(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
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
  auto network = j.find("platform");
  if (network == j.end() || !network->is_string() || !valid_network(network->get<std::string>()))
    return refuse(400, "platform: required, 1-32 of a-z 0-9 - _");
  auto msg_id = id_field(j, "message_id");
  if (!msg_id) return refuse(400, "message_id: required string");
  auto chat = j.find("chat");
  if (chat == j.end() || !chat->is_object()) return refuse(400, "chat: required object");
  auto chat_id = id_field(*chat, "id");
  std::string chat_type = chat->value("type", "");
  if (!chat_id || (chat_type != "group" && chat_type != "direct"))
    return refuse(400, "chat.type must be group or direct, chat.id required");
  auto sender = j.find("sender");
  if (sender == j.end() || !sender->is_object()) return refuse(400, "sender: required object");
  auto sender_id = id_field(*sender, "id");
  if (!sender_id) return refuse(400, "sender.id: required");
  auto text = j.find("text");
  if (text == j.end() || !text->is_string()) return refuse(400, "text: required string");

  bot::message m;
  m.id = *msg_id;
  m.chat = {std::string(platform), network->get<std::string>(),
            chat_type == "group" ? bot::chat_kind::group : bot::chat_kind::direct, *chat_id};
  if (auto name = chat->find("name"); name != chat->end() && name->is_string())
    m.chat_title = name->get<std::string>();
  m.sender = {std::string(platform), *sender_id, ""};
  if (auto name = sender->find("name"); name != sender->end() && name->is_string())
    m.sender.name = name->get<std::string>();
  m.text = text->get<std::string>();
  if (auto t = j.find("time"); t != j.end() && t->is_number_integer())
    m.unix_ms = bot::platform_time_ms(t->get<double>());
  if (auto b = j.find("mentions_bot"); b != j.end() && b->is_boolean()) m.addressed_to_bot = b->get<bool>();
  if (auto q = id_field(j, "quote_id")) m.quoted_id = *q;
  if (auto imgs = j.find("images"); imgs != j.end() && imgs->is_array())
    for (const auto& i : *imgs)
      if (i.is_string()) m.images.push_back({i.get<std::string>()});

  inbound_result out;
  out.response = {200, "application/json", R"({"ok":true})", {}};
  out.events.emplace_back(std::move(m));
  return out;
}

bot::http_call webhook_adapter::render_outbound(const bot::delivery& row) const {
  json body{{"delivery_id", std::to_string(row.id)},
            {"platform", row.target.account},
            {"chat", {{"type", row.target.is_group() ? "group" : "direct"}, {"id", row.target.id}}},
            {"text", row.body.text}};
  if (!row.body.mentions.empty()) {
    auto& m = body["mentions"] = json::array();
    for (const auto& x : row.body.mentions) m.push_back({{"id", x.user_id}, {"name", x.name}});
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
    r.outcome = reply.request_sent ? bot::send_result::status::uncertain : bot::send_result::status::retry;
    r.error = reply.error;
    return r;
  }
  r.outcome = status_for(reply.status);
  if (r.outcome == bot::send_result::status::sent) {
    json j = bot::parse_untrusted_json(reply.body).value;
    if (j.is_object())
      if (auto id = id_field(j, "message_id")) r.platform_message_id = *id;
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
