// The service on 127.0.0.1 port 0 with the WeCom adapter (app + one group robot) and the Official
// Account adapter enabled, and a fake of both platforms' APIs on loopback: gettoken / token,
// message/send, webhook/send and message/custom/send, answering as WeCom and WeChat do, able to
// expire a token once (42001) and refuse users outside the
// 48-hour window (45015). Callbacks are built as the platforms build them: encrypted and signed
// with the configured Token and EncodingAESKey.
#pragma once
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "adapters/wecom/callback_message.hpp"
#include "adapters/wecom/callback_xml.hpp"
#include "adapters/wecom/wx_crypt.hpp"
#include "bot/app.hpp"
#include "bot/clock.hpp"
#include "bot/core.hpp"
#include "bot/crypto.hpp"
#include "bot/http_client.hpp"
#include "bot/http_server.hpp"
#include "storage/stores.hpp"
#include "support/loop.hpp"
#include "support/loopback_server.hpp"
#include "support/scratch_db.hpp"
#include "support/temp_dir.hpp"

namespace testing::weixin {

inline constexpr const char* corp_id = "wwcorp0001";
inline constexpr const char* corp_token = "corpToken7";
inline constexpr const char* corp_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
inline constexpr const char* robot_key = "robot-key-5f2a";
inline constexpr const char* smart_token = "smartToken3";
inline constexpr const char* smart_key = "QDG6eKjWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR";
inline constexpr const char* mp_app_id = "wxmp00001";
inline constexpr const char* mp_token = "mpToken9";
inline constexpr const char* mp_key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

struct fake_weixin {
  explicit fake_weixin(boost::asio::io_context& io) : server(io, testing::loopback_server()) {
    server.route("GET", "/cgi-bin/gettoken",
                 [this](const bot::http_request& r) { return issue(r, "corp-secret"); });
    server.route("GET", "/cgi-bin/token",
                 [this](const bot::http_request& r) { return issue(r, "mp-secret"); });
    server.route("POST", "/cgi-bin/message/send", [this](const bot::http_request& r) { return app_send(r); });
    server.route("POST", "/cgi-bin/message/custom/send",
                 [this](const bot::http_request& r) { return custom_send(r); });
    server.route("POST", "/cgi-bin/webhook/send",
                 [this](const bot::http_request& r) { return robot_send(r); });
    server.route("POST", "/cgi-bin/externalcontact/add_msg_template",
                 [this](const bot::http_request& r) { return add_task(r); });
    server.route("POST", "/cgi-bin/externalcontact/get_groupmsg_send_result",
                 [this](const bot::http_request& r) { return task_result(r); });
    server.route("POST", "/cgi-bin/aibot/response", [this](const bot::http_request& r) {
      if (!used_codes.insert(r.query_param("code")).second) return error(600039, "response_url used");
      responses.push_back(nlohmann::json::parse(r.body));
      return error(0, "ok");
    });
    port = server.start();
  }
  static bot::http_response json(const nlohmann::json& j) { return {200, "application/json", j.dump(), {}}; }
  static bot::http_response error(int code, const std::string& msg) {
    return json({{"errcode", code}, {"errmsg", msg}});
  }
  bot::http_response issue(const bot::http_request& r, const std::string& secret) {
    if (r.query_param("corpsecret") != secret && r.query_param("secret") != secret)
      return error(40001, "invalid credential");
    ++fetches;
    token = "tok-" + std::to_string(fetches);
    return json({{"errcode", 0}, {"errmsg", "ok"}, {"access_token", token}, {"expires_in", 7200}});
  }
  bool token_ok(const bot::http_request& r) { return r.query_param("access_token") == token; }
  bot::http_response app_send(const bot::http_request& r) {
    if (!token_ok(r)) return error(40014, "invalid access_token");
    if (expire_once) {
      expire_once = false;
      return error(42001, "access_token expired");
    }
    auto j = nlohmann::json::parse(r.body);
    app_inbox[j["touser"].get<std::string>()].push_back(j["text"]["content"].get<std::string>());
    return json({{"errcode", 0}, {"errmsg", "ok"}, {"msgid", "msg" + std::to_string(++msgids)}});
  }
  bot::http_response custom_send(const bot::http_request& r) {
    if (!token_ok(r)) return error(40001, "invalid credential, access_token is invalid or not latest");
    auto j = nlohmann::json::parse(r.body);
    const std::string user = j["touser"];
    if (silent.contains(user)) return error(45015, "response out of time limit or subscription is canceled");
    mp_inbox[user].push_back(j["text"]["content"].get<std::string>());
    return error(0, "ok");
  }
  // A mass-send task for customer groups: nothing goes until its sender confirms it (confirmed).
  bot::http_response add_task(const bot::http_request& r) {
    if (!token_ok(r)) return error(40014, "invalid access_token");
    auto j = nlohmann::json::parse(r.body);
    if (j["chat_type"] != "group" || !j.contains("sender")) return error(41048, "sender required for group");
    j["msgid"] = "msgGCAAAXtWyujaWJHDDGi0mAC" + std::to_string(tasks.size() + 1);
    tasks.push_back(j);
    return json(
        {{"errcode", 0}, {"errmsg", "ok"}, {"fail_list", nlohmann::json::array()}, {"msgid", j["msgid"]}});
  }
  bot::http_response task_result(const bot::http_request& r) {
    if (!token_ok(r)) return error(40014, "invalid access_token");
    ++task_polls;
    auto q = nlohmann::json::parse(r.body);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : tasks)
      if (t["msgid"] == q["msgid"] && t["sender"] == q["userid"])
        for (const auto& chat : t["chat_id_list"])
          list.push_back({{"chat_id", chat},
                          {"userid", t["sender"]},
                          {"status", confirmed.contains(t["msgid"].get<std::string>()) ? 1 : 0}});
    return json({{"errcode", 0}, {"errmsg", "ok"}, {"next_cursor", ""}, {"send_list", list}});
  }
  bot::http_response robot_send(const bot::http_request& r) {
    if (r.query_param("key") != robot_key) return error(93000, "invalid webhook url");
    robot_inbox.push_back(nlohmann::json::parse(r.body));
    return error(0, "ok");
  }

