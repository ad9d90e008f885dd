#include "adapters/onebot/http_post.hpp"

#include <nlohmann/json.hpp>

#include "bot/json_parse.hpp"
#include "bot/log.hpp"

namespace adapters::onebot {

post_result read_post(const bot::http_request& req, const auth_rules& auth, const event_rules& rules) {
  post_result r;
  auto admission = admit_post(req, auth);
  if (admission.refusal) {
    r.response = *admission.refusal;
    return r;
  }
  auto parsed = bot::parse_untrusted_json(req.body);
  if (parsed.refused == bot::untrusted_json::problem::too_deep) {
    bot::log::warn("onebot", "refused (400): {}", bot::too_deep_message());
    r.response = bot::json_error(400, bot::too_deep_message());
    return r;
  }
  const nlohmann::json& j = parsed.value;
  if (!parsed.ok() || !j.is_object()) {
    bot::log::warn("onebot", "refused (400): body is not a JSON object");
    r.response = bot::json_error(400, "body is not a JSON object");
    return r;
  }
  r.event = parse_event(j, rules);
  if (!r.event.ok()) {
    bot::log::warn("onebot", "refused (400): {}", r.event.error);
    r.response = bot::json_error(400, r.event.error);
    return r;
  }
  if (r.event.self_id != admission.self_id) {
    r.event.events.clear();
    r.response = bot::json_error(400, "X-Self-ID and self_id differ");
    return r;
  }
  r.response = {204, "application/json", "", {}};
  return r;
}

}  // namespace adapters::onebot
