// The generic webhook's signature (X-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>): missing,
// malformed, for another body or secret, duplicated, or replaced by the token schemes OneBot uses.
#include "support/malformed_harness.hpp"

namespace testing::malformed {
namespace {

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string signed_with(const std::string& body, const std::string& value) {
  return webhook_post(body, "X-Signature: " + value + "\r\n");
}

}  // namespace

std::vector<malformed_case> webhook_auth_cases() {
  const std::string body = webhook_json("wa-refused", "报修 3-2-1201 厨房水管漏水").dump();
  const std::string good = webhook_signature(body);
  const std::string hex = good.substr(7);
  return {
      {"no signature", webhook_post(body, ""), 401},
      {"no signature, body held back",
       "POST /webhook/generic HTTP/1.1\r\nHost: t\r\nContent-Length: 5000\r\n\r\n", 401},
      {"empty signature", signed_with(body, ""), 401},
      {"scheme only", signed_with(body, "sha256="), 401},
      {"hex without scheme", signed_with(body, hex), 401},
      {"upper-case scheme", signed_with(body, "SHA256=" + hex), 401},
      {"sha1 scheme, right secret",
       signed_with(body, "sha1=" + bot::crypto::hmac_sha1_hex(webhook_secret, body)), 401},
      {"sha1 length hex", signed_with(body, "sha256=" + hex.substr(0, 40)), 401},
      {"one hex digit short", signed_with(body, "sha256=" + hex.substr(1)), 401},
      {"one hex digit more", signed_with(body, good + "0"), 401},
      {"non-hex digits", signed_with(body, "sha256=" + std::string(64, 'z')), 401},
      {"all zeros", signed_with(body, "sha256=" + std::string(64, '0')), 401},
      {"wrong secret", signed_with(body, webhook_signature(body, "not-the-secret")), 401},
      {"OneBot's secret", signed_with(body, webhook_signature(body, onebot_secret)), 401},
      {"empty secret", signed_with(body, webhook_signature(body, "")), 401},
      {"signature of another body", signed_with(body, webhook_signature(body + " ")), 401},
      {"body changed after signing", signed_with(body + " ", good), 401},
      {"signature of the empty body", signed_with(body, webhook_signature("")), 401},
      {"signature with spaces inside", signed_with(body, "sha256= " + hex), 401},
      {"two signatures, wrong first",
       webhook_post(body,
                    "X-Signature: sha256=" + std::string(64, '0') + "\r\nX-Signature: " + good + "\r\n"),
       401},
      {"Bearer token instead",
       webhook_post(body, std::string("Authorization: Bearer ") + webhook_secret + "\r\n"), 401},
      {"Token scheme instead",
       webhook_post(body, std::string("Authorization: Token ") + webhook_secret + "\r\n"), 401},
      {"access_token query instead",
       webhook_post(body, "", std::string("/webhook/generic?access_token=") + webhook_secret), 401},
      {"OneBot's X-Signature header name variant",
       webhook_post(body, "X-Hub-Signature-256: " + good + "\r\n"), 401},
      // Accepted spellings of a right signature: the hex digits are case-insensitive.
      {"upper-case hex is accepted",
       signed_with(webhook_json("wa-upper", "大家好").dump(),
                   "sha256=" + upper(webhook_signature(webhook_json("wa-upper", "大家好").dump()).substr(7))),
       200, true},
      {"two signatures, right first",
       webhook_post(webhook_json("wa-two", "大家好").dump(),
                    "X-Signature: " + webhook_signature(webhook_json("wa-two", "大家好").dump()) +
                        "\r\nX-Signature: sha256=" + std::string(64, '0') + "\r\n"),
       200, true},
      {"signed empty body", webhook_post("", "X-Signature: " + webhook_signature("") + "\r\n"), 400},
  };
}

}  // namespace testing::malformed
