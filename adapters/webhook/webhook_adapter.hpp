// The generic JSON webhook, for bridges (a personal-WeChat bridge, anything that can POST JSON).
// Inbound: POST <path> with `X-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`; the schema
// is in README.md. Outbound: replies POSTed as JSON to outbound_url, signed the same way, with
// `X-Estatebot-Delivery: <id>` so a bridge can drop a repeated delivery.
#pragma once
#include "adapters/adapter.hpp"
#include "bot/channel.hpp"
#include "bot/config.hpp"

namespace adapters::webhook {

constexpr std::string_view platform = "webhook";

// The pure part: parse (with the signature check) and render; webhook_channel does the I/O.
class webhook_adapter final {
 public:
  explicit webhook_adapter(bot::webhook_config cfg) : cfg_(std::move(cfg)) {}
  std::string_view name() const { return platform; }
  std::vector<route> routes() const {
    return {{"POST", cfg_.path, [this](const bot::http_request& req) { return check_headers(req); }}};
  }
  inbound_result parse_inbound(const bot::http_request& req) const;
  // 401 without an X-Signature of the sha256=<hex> form; asked again by parse_inbound.
  std::optional<bot::http_response> check_headers(const bot::http_request& req) const;

  bot::http_call render_outbound(const bot::delivery& d) const;
  bot::send_result read_send_response(const bot::http_reply& reply) const;

 private:
  bot::webhook_config cfg_;
};

}  // namespace adapters::webhook
