// OneBot v11 on the wire: HTTP POST signatures (X-Signature: sha1=...) and X-Self-ID, events of
// every post_type with missing or mistyped fields, unknown types (acknowledged with 204, since the
// client only needs to know it was received), and reverse WebSocket handshakes with every token
// spelling (Authorization Bearer / Token, ?access_token=).
#include "support/malformed_harness.hpp"

namespace testing::malformed {
namespace {

std::string with_headers(const std::string& body, const std::string& self_id, const std::string& signature) {
  std::string h = self_id.empty() ? "" : "X-Self-ID: " + self_id + "\r\n";
  if (!signature.empty()) h += "X-Signature: " + signature + "\r\n";
  return onebot_post(body, h);
}

std::vector<malformed_case> auth_cases() {
  const std::string body = onebot_json(7001, "报修 3-2-1201 厨房水管漏水").dump();
  const std::string good = onebot_signature(body);
  const std::string hex = good.substr(5);
  return {
      {"no X-Self-ID", with_headers(body, "", good), 400},
      {"X-Self-ID not a number", with_headers(body, "bot", good), 400},
      {"X-Self-ID negative", with_headers(body, "-3889001234", good), 400},
      {"X-Self-ID 21 digits", with_headers(body, std::string(21, '9'), good), 400},
      {"X-Self-ID of another account", with_headers(body, "10001", good), 403},
      {"no X-Signature", with_headers(body, bot_qq, ""), 401},
      {"no X-Signature, body held back",
       fmt::format("POST /onebot HTTP/1.1\r\nHost: t\r\nX-Self-ID: {}\r\nContent-Length: 9000\r\n\r\n",
                   bot_qq),
       401},
      {"X-Signature scheme only", with_headers(body, bot_qq, "sha1="), 403},
      {"X-Signature without scheme", with_headers(body, bot_qq, hex), 403},
      {"X-Signature sha256 scheme", with_headers(body, bot_qq, "sha256=" + hex), 403},
      {"X-Signature HMAC-SHA256", with_headers(body, bot_qq, webhook_signature(body, onebot_secret)), 403},
      {"X-Signature wrong secret", with_headers(body, bot_qq, onebot_signature(body, "wrong")), 403},
      {"X-Signature with the access token", with_headers(body, bot_qq, onebot_signature(body, onebot_token)),
       403},
      {"X-Signature of another body", with_headers(body, bot_qq, onebot_signature(body + "\n")), 403},
      {"X-Signature one digit short", with_headers(body, bot_qq, good.substr(0, good.size() - 1)), 403},
      {"X-Signature zeros", with_headers(body, bot_qq, "sha1=" + std::string(40, '0')), 403},
      {"Bearer token instead of a signature",
       onebot_post(body, fmt::format("X-Self-ID: {}\r\nAuthorization: Bearer {}\r\n", bot_qq, onebot_token)),
       401},
      {"access_token query instead of a signature",
       raw_request("POST", std::string("/onebot?access_token=") + onebot_token,
                   fmt::format("X-Self-ID: {}\r\n", bot_qq), body),
       401},
      {"self_id differs from X-Self-ID",
       with_headers(
           R"({"self_id":10001,"post_type":"meta_event","meta_event_type":"lifecycle"})", bot_qq,
           onebot_signature(R"({"self_id":10001,"post_type":"meta_event","meta_event_type":"lifecycle"})")),
       400},
      {"upper-case scheme and hex accepted",
       with_headers(
           onebot_json(7002, "大家好").dump(), bot_qq,
           "SHA1=" +
               [](std::string s) {
                 for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                 return s;
               }(onebot_signature(onebot_json(7002, "大家好").dump()).substr(5))),
       204, true},
  };
}

malformed_case event(const std::string& name, const json& j, int expect) {
  return {name, onebot_post(j.dump()), expect, expect < 300};
}

// A group message (id `id`) with one change.
malformed_case message(const std::string& name, std::int64_t id, const std::function<void(json&)>& change,
                       int expect) {
  json j = onebot_json(id, "大家好");
  change(j);
  return event(name, j, expect);
}

std::vector<malformed_case> message_cases() {
  auto set = [](const char* key, json v) { return [=](json& j) { j[key] = v; }; };
  auto drop = [](const char* key) { return [=](json& j) { j.erase(key); }; };
  std::string deep = onebot_json(7100, "大家好").dump();
  deep.insert(deep.find(R"("text":"大家好")"),
              R"("x":)" + std::string(100'000, '[') + std::string(100'000, ']') + ",");
  return {
      event("an array, not an event", json::array({onebot_json(7010, "x")}), 400),
      message("self_id missing", 7011, drop("self_id"), 400),
      message("self_id text", 7012, set("self_id", "abc"), 400),
      message("self_id as digits in a string", 7013, set("self_id", "3889001234"), 204),
      message("post_type missing", 7014, drop("post_type"), 400),
      message("post_type number", 7015, set("post_type", 1), 400),
      message("post_type unknown", 7016, set("post_type", "telemetry"), 204),
      message("message_type unknown", 7017, set("message_type", "guild"), 204),
      message("message_type missing", 7018, drop("message_type"), 204),
      message("message_id missing", 7019, drop("message_id"), 400),
      message("message_id object", 7020, set("message_id", json::object()), 400),
      message("message_id float 1.5", 7021, set("message_id", 1.5), 400),
      message("user_id missing", 7022, drop("user_id"), 400),
      message("user_id text", 7023, set("user_id", "王阿姨"), 400),
      message("user_id null", 7024, set("user_id", nullptr), 400),
      message("group_id missing", 7025, drop("group_id"), 400),
      message("group_id array", 7026, set("group_id", json::array({880001})), 400),
      message(
          "private message without group_id", 7027,
          [](json& j) {
            j["message_type"] = "private";
            j.erase("group_id");
          },
          204),
      message("message as a CQ string", 7028, set("message", "[CQ:face,id=1]大家好&#91;"), 204),
      message("message as one segment object", 7029,
              set("message", json{{"type", "text"}, {"data", {{"text", "hi"}}}}), 204),
      message("message a number: 400", 7030, set("message", 5), 400),
      message("message segments of junk", 7031,
              set("message",
                  json::array({1, "x", nullptr, json{{"type", 5}}, json{{"type", "text"}, {"data", 7}}})),
              204),
      message("segment data with arrays and objects", 7032,
              set("message", json::array({json{{"type", "text"}, {"data", {{"text", json::array({1})}}}}})),
              204),
      message(
          "message null and raw_message a number: 400", 7033,
          [](json& j) {
            j["message"] = nullptr;
            j["raw_message"] = 5;
          },
          400),
      message("sender a string: 400", 7034, set("sender", "王阿姨"), 400),
      message("time a string", 7035, set("time", "now"), 204),
      message("time 1e300", 7036, set("time", 1e300), 204),
      message("anonymous group message", 7037, set("sub_type", "anonymous"), 204),
      message("sent by the bot itself", 7038, set("user_id", 3889001234LL), 204),
      {"segment data nested 100,000 deep", onebot_post(deep), 400},
  };
}

// Notices, requests and meta events: the kinds the adapter reads besides messages.
std::vector<malformed_case> other_event_cases() {
  auto with = [](json extra) {
    json j{{"time", 1764547200}, {"self_id", 3889001234LL}};
    j.update(extra);
    return j;
  };
  return {
      event("notice unknown", with({{"post_type", "notice"}, {"notice_type", "poke"}}), 204),
      event("notice group_increase without ids",
            with({{"post_type", "notice"}, {"notice_type", "group_increase"}}), 400),
      event("notice group_decrease, user_id text",
            with({{"post_type", "notice"},
                  {"notice_type", "group_decrease"},
                  {"group_id", 1},
                  {"user_id", "x"}}),
            400),
      event("request unknown type", with({{"post_type", "request"}, {"request_type", "guild"}}), 204),
      event("friend request without flag",
            with({{"post_type", "request"}, {"request_type", "friend"}, {"user_id", 5}}), 400),
      event("group request with a bad sub_type",
            with({{"post_type", "request"},
                  {"request_type", "group"},
                  {"user_id", 5},
                  {"flag", "f"},
                  {"group_id", 6},
                  {"sub_type", "kidnap"}}),
            400),
      event("meta_event unknown", with({{"post_type", "meta_event"}, {"meta_event_type", "telemetry"}}), 204),
      event("heartbeat with a status string",
            with({{"post_type", "meta_event"}, {"meta_event_type", "heartbeat"}, {"status", "ok"}}), 204),
      event("heartbeat with a negative interval",
            with({{"post_type", "meta_event"}, {"meta_event_type", "heartbeat"}, {"interval", -1}}), 204),
      event("lifecycle without sub_type",
            with({{"post_type", "meta_event"}, {"meta_event_type", "lifecycle"}}), 204),
      event("message_sent echo", with({{"post_type", "message_sent"}}), 204),
  };
}

std::string handshake(const std::string& target, const std::string& headers) {
  return "GET " + target +
         " HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
         headers + "\r\n";
}

std::vector<malformed_case> websocket_cases() {
  const std::string self = fmt::format("X-Self-ID: {}\r\n", bot_qq);
  const std::string token = onebot_token;
  return {
      {"ws: no token", handshake("/onebot/ws", self), 401},
      {"ws: empty Bearer", handshake("/onebot/ws", self + "Authorization: Bearer \r\n"), 401},
      {"ws: wrong Bearer", handshake("/onebot/ws", self + "Authorization: Bearer nope\r\n"), 403},
      {"ws: wrong Token", handshake("/onebot/ws", self + "Authorization: Token nope\r\n"), 403},
      {"ws: Basic scheme", handshake("/onebot/ws", self + "Authorization: Basic " + token + "\r\n"), 403},
      {"ws: token prefix only",
       handshake("/onebot/ws", self + "Authorization: Bearer " + token.substr(0, 5) + "\r\n"), 403},
      {"ws: the POST secret as token",
       handshake("/onebot/ws", self + "Authorization: Bearer " + onebot_secret + "\r\n"), 403},
      {"ws: wrong access_token query", handshake("/onebot/ws?access_token=nope", self), 403},
      {"ws: empty access_token query", handshake("/onebot/ws?access_token=", self), 401},
      {"ws: right token, no X-Self-ID", handshake("/onebot/ws", "Authorization: Bearer " + token + "\r\n"),
       400},
      {"ws: right token, another account",
       handshake("/onebot/ws", "X-Self-ID: 10001\r\nAuthorization: Bearer " + token + "\r\n"), 403},
      {"ws: right token, unknown role",
       handshake("/onebot/ws", self + "X-Client-Role: Admin\r\nAuthorization: Bearer " + token + "\r\n"),
       400},
      {"ws: unknown path", handshake("/onebot/wss", self + "Authorization: Bearer " + token + "\r\n"), 404},
      {"ws: bad WebSocket version",
       "GET /onebot/ws HTTP/1.1\r\nHost: t\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\n" +
           self + "Authorization: Bearer " + token + "\r\n\r\n",
       answered_below_500},
      {"ws: Token scheme accepted", handshake("/onebot/ws", self + "Authorization: Token " + token + "\r\n"),
       101, true},
      {"ws: access_token query accepted", handshake("/onebot/ws?access_token=" + token, self), 101, true},
  };
}

}  // namespace

std::vector<malformed_case> onebot_cases() {
  std::vector<malformed_case> all;
  for (auto family : {auth_cases, message_cases, other_event_cases, websocket_cases})
    for (auto& c : family()) all.push_back(std::move(c));
  return all;
}

}  // namespace testing::malformed
