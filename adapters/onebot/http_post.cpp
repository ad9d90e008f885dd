#include "adapters/onebot/http_post.hpp"

#include <nlohmann/json.hpp>

#include "bot/log.hpp"

namespace adapters::onebot {

post_result read_post(const bot::http_request& req, const auth_rules& auth, const event_rules& rules) {
  post_result r;
  auto admission = admit_post(req, auth);
  if (admission.refusal) {
    r.response = *admission.refusal;
    return r;
  }
  auto j = nlohmann::json::parse(req.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
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
