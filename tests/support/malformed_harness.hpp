// The malformed-input suite (issue 10): the real estatebot binary with the generic webhook, OneBot
// HTTP POST and the reverse WebSocket on, a bridge and a OneBot HTTP API faked on loopback, and
// requests written byte by byte so that a case can be anything a peer may send. Each case is sent
// on a fresh connection; the suite checks the answer's status and that a refused request left no
// row behind (read through a read-only connection of our own).
#pragma once
#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bot/crypto.hpp"
#include "support/fake_onebot.hpp"
#include "support/raw_client.hpp"
#include "support/running_bot.hpp"
#include "support/webhook_peer.hpp"

namespace testing::malformed {

using nlohmann::json;
using namespace std::chrono_literals;

inline constexpr const char* webhook_secret = "suite-webhook-secret";
inline constexpr const char* onebot_secret = "suite-onebot-secret";
inline constexpr const char* onebot_token = "suite-ws-token";
inline constexpr const char* bot_qq = "3889001234";
inline constexpr const char* wecom_corp = "wwsuitecorp";
inline constexpr const char* wecom_token = "suiteWecomToken";
inline constexpr const char* wecom_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
inline constexpr const char* mp_app = "wxsuiteapp";
inline constexpr const char* mp_token = "suiteMpToken";
inline constexpr const char* mp_key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
inline constexpr std::size_t max_body = 256 * 1024;  // room for a 200 KB body nested 100,000 deep
inline constexpr int read_timeout_ms = 800;          // bounds the cases that never finish a request

// What a case expects. A status from 100 up is exact; the classes below accept a range.
inline constexpr int any_2xx = 2;
inline constexpr int any_4xx = 4;
inline constexpr int answered_below_500 = 1;  // any answer but a 5xx (behaviour HTTP leaves open)
inline constexpr int closed_unanswered = 0;   // a request never completed: closed after the timeout

struct malformed_case {
  std::string name;
  std::string request;     // the raw bytes sent on a fresh connection
  int expect;              // a status, or one of the classes above
  bool may_store = false;  // accepted as new: it may add rows (refusals and duplicates may not)
};

inline bool meets(int expect, int status) {
  if (expect == closed_unanswered) return status == 0;
  if (expect == answered_below_500) return status >= 100 && status < 500;
  if (expect < 100) return status / 100 == expect;
  return status == expect;
}

// A request with Host and, for a body or a POST, Content-Length; `headers` are "Name: value\r\n" lines.
inline std::string raw_request(const std::string& method, const std::string& target,
                               const std::string& headers, const std::string& body = {}) {
  std::string length =
      body.empty() && method != "POST" ? "" : fmt::format("Content-Length: {}\r\n", body.size());
  return fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\n{}{}\r\n{}", method, target, headers, length,
                     body);
}

inline std::string webhook_signature(const std::string& body, const std::string& secret = webhook_secret) {
  return "sha256=" + bot::crypto::hmac_sha256_hex(secret, body);
}
inline std::string onebot_signature(const std::string& body, const std::string& secret = onebot_secret) {
  return "sha1=" + bot::crypto::hmac_sha1_hex(secret, body);
}

// A webhook POST signed as a bridge signs it, or with `headers` instead of the signature.
inline std::string webhook_post(const std::string& body, std::optional<std::string> headers = std::nullopt,
                                const std::string& target = "/webhook/generic") {
  std::string h = headers ? *headers : "X-Signature: " + webhook_signature(body) + "\r\n";
  return raw_request("POST", target, "Content-Type: application/json\r\n" + h, body);
}

// A OneBot HTTP POST event from the configured account, signed, or with `headers` instead.
inline std::string onebot_post(const std::string& body, std::optional<std::string> headers = std::nullopt) {
  std::string h = headers
                      ? *headers
                      : fmt::format("X-Self-ID: {}\r\nX-Signature: {}\r\n", bot_qq, onebot_signature(body));
  return raw_request("POST", "/onebot", "Content-Type: application/json\r\n" + h, body);
}

// One chat message as a bridge posts it.
inline json webhook_json(const std::string& id, const std::string& text,
                         const std::string& chat_type = "group") {
  return {{"platform", "wechat"},
          {"message_id", id},
          {"chat", {{"type", chat_type}, {"id", "suite@chatroom"}, {"name", "3栋业主群"}}},
          {"sender", {{"id", "wxid_suite"}, {"name", "王阿姨"}}},
          {"text", text}};
}

