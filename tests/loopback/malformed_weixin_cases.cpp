// WeCom app callbacks and Official Account pushes as a forger, a replayer or a broken proxy would
// send them: missing or wrong signatures, stale or non-numeric timestamps, ciphertexts that are not
// Base64, cut short or for another corp, plaintexts that are not the message XML, entity bombs.
// Every one is refused (401 for who-it-is, 400 for what-it-says) and stores nothing; a well-formed
// message is accepted once and its repeat is acknowledged without a second row.
#include <chrono>

#include "adapters/wecom/wx_crypt.hpp"
#include "support/malformed_harness.hpp"

namespace testing::malformed {
namespace {

using adapters::wecom::wx_crypt;

std::string now_seconds(std::int64_t skew = 0) {
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  return std::to_string(now.count() + skew);
}

std::string text_xml(const std::string& id, const std::string& text) {
  return "<xml><ToUserName><![CDATA[wwsuitecorp]]></ToUserName><FromUserName><![CDATA[suiteuser]]></"
         "FromUserName>"
         "<CreateTime>1764547200</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" +
         text + "]]></Content><MsgId>" + id + "</MsgId><AgentID>1000002</AgentID></xml>";
}

std::string envelope(const std::string& encrypted) {
  return "<xml><ToUserName><![CDATA[wwsuitecorp]]></ToUserName><Encrypt><![CDATA[" + encrypted +
         "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
}

// A POST to /wecom whose msg_signature covers `encrypted` (signed by `crypt`), with the body given.
std::string wecom_post(const wx_crypt& crypt, const std::string& encrypted, const std::string& body,
                       const std::string& ts = now_seconds(), const std::string& nonce = "n1") {
  return raw_request(
      "POST",
      "/wecom?msg_signature=" + crypt.sign(ts, nonce, encrypted) + "&timestamp=" + ts + "&nonce=" + nonce,
      "Content-Type: text/xml\r\n", body);
}

std::string signed_plaintext(const wx_crypt& crypt, const std::string& plaintext) {
  const std::string encrypted = crypt.encrypt(plaintext);
  return wecom_post(crypt, encrypted, envelope(encrypted));
}

std::string mp_post(const std::string& query_tail, const std::string& body,
                    const std::string& ts = now_seconds()) {
  const std::string signature = adapters::wecom::sorted_sha1({mp_token, ts, "m1"});
  return raw_request("POST", "/wechat?signature=" + signature + "&timestamp=" + ts + "&nonce=m1" + query_tail,
                     "Content-Type: text/xml\r\n", body);
}

}  // namespace

std::vector<malformed_case> weixin_cases() {
  const auto crypt = *wx_crypt::make(wecom_token, wecom_key, wecom_corp);
  const auto other_corp = *wx_crypt::make(wecom_token, wecom_key, "wwothercorp");
  const auto other_token = *wx_crypt::make("notTheToken", wecom_key, wecom_corp);
  const std::string good = crypt.encrypt(text_xml("8800000000000000001", "报修 3-2-1201 厨房水管漏水"));
  const std::string cut = good.substr(0, good.size() - 8);
  const std::string accepted = wecom_post(crypt, good, envelope(good));
  const std::string mp_text =
      "<xml><ToUserName><![CDATA[gh_suite]]></ToUserName><FromUserName><![CDATA[oSuite]]>"
      "</FromUserName><CreateTime>1764547200</CreateTime><MsgType><![CDATA[text]]></MsgType>"
      "<Content><![CDATA[我的工单]]></Content><MsgId>8800000000000000002</MsgId></xml>";
  const std::string mp_sealed = wx_crypt::make(mp_token, mp_key, mp_app)->encrypt(mp_text);
  const std::string mp_ts = now_seconds();
  const std::string mp_msg_signature = wx_crypt::make(mp_token, mp_key, mp_app)->sign(mp_ts, "m1", mp_sealed);
  const std::string mp_envelope = "<xml><ToUserName><![CDATA[gh_suite]]></ToUserName><Encrypt><![CDATA[" +
                                  mp_sealed + "]]></Encrypt></xml>";
  return {
      {"wecom: no query at all", raw_request("POST", "/wecom", "", envelope(good)), 401},
      {"wecom: no signature, body held back",
       "POST /wecom?timestamp=1&nonce=2 HTTP/1.1\r\nHost: t\r\nContent-Length: 9000\r\n\r\n", 401},
      {"wecom: signature by another token", wecom_post(other_token, good, envelope(good)), 401},
      {"wecom: signature over other ciphertext", wecom_post(crypt, cut, envelope(good)), 401},
      {"wecom: replayed an hour later", wecom_post(crypt, good, envelope(good), now_seconds(-3600)), 401},
      {"wecom: from the future", wecom_post(crypt, good, envelope(good), now_seconds(3600)), 401},
      {"wecom: timestamp not a number", wecom_post(crypt, good, envelope(good), "12ab"), 401},
      {"wecom: another corp's message", signed_plaintext(other_corp, text_xml("8800000000000000009", "hi")),
       401},
      {"wecom: body is not XML", wecom_post(crypt, good, "{\"Encrypt\":\"x\"}"), 400},
      {"wecom: unclosed XML", wecom_post(crypt, good, "<xml><Encrypt><![CDATA[" + good), 400},
      {"wecom: entity bomb",
       wecom_post(crypt, good,
                  "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                  "<xml><Encrypt>&b;</Encrypt></xml>"),
       400},
      {"wecom: ciphertext cut short", wecom_post(crypt, cut, envelope(cut)), 400},
      {"wecom: ciphertext not Base64", wecom_post(crypt, "!!!not base64!!!", envelope("!!!not base64!!!")),
       400},
      {"wecom: plaintext not XML", signed_plaintext(crypt, "hello, no xml here"), 400},
      {"wecom: text without MsgId",
       signed_plaintext(crypt,
                        "<xml><FromUserName>u</FromUserName><MsgType>text</MsgType>"
                        "<Content>报修 电梯</Content></xml>"),
       400},
      {"wecom: MsgId not a number", signed_plaintext(crypt, text_xml("12x", "报修 电梯")), 400},
      {"wecom: an image is acknowledged, not read",
       signed_plaintext(crypt,
                        "<xml><FromUserName>u</FromUserName><MsgType>image</MsgType><MsgId>1</MsgId></xml>"),
       200},
      {"wecom: URL check with a wrong signature",
       raw_request("GET", "/wecom?msg_signature=00&timestamp=" + now_seconds() + "&nonce=1&echostr=abc", ""),
       401},
      {"wecom: URL check without echostr",
       raw_request("GET",
                   "/wecom?msg_signature=" + crypt.sign(now_seconds(), "1", "") +
                       "&timestamp=" + now_seconds() + "&nonce=1",
                   ""),
       401},
      {"wecom: a member's 报修", accepted, 200, true},
      {"wecom: the same MsgId again (WeCom's retry)", accepted, 200},
      {"mp: no signature", raw_request("POST", "/wechat?timestamp=1&nonce=2", "", mp_text), 401},
      {"mp: wrong signature",
       raw_request("POST", "/wechat?signature=0000&timestamp=" + now_seconds() + "&nonce=m1", "", mp_text),
       401},
      {"mp: stale timestamp", mp_post("", mp_text, now_seconds(-3600)), 401},
      {"mp: unknown encrypt_type", mp_post("&encrypt_type=rsa", mp_text), 400},
      {"mp: safe mode with a wrong msg_signature",
       mp_post("&encrypt_type=aes&msg_signature=00", mp_envelope, mp_ts), 401},
      {"mp: a plain post to an account in safe mode", mp_post("", mp_text), 401},
      {"mp: safe mode, a follower's text",
       mp_post("&encrypt_type=aes&msg_signature=" + mp_msg_signature, mp_envelope, mp_ts), 200, true},
  };
}

}  // namespace testing::malformed
