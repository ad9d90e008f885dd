#include "adapters/wecom/callback_guard.hpp"

#include <charconv>

#include "bot/crypto.hpp"
#include "bot/log.hpp"

namespace adapters::wecom {
namespace {

check failed(crypt_error code, int status, std::string why) {
  return {code, status, std::move(why), {}};
}

}  // namespace

callback_query read_query(const bot::http_request& req) {
  auto get = [&](std::string_view name) { return req.query_param(name, false); };
  return {get("signature"), get("msg_signature"), get("timestamp"), get("nonce"),
          get("echostr"),   get("encrypt_type"),  get("openid")};
}

bool fresh(std::string_view timestamp, std::int64_t now_ms, int window_s) {
  if (timestamp.empty() || timestamp.size() > 12) return false;
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), seconds);
  if (ec != std::errc() || end != timestamp.data() + timestamp.size()) return false;
  const std::int64_t skew = now_ms / 1000 - seconds;
  return skew <= window_s && skew >= -window_s;
}

check open_signed(const wx_crypt& crypt, const callback_query& q, std::string_view encrypted,
                  std::int64_t now_ms, int window_s) {
  if (q.msg_signature.empty() || q.nonce.empty() || encrypted.empty())
    return failed(crypt_error::bad_signature, 401, "msg_signature, nonce or the encrypted text missing");
  if (!crypt.verify(q.msg_signature, q.timestamp, q.nonce, encrypted))
    return failed(crypt_error::bad_signature, 401, "msg_signature does not match");
  if (!fresh(q.timestamp, now_ms, window_s))
    return failed(crypt_error::bad_signature, 401, "timestamp outside the window");
  auto opened = crypt.decrypt(encrypted);
  if (opened.error != crypt_error::ok)
    return failed(opened.error, opened.error == crypt_error::bad_receive_id ? 401 : 400,
                  std::string(describe(opened.error)));
  return {crypt_error::ok, 200, {}, std::move(opened.message)};
}

check check_plain(std::string_view token, const callback_query& q, std::int64_t now_ms, int window_s) {
  if (q.signature.empty() || q.nonce.empty())
    return failed(crypt_error::bad_signature, 401, "signature or nonce missing");
  if (!bot::crypto::constant_time_equal(q.signature, sorted_sha1({token, q.timestamp, q.nonce})))
    return failed(crypt_error::bad_signature, 401, "signature does not match");
  if (!fresh(q.timestamp, now_ms, window_s))
    return failed(crypt_error::bad_signature, 401, "timestamp outside the window");
  return {};
}

std::optional<bot::http_response> unsigned_refusal(std::string_view module, const bot::http_request& req) {
  const callback_query q = read_query(req);
  if (q.msg_signature.empty() || q.timestamp.empty() || q.nonce.empty())
    return refuse(module, {crypt_error::bad_signature, 401, "msg_signature, timestamp or nonce missing", {}});
  return std::nullopt;
}

bot::http_response refuse(std::string_view module, const check& c) {
  bot::log::warn(module, "callback refused ({} {}): {}", static_cast<int>(c.code), describe(c.code), c.why);
  return {c.status, "text/plain; charset=utf-8", c.status == 401 ? "unauthorized\n" : "bad request\n", {}};
}

}  // namespace adapters::wecom