// One OneBot v11 group message event, as NapCat posts it.
inline json onebot_json(std::int64_t message_id, const std::string& text, std::int64_t group = 880001) {
  return {{"time", 1764547200},
          {"self_id", 3889001234LL},
          {"post_type", "message"},
          {"message_type", "group"},
          {"sub_type", "normal"},
          {"message_id", message_id},
          {"group_id", group},
          {"user_id", 2200334455LL},
          {"message", json::array({{{"type", "text"}, {"data", {{"text", text}}}}})},
          {"raw_message", text},
          {"sender", {{"user_id", 2200334455LL}, {"nickname", "王阿姨"}, {"card", ""}, {"role", "member"}}}};
}

// Rows a request may add: inbound message ids, tickets, members.
struct row_counts {
  std::int64_t inbound = 0, tickets = 0, members = 0;
  bool operator==(const row_counts&) const = default;
};

// The case families (tests/loopback/malformed_*_cases.cpp).
std::vector<malformed_case> http_cases();
std::vector<malformed_case> webhook_auth_cases();
std::vector<malformed_case> webhook_body_cases();
std::vector<malformed_case> onebot_cases();
std::vector<malformed_case> chat_cases();
// WeCom app callbacks and Official Account pushes: signatures, timestamps, ciphertexts, XML.
std::vector<malformed_case> weixin_cases();
// What issue 10 item 7 fixed: a chat.type that is no string, ids beyond 2^63.
std::vector<malformed_case> item7_cases();

struct suite_bot {
  suite_bot() {
    testing::write_file(dir.file("config.toml"),
                        fmt::format(R"(
[server]
port = 0
max_body_bytes = {}
read_timeout_ms = {}
[storage]
path = "{}"
[outbox]
backoff_initial_ms = 50
backoff_max_ms = 200
per_chat_per_second = 100.0
per_chat_burst = 100
[outbox.platforms.webhook]
per_second = 200.0
burst = 200
[outbox.platforms.onebot]
per_second = 200.0
burst = 200
[adapters.console]
enabled = false
[adapters.webhook]
enabled = true
secret = "{}"
outbound_url = "http://127.0.0.1:{}/bridge"
[adapters.onebot]
enabled = true
secret = "{}"
access_token = "{}"
api_url = "{}"
self_ids = [{}]
[adapters.wecom]
enabled = true
corp_id = "{}"
agent_id = 1000002
token = "{}"
encoding_aes_key = "{}"
secret = "suite-corp-secret"
api_base = "http://127.0.0.1:9"
[adapters.wechat_mp]
enabled = true
app_id = "{}"
token = "{}"
encoding_aes_key = "{}"
app_secret = "suite-mp-secret"
api_base = "http://127.0.0.1:9"
)",
                                    max_body, read_timeout_ms, db_path(), webhook_secret, bridge.port,
                                    onebot_secret, onebot_token, api.url(), bot_qq, wecom_corp, wecom_token,
                                    wecom_key, mp_app, mp_token, mp_key));
    process.emplace(io, dir, "bot");
  }

  std::string db_path() const { return dir.file("bot.sqlite3"); }

  // The status of the answer to `c` on a fresh connection, 0 when it was closed without one.
  int send(const malformed_case& c) {
    testing::raw_client conn(process->port);
    REQUIRE(conn.connected());
    conn.send(c.request);
    testing::run_until(
        io,
        [&] {
          const int status = status_of(conn.received());
          return status >= 200 || status == 101 || conn.closed();
        },
        std::chrono::milliseconds(read_timeout_ms * 4));
    return status_of(conn.received());
  }

  // The status of the last response in `received`, whatever its HTTP/1.x version; 0 before one.
  static int status_of(const std::string& received) {
    auto at = received.rfind("HTTP/1.");
    return at == std::string::npos || received.size() < at + 12 ? 0 : std::atoi(received.c_str() + at + 9);
  }

  row_counts rows() {
    SQLite::Database db(db_path(), SQLite::OPEN_READONLY);
    auto count = [&](const char* table) {
      return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
    };
    return {count("inbound_seen"), count("tickets"), count("members")};
  }

  // Sends every case of a family: each answered as expected, and a refusal stores nothing.
  std::size_t run(const std::vector<malformed_case>& family) {
    for (const auto& c : family) {
      const row_counts before = rows();
      const int status = send(c);
      INFO("case: " << c.name << " answered " << status);
      CHECK(meets(c.expect, status));
      CHECK(status < 500);
      if (!c.may_store) CHECK(rows() == before);
    }
    return family.size();
  }

  boost::asio::io_context io;
  testing::temp_dir dir;
  testing::answering_bridge bridge{io};
  testing::fake_http_api api{io};
  std::optional<testing::running_bot> process;
};

}  // namespace testing::malformed
