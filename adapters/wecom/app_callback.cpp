#include "adapters/wecom/app_callback.hpp"

#include "adapters/wecom/callback_message.hpp"
#include "bot/log.hpp"

namespace adapters::wecom {
namespace {

constexpr const char* module = "wecom";

app_inbound refused(const check& c) {
  return {refuse(module, c), std::nullopt, {}};
}

app_inbound acknowledged() {
  return {{200, "text/plain; charset=utf-8", "", {}}, std::nullopt, {}};
}

}  // namespace

std::optional<bot::http_response> app_callback::check_headers(const bot::http_request& req) const {
  return unsigned_refusal(module, req);
}

app_inbound app_callback::verify_url(const bot::http_request& req, std::int64_t now_ms) const {
  const callback_query q = read_query(req);
  check c = open_signed(crypt_, q, q.echostr, now_ms, cfg_.timestamp_window_s);
  if (!c.ok()) return refused(c);
  bot::log::info(module, "the callback URL was verified");
  // The plaintext alone: no quotes, no BOM, no line break (§1.2).
  return {{200, "text/plain; charset=utf-8", c.opened, {}}, std::nullopt, q};
}

app_inbound app_callback::parse(const bot::http_request& req, std::int64_t now_ms) const {
  const callback_query q = read_query(req);
  const auto envelope = read_xml(req.body);
  if (!envelope) return refused({crypt_error::parse, 400, "the body is not the callback's <xml>", {}});
  check c = open_signed(crypt_, q, field(*envelope, "Encrypt"), now_ms, cfg_.timestamp_window_s);
  if (!c.ok()) return refused(c);
  const auto body = read_xml(c.opened);
  if (!body) return refused({crypt_error::parse, 400, "the decrypted message is not <xml>", {}});
  const std::string agent = field(*body, "AgentID");
  if (!agent.empty() && agent != cfg_.agent_id) {
    bot::log::warn(module, "a message for agent {} (this is {}) is not read", agent, cfg_.agent_id);
    return acknowledged();
  }
  const std::string type = field(*body, "MsgType");
  if (type != "text") {
    bot::log::debug(module, "a {} callback is not read", type.empty() ? "typeless" : type);
    return acknowledged();
  }
  auto read = direct_text(*body, platform, app_account);
  if (!read.message) return refused({crypt_error::parse, 400, read.why, {}});
  return {{200, "text/plain; charset=utf-8", "", {}}, std::move(read.message), q};
}

bot::http_response app_callback::passive_reply(const app_inbound& in, const std::string& text,
                                               std::int64_t now_ms) const {
  const std::string plain = text_reply_xml(in.message->sender.id, cfg_.corp_id, now_ms / 1000, text);
  const std::string encrypted = crypt_.encrypt(plain);
  return {200,
          "application/xml; charset=utf-8",
          encrypted_reply_xml(encrypted, crypt_.sign(in.query.timestamp, in.query.nonce, encrypted),
                              in.query.timestamp, in.query.nonce),
          {}};
}

}  // namespace adapters::wecom
