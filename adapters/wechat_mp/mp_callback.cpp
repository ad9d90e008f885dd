#include "adapters/wechat_mp/mp_callback.hpp"

#include "adapters/wecom/callback_message.hpp"
#include "bot/log.hpp"

namespace adapters::wechat_mp {
namespace {

using wecom::check;
using wecom::crypt_error;

constexpr const char* module = "wechat_mp";

mp_inbound refused(const check& c) {
  return {wecom::refuse(module, c), std::nullopt, {}, {}, false};
}

// "success" stops WeChat's retries and shows the user nothing (§3).
bot::http_response success() {
  return {200, "text/plain; charset=utf-8", "success", {}};
}

}  // namespace

mp_callback::mp_callback(const bot::wechat_mp_config& cfg) : cfg_(cfg) {
  if (cfg_.encoding_aes_key.empty()) return;
  crypt_ = wecom::wx_crypt::make(cfg_.token, cfg_.encoding_aes_key, cfg_.app_id);
  if (!crypt_) throw bot::config_error("adapters.wechat_mp.encoding_aes_key: not a valid EncodingAESKey");
}

std::optional<bot::http_response> mp_callback::check_headers(const bot::http_request& req) const {
  const auto q = wecom::read_query(req);
  if (q.signature.empty() || q.timestamp.empty() || q.nonce.empty())
    return wecom::refuse(module,
                         {crypt_error::bad_signature, 401, "signature, timestamp or nonce missing", {}});
  return std::nullopt;
}

mp_inbound mp_callback::verify_url(const bot::http_request& req, std::int64_t now_ms) const {
  const auto q = wecom::read_query(req);
  check c = wecom::check_plain(cfg_.token, q, now_ms, cfg_.timestamp_window_s);
  if (!c.ok()) return refused(c);
  if (q.echostr.empty() || q.echostr.size() > 256)
    return refused({crypt_error::parse, 400, "echostr missing or too long", {}});
  bot::log::info(module, "the server URL was verified");
  return {{200, "text/plain; charset=utf-8", q.echostr, {}}, std::nullopt, q, {}, false};
}

mp_inbound mp_callback::parse(const bot::http_request& req, std::int64_t now_ms) const {
  const auto q = wecom::read_query(req);
  const bool encrypted = q.encrypt_type == "aes";
  std::optional<wecom::xml_fields> body;
  if (encrypted) {
    if (!crypt_)
      return refused({crypt_error::bad_key, 400, "safe mode without an encoding_aes_key configured", {}});
    const auto envelope = wecom::read_xml(req.body);
    if (!envelope) return refused({crypt_error::parse, 400, "the body is not <xml>", {}});
    check c =
        wecom::open_signed(*crypt_, q, wecom::field(*envelope, "Encrypt"), now_ms, cfg_.timestamp_window_s);
    if (!c.ok()) return refused(c);
    body = wecom::read_fields(c.opened);
  } else {
    if (!q.encrypt_type.empty() && q.encrypt_type != "raw")
      return refused({crypt_error::parse, 400, "unknown encrypt_type", {}});
    // The plain signature does not cover the body: with a key configured (safe or compatible
    // mode, both send encrypt_type=aes) a plain post is a forgery.
    if (crypt_)
      return refused({crypt_error::bad_signature, 401, "a plain post to an account in safe mode", {}});
    check c = wecom::check_plain(cfg_.token, q, now_ms, cfg_.timestamp_window_s);
    if (!c.ok()) return refused(c);
    body = wecom::read_fields(req.body);
  }
  if (!body) return refused({crypt_error::parse, 400, "the message is neither <xml> nor a JSON object", {}});
  const std::string type = wecom::field(*body, "MsgType");
  if (type != "text") {
    bot::log::debug(module, "a {} message is not read", type.empty() ? "typeless" : type);
    return {success(), std::nullopt, q, {}, encrypted};
  }
  auto read = wecom::direct_text(*body, platform, "");
  if (!read.message) return refused({crypt_error::parse, 400, read.why, {}});
  return {success(), std::move(read.message), q, wecom::field(*body, "ToUserName"), encrypted};
}

bot::http_response mp_callback::passive_reply(const mp_inbound& in, const std::string& text,
                                              std::int64_t now_ms) const {
  const std::string plain = wecom::text_reply_xml(in.message->sender.id, in.account, now_ms / 1000, text);
  if (!in.encrypted) return {200, "application/xml; charset=utf-8", plain, {}};
  const std::string encrypted = crypt_->encrypt(plain);
  return {200,
          "application/xml; charset=utf-8",
          wecom::encrypted_reply_xml(encrypted, crypt_->sign(in.query.timestamp, in.query.nonce, encrypted),
                                     in.query.timestamp, in.query.nonce),
          {}};
}

}  // namespace adapters::wechat_mp