  bot::http_server server;
  std::uint16_t port = 0;
  int fetches = 0, msgids = 0;
  std::string token;
  bool expire_once = false;
  std::set<std::string> silent;  // Official Account users outside the 48-hour window
  std::map<std::string, std::vector<std::string>> app_inbox, mp_inbox;
  std::vector<nlohmann::json> robot_inbox;
  std::vector<nlohmann::json> responses;  // through a smart robot message's response_url
  std::set<std::string> used_codes;
  std::vector<nlohmann::json> tasks;  // add_msg_template bodies, each with its "msgid"
  std::set<std::string> confirmed;    // task msgids their sender confirmed in the client
  int task_polls = 0;
};

// What a passive reply said: "" for an empty answer.
struct answer {
  int status = 0;
  std::string text;
};

struct harness {
  harness() : weixin(io) {
    const std::string api = fmt::format("http://127.0.0.1:{}", weixin.port);
    auto cfg = bot::config::parse(fmt::format(R"(
[server]
port = 0
[storage]
{}
[outbox]
backoff_initial_ms = 10
[outbox.platforms.wecom]
per_chat_per_second = 1000
per_chat_burst = 1000
[roles]
admins = ["wecom:zhaoadmin"]
staff = ["wecom:wangshifu"]
managers = ["wecom:zhangjingli"]
[adapters.console]
enabled = false
[adapters.wecom]
enabled = true
corp_id = "{}"
agent_id = 1000002
token = "{}"
encoding_aes_key = "{}"
secret = "corp-secret"
api_base = "{}"
confirm_poll_seconds = 1
[adapters.wecom.robots."维修班组群"]
key = "{}"
chat_id = "wrStaffGroup01"
[adapters.wecom.robots."5栋内部通知群"]
key = "{}"
purpose = "owners"
building = "5"
[adapters.wecom.customer_groups."3栋业主群"]
chat_id = "wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA"
sender = "wangshifu"
building = "3"
[adapters.wecom.smart_robot]
token = "{}"
encoding_aes_key = "{}"
[adapters.wechat_mp]
enabled = true
app_id = "{}"
token = "{}"
encoding_aes_key = "{}"
app_secret = "mp-secret"
api_base = "{}"
)",
                                              testing::storage_keys(dir.file("bot.sqlite3")), corp_id,
                                              corp_token, corp_key, api, robot_key, robot_key, smart_token,
                                              smart_key, mp_app_id, mp_token, mp_key, api));
    service = std::make_unique<bot::app>(cfg, io, clock);
    port = service->start(false);
  }

  bot::http_reply call(bot::http_call c) {
    std::optional<bot::http_reply> reply;
    client.request(std::move(c), [&](bot::http_reply r) { reply = std::move(r); });
    REQUIRE(testing::run_until(io, [&] { return reply.has_value(); }));
    return *reply;
  }

  static std::string text_xml(const std::string& to, const std::string& from, const std::string& text,
                              const std::string& msg_id, std::int64_t now_s, bool agent) {
    return fmt::format(
        "<xml><ToUserName><![CDATA[{}]]></ToUserName><FromUserName><![CDATA[{}]]></FromUserName>"
        "<CreateTime>{}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{}]]></Content>"
        "<MsgId>{}</MsgId>{}</xml>",
        to, from, now_s, text, msg_id, agent ? "<AgentID>1000002</AgentID>" : "");
  }

  // A member's text to the WeCom app, encrypted and signed as WeCom sends it.
  answer app_says(const std::string& user, const std::string& text, const std::string& msg_id) {
    const auto crypt = *adapters::wecom::wx_crypt::make(corp_token, corp_key, corp_id);
    const std::int64_t now_s = clock.now_ms() / 1000;
    const std::string encrypted = crypt.encrypt(text_xml(corp_id, user, text, msg_id, now_s, true));
    const std::string ts = std::to_string(now_s), nonce = "n" + msg_id;
    bot::http_call c;
    c.url = fmt::format("http://127.0.0.1:{}/wecom?msg_signature={}&timestamp={}&nonce={}", port,
                        crypt.sign(ts, nonce, encrypted), ts, nonce);
    c.body = fmt::format(
        "<xml><ToUserName><![CDATA[{}]]></ToUserName><Encrypt><![CDATA[{}]]></Encrypt>"
        "<AgentID><![CDATA[1000002]]></AgentID></xml>",
        corp_id, encrypted);
    return read_encrypted(call(c), crypt, ts, nonce);
  }

  // An @-mention of the smart robot in an internal group (chat_id) or a 1:1 text to it (chat_id empty).
  answer robot_says(const std::string& chat_id, const std::string& user, const std::string& text,
                    const std::string& msg_id) {
    const auto crypt = *adapters::wecom::wx_crypt::make(smart_token, smart_key, "");
    nlohmann::json j{{"msgid", msg_id},
                     {"aibotid", "AIBOT01"},
                     {"chattype", chat_id.empty() ? "single" : "group"},
                     {"from", {{"userid", user}}},
                     {"response_url",
                      fmt::format("http://127.0.0.1:{}/cgi-bin/aibot/response?code={}", weixin.port, msg_id)},
                     {"msgtype", "text"},
                     {"text", {{"content", chat_id.empty() ? text : "@物业助手 " + text}}}};
    if (!chat_id.empty()) j["chatid"] = chat_id;
    const std::string encrypted = crypt.encrypt(j.dump());
    const std::string ts = std::to_string(clock.now_ms() / 1000), nonce = "r" + msg_id;
    bot::http_call c;
    c.url = fmt::format("http://127.0.0.1:{}/wecom/robot?msg_signature={}&timestamp={}&nonce={}", port,
                        crypt.sign(ts, nonce, encrypted), ts, nonce);
    c.headers = {{"Content-Type", "application/json"}};
    c.body = nlohmann::json{{"encrypt", encrypted}}.dump();
    auto reply = call(c);
    if (reply.status != 200 || reply.body.empty()) return {reply.status, ""};
    auto envelope = nlohmann::json::parse(reply.body);
    const std::string sealed = envelope["encrypt"];
    REQUIRE(envelope["timestamp"] == std::stoll(ts));
    REQUIRE(crypt.verify(envelope["msgsignature"].get<std::string>(), ts,
                         envelope["nonce"].get<std::string>(), sealed));
    auto opened = crypt.decrypt(sealed);
    REQUIRE(opened.error == adapters::wecom::crypt_error::ok);
    auto body = nlohmann::json::parse(opened.message);
    REQUIRE(body["msgtype"] == "stream");
    REQUIRE(body["stream"]["finish"] == true);
    return {reply.status, body["stream"]["content"].get<std::string>()};
  }

  // A WeChat user's text to the Official Account, in safe mode (encrypted) or plain mode.
  answer mp_says(const std::string& openid, const std::string& text, const std::string& msg_id, bool safe) {
    const auto crypt = *adapters::wecom::wx_crypt::make(mp_token, mp_key, mp_app_id);
    const std::int64_t now_s = clock.now_ms() / 1000;
    const std::string ts = std::to_string(now_s), nonce = "m" + msg_id;
    const std::string plain = text_xml("gh_estate", openid, text, msg_id, now_s, false);
    bot::http_call c;
    const std::string signature = adapters::wecom::sorted_sha1({mp_token, ts, nonce});
    c.url = fmt::format("http://127.0.0.1:{}/wechat?signature={}&timestamp={}&nonce={}&openid={}", port,
                        signature, ts, nonce, openid);
    if (!safe) {
      c.body = plain;
      auto reply = call(c);
      if (reply.status != 200 || reply.body.empty() || reply.body == "success") return {reply.status, ""};
      auto fields = adapters::wecom::read_xml(reply.body);
      REQUIRE(fields);
      CHECK(adapters::wecom::field(*fields, "ToUserName") == openid);
      return {reply.status, adapters::wecom::field(*fields, "Content")};
    }
    const std::string encrypted = crypt.encrypt(plain);
    c.url += "&encrypt_type=aes&msg_signature=" + crypt.sign(ts, nonce, encrypted);
    c.body = "<xml><ToUserName><![CDATA[gh_estate]]></ToUserName><Encrypt><![CDATA[" + encrypted +
             "]]></Encrypt></xml>";
    auto reply = call(c);
    if (reply.body == "success") return {reply.status, ""};
    return read_encrypted(reply, crypt, ts, nonce);
  }

  // Checks the envelope's signature as WeCom would before it shows the reply.
  static answer read_encrypted(const bot::http_reply& reply, const adapters::wecom::wx_crypt& crypt,
                               const std::string& ts, const std::string& nonce) {
    if (reply.status != 200 || reply.body.empty()) return {reply.status, ""};
    auto envelope = adapters::wecom::read_xml(reply.body);
    REQUIRE(envelope);
    const std::string encrypted = adapters::wecom::field(*envelope, "Encrypt");
    REQUIRE(crypt.verify(adapters::wecom::field(*envelope, "MsgSignature"), ts, nonce, encrypted));
    auto opened = crypt.decrypt(encrypted);
    REQUIRE(opened.error == adapters::wecom::crypt_error::ok);
    auto fields = adapters::wecom::read_xml(opened.message);
    REQUIRE(fields);
    return {reply.status, adapters::wecom::field(*fields, "Content")};
  }

  std::int64_t count(const std::string& table_and_where) {
    return testing::sql_int(service->state().database, "SELECT count(*) FROM " + table_and_where);
  }
  std::string text(const std::string& sql) { return testing::sql_text(service->state().database, sql); }
  bool idle() {
    return testing::run_until(io, [&] {
      return count("outbox WHERE state = 'pending'") == 0 && service->state().outbox.in_flight() == 0;
    });
  }

  testing::temp_dir dir;
  boost::asio::io_context io;
  bot::system_clock clock;
  fake_weixin weixin;
  bot::http_client client{io};
  std::unique_ptr<bot::app> service;
  std::uint16_t port = 0;
};

}  // namespace testing::weixin
