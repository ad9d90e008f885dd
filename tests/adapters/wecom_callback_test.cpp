// The WeCom app's and the Official Account's callbacks, parsed as the platforms send them: the
// published vectors of protocols/wecom-wechat.md (V1, V2, V6, V7) over the adapters' own parse,
// and every way a callback can be refused.
#include <catch2/catch.hpp>

#include "adapters/wechat_mp/mp_callback.hpp"
#include "adapters/wecom/app_callback.hpp"
#include "adapters/wecom/callback_message.hpp"
#include "adapters/wecom/callback_xml.hpp"

namespace wecom_callback_test {
namespace {

using adapters::wecom::app_callback;
using adapters::wecom::wx_crypt;

constexpr const char* v2_encrypt =
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
    "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+"
    "HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3"
    "LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/"
    "uh9KsNlY6bHCmJU9p8g7m3fVKn28H3"
    "KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";

bot::wecom_config v1_config(const std::string& corp = "wx5823bf96d3bd56c7") {
  bot::wecom_config c;
  c.enabled = true;
  c.corp_id = corp;
  c.agent_id = "218";
  c.token = "QDG6eK";
  c.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  c.secret = "s";
  return c;
}

app_callback make_app(const bot::wecom_config& c) {
  return app_callback(c, *wx_crypt::make(c.token, c.encoding_aes_key, c.corp_id));
}

bot::http_request callback_request(const std::string& method, const std::string& query,
                                   std::string body = {}) {
  bot::http_request r;
  r.method = method;
  r.path = "/wecom";
  r.query = query;
  r.target = r.path + "?" + query;
  r.body = std::move(body);
  return r;
}

bot::http_request v2_post(const std::string& signature = "477715d11cdb4164915debcba66cb864d751f3e6",
                          const std::string& encrypt = v2_encrypt) {
  return callback_request("POST", "msg_signature=" + signature + "&timestamp=1409659813&nonce=1372623149",
                          "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" +
                              encrypt + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>");
}

constexpr std::int64_t v2_now = 1409659813'000;

}  // namespace

TEST_CASE("WeCom's URL verification answers the decrypted echostr and nothing else (V1)", "[wecom]") {
  const auto cfg = v1_config();
  const auto app = make_app(cfg);
  // The echostr percent-encoded as WeCom sends it: its '+' must not turn into spaces.
  auto req = callback_request(
      "GET",
      "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr="
      "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D");
  auto in = app.verify_url(req, 1409659589'000);
  CHECK(in.response.status == 200);
  CHECK(in.response.body == "1616140317555161061");
  // A raw '+' (a client that does not encode it) is still Base64, not a space.
  req.query =
      "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr="
      "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
  CHECK(app.verify_url(req, 1409659589'000).response.body == "1616140317555161061");
  // Another corp's app (receive id) or a stale timestamp is refused.
  CHECK(make_app(v1_config("ww0000000000000000")).verify_url(req, 1409659589'000).response.status == 401);
  CHECK(app.verify_url(req, 1409659589'000 + 301'000).response.status == 401);
}

TEST_CASE("a member's text to the WeCom app becomes a direct message keyed by its 64-bit MsgId (V2)",
          "[wecom]") {
  const auto cfg = v1_config();
  const auto in = make_app(cfg).parse(v2_post(), v2_now);
  REQUIRE(in.message);
  CHECK(in.message->id == "4561255354251345929");  // above 2^53: kept as text, never a double
  CHECK(in.message->text == "hello");
  CHECK(in.message->sender.id == "mycreate");
  CHECK(in.message->chat == bot::chat_ref{"wecom", "app", bot::chat_kind::direct, "mycreate"});
  CHECK(in.message->unix_ms == 1409659813'000);
  CHECK(in.response.status == 200);
}

TEST_CASE("a WeCom callback that fails a check is refused with 401 or 400 and carries no message",
          "[wecom]") {
  const auto cfg = v1_config();
  const auto app = make_app(cfg);
  auto refused = [&](const bot::http_request& req, std::int64_t now = v2_now) {
    auto in = app.parse(req, now);
    CHECK_FALSE(in.message);
    return in.response.status;
  };
  CHECK(refused(v2_post("477715d11cdb4164915debcba66cb864d751f3e7")) == 401);  // tampered signature
  CHECK(refused(v2_post(), v2_now + 301'000) == 401);                          // replayed later
  CHECK(refused(v2_post(), v2_now - 301'000) == 401);
  CHECK(make_app(v1_config("wwother")).parse(v2_post(), v2_now).response.status == 401);  // receive id
  // A truncated ciphertext, signed as it is: the signature holds, the decryption does not.
  const std::string cut = std::string(v2_encrypt).substr(0, 40);
  const auto crypt = *wx_crypt::make(cfg.token, cfg.encoding_aes_key, cfg.corp_id);
  CHECK(refused(v2_post(crypt.sign("1409659813", "1372623149", cut), cut)) == 400);
  CHECK(refused(callback_request("POST", "msg_signature=x&timestamp=1409659813&nonce=1", "not xml")) == 400);
  // An entity bomb is not parsed at all.
  CHECK(refused(callback_request("POST", "msg_signature=x&timestamp=1409659813&nonce=1",
                                 "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><xml>"
                                 "<Encrypt>&b;</Encrypt></xml>")) == 400);
  CHECK(app.check_headers(callback_request("POST", "timestamp=1&nonce=2")).value().status == 401);
  CHECK_FALSE(app.check_headers(v2_post()));
}

TEST_CASE("the WeCom passive reply is encrypted for the corp and signed with the request's nonce",
          "[wecom]") {
  const auto cfg = v1_config();
  const auto app = make_app(cfg);
  const auto in = app.parse(v2_post(), v2_now);
  REQUIRE(in.message);
  const auto reply = app.passive_reply(in, "已收到 ]]> 工单 #12", v2_now);
  const auto envelope = adapters::wecom::read_xml(reply.body);
  REQUIRE(envelope);
  const std::string encrypt = adapters::wecom::field(*envelope, "Encrypt");
  CHECK(adapters::wecom::field(*envelope, "Nonce") == "1372623149");
  CHECK(adapters::wecom::field(*envelope, "TimeStamp") == "1409659813");
  const auto crypt = *wx_crypt::make(cfg.token, cfg.encoding_aes_key, cfg.corp_id);
  CHECK(crypt.verify(adapters::wecom::field(*envelope, "MsgSignature"), "1409659813", "1372623149", encrypt));
  const auto opened = crypt.decrypt(encrypt);
  REQUIRE(opened.error == adapters::wecom::crypt_error::ok);
  const auto body = adapters::wecom::read_xml(opened.message);
  REQUIRE(body);
  CHECK(adapters::wecom::field(*body, "Content") == "已收到 ]]> 工单 #12");  // CDATA split, text intact
  CHECK(adapters::wecom::field(*body, "ToUserName") == "mycreate");
  CHECK(adapters::wecom::field(*body, "FromUserName") == "wx5823bf96d3bd56c7");
  CHECK(adapters::wecom::field(*body, "MsgType") == "text");
}

TEST_CASE("the Official Account verifies its URL by the plain signature and echoes echostr (V7)",
          "[wecom][wechat_mp]") {
  bot::wechat_mp_config cfg;
  cfg.app_id = "wxba5fad812f8e6fb9";
  cfg.token = "AAAAA";
  const adapters::wechat_mp::mp_callback mp(cfg);
  auto req =
      callback_request("GET",
                       "signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&"
                       "timestamp=1514711492&nonce=1714036504");
  CHECK(mp.verify_url(req, 1514711492'000).response.body == "4375120948345356249");
  req.query =
      "signature=f464b24fc39322e44b38aa78f5edd27bd1441697&echostr=1&timestamp=1514711492&nonce=1714036504";
  CHECK(mp.verify_url(req, 1514711492'000).response.status == 401);
}

TEST_CASE("the Official Account's safe mode checks msg_signature and reads the decrypted push (V6)",
          "[wecom][wechat_mp]") {
  bot::wechat_mp_config cfg;
  cfg.app_id = "wxba5fad812f8e6fb9";
  cfg.token = "AAAAA";
  cfg.encoding_aes_key = std::string(43, 'A');
  const adapters::wechat_mp::mp_callback mp(cfg);
  const std::string encrypt =
      "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/"
      "ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT"
      "740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+"
      "l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8Y"
      "L/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
  const std::string query =
      "signature=6c5c811b55cc85e0e1b54100749188c20beb3f5d&timestamp=1714112445&nonce=415670741&openid="
      "o9AgO5Kd5ggOC-"
      "bXrbNODIiE3bGY&encrypt_type=aes&msg_signature=";
  auto req = callback_request("POST", query + "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3",
                              "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[" +
                                  encrypt + "]]></Encrypt></xml>");
  auto in = mp.parse(req, 1714112445'000);
  CHECK(in.response.status == 200);  // an event (debug_demo): acknowledged, not a message
  CHECK(in.response.body == "success");
  CHECK_FALSE(in.message);
  req.query = query + "046e02f8204d34f8ba5fa3b1db94908f3df2e9b4";
  CHECK(mp.parse(req, 1714112445'000).response.status == 401);
}

TEST_CASE("an Official Account text in plain mode is a direct message and gets a plain passive reply",
          "[wecom][wechat_mp]") {
  bot::wechat_mp_config cfg;
  cfg.app_id = "wxapp";
  cfg.token = "AAAAA";
  const adapters::wechat_mp::mp_callback mp(cfg);
  auto req = callback_request(
      "POST", "signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656",
      "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser1]]></FromUserName>"
      "<CreateTime>1714037059</CreateTime><MsgType><![CDATA[text]]></MsgType>"
      "<Content><![CDATA[我的工单]]></Content><MsgId>23456789012345678901</MsgId></xml>");
  auto in = mp.parse(req, 1714037059'000);
  REQUIRE(in.message);
  CHECK(in.message->chat == bot::chat_ref{"wechat_mp", "", bot::chat_kind::direct, "oUser1"});
  CHECK(in.message->id == "23456789012345678901");
  CHECK(in.message->text == "我的工单");
  const auto reply = adapters::wecom::read_xml(mp.passive_reply(in, "您没有工单", 1714037060'000).body);
  REQUIRE(reply);
  CHECK(adapters::wecom::field(*reply, "ToUserName") == "oUser1");
  CHECK(adapters::wecom::field(*reply, "FromUserName") == "gh_1");
  CHECK(adapters::wecom::field(*reply, "Content") == "您没有工单");
  // Safe mode asked of an account that has no key: refused, not read as plain text.
  req.query += "&encrypt_type=aes&msg_signature=x";
  CHECK(mp.parse(req, 1714037059'000).response.status == 400);
}

}  // namespace wecom_callback_test
