#include "adapters/onebot/api.hpp"

#include "adapters/onebot/ids.hpp"
#include "bot/utf8.hpp"

namespace adapters::onebot {
namespace {

using nlohmann::json;
using status = bot::send_result::status;

std::string text_of(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool sounds_like_risk_control(const json& body) {
  for (const char* key : {"message", "wording", "msg"}) {
    std::string s = text_of(body, key);
    if (s.find("风控") != std::string::npos ||
        bot::utf8::to_lower_ascii(s).find("timeout") != std::string::npos || s == "SEND_MSG_API_ERROR")
      return true;
  }
  return false;
}

int retcode_of(const json& body) {
  auto rc = body.find("retcode");
  return rc != body.end() && rc->is_number_integer() ? rc->get<int>() : -1;
}

bool accepted(const json& body) {
  std::string state = text_of(body, "status");
  return state == "ok" || state == "async" || (state.empty() && retcode_of(body) == 0);
}

// "retcode 1200: <wording|message|msg>" for logs and delivery reports.
std::string refusal_of(const json& body) {
  std::string why = text_of(body, "wording");
  if (why.empty()) why = text_of(body, "message");
  if (why.empty()) why = text_of(body, "msg");
  return "retcode " + std::to_string(retcode_of(body)) + (why.empty() ? "" : ": " + why);
}

bot::send_result result(status s, std::string error) {
  bot::send_result r;
  r.outcome = s;
  r.error = std::move(error);
  return r;
}

}  // namespace

std::vector<api_call> calls_for(const bot::delivery& row, const render_options& opt) {
  std::vector<api_call> calls;
  if (!row.body.recall_id.empty()) {
    std::string_view ids = row.body.recall_id;
    while (!ids.empty()) {
      std::size_t comma = ids.find(',');
      std::string id(bot::utf8::trim(ids.substr(0, comma)));
      if (!id.empty()) calls.push_back({"delete_msg", {{"message_id", id_json(id)}}});
      ids.remove_prefix(comma == std::string_view::npos ? ids.size() : comma + 1);
    }
    return calls;
  }
  const bool group = row.target.is_group();
  for (auto& message : render(row.body, opt)) {
    if (message.empty()) continue;
    json params{{group ? "group_id" : "user_id", id_json(row.target.id)}, {"message", std::move(message)}};
    calls.push_back({group ? "send_group_msg" : "send_private_msg", std::move(params)});
  }
  return calls;
}

bool risk_control(const api_answer& a) {
  if (a.how != api_answer::transport::answered || a.http_status != 200 || !a.body.is_object()) return false;
  if (text_of(a.body, "status") == "ok") return false;
  auto rc = a.body.find("retcode");
  return (rc != a.body.end() && rc->is_number_integer() && rc->get<int>() == 1200) ||
         sounds_like_risk_control(a.body);
}

bot::send_result read_answer(const api_answer& a) {
  if (a.how == api_answer::transport::not_sent) return result(status::unreachable, "not sent: " + a.error);
  if (a.how == api_answer::transport::no_answer) return result(status::uncertain, "no answer: " + a.error);
  const int http = a.http_status;
  if (http == 400 || http == 406) return result(status::failed, "HTTP " + std::to_string(http));
  if (http == 401 || http == 403)
    return result(status::retry,
                  "HTTP " + std::to_string(http) + ": the client refused adapters.onebot.access_token");
  if (http != 200) return result(status::retry, "HTTP " + std::to_string(http));
  if (!a.body.is_object()) return result(status::retry, "the answer is not a JSON object");

  const int retcode = retcode_of(a.body);
  if (accepted(a.body)) {
    bot::send_result r;
    r.outcome = status::sent;
    if (auto data = a.body.find("data"); data != a.body.end() && data->is_object())
      if (auto id = id_field(*data, "message_id")) r.platform_message_id = *id;
    return r;
  }
  std::string error = refusal_of(a.body);
  if (risk_control(a)) return result(status::uncertain, "possibly risk control, " + error);
  if (retcode == 1400 || retcode == 400 || retcode == 404 || retcode == 1404)
    return result(status::failed, error);
  return result(status::retry, error);
}

bot::send_result read_recall_answer(const api_answer& a) {
  if (a.how == api_answer::transport::answered && a.http_status == 200 && a.body.is_object() &&
      !accepted(a.body))
    return result(status::failed, "the client refused the recall, " + refusal_of(a.body));
  return read_answer(a);
}

std::vector<std::string> read_progress(const std::string& stored) {
  std::vector<std::string> done;
  if (stored.empty()) return done;
  std::size_t from = 0;
  for (;;) {
    std::size_t comma = stored.find(',', from);
    std::string entry = stored.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    if (!entry.starts_with('~')) done.push_back(std::move(entry));  // a mark of an unsure send: not done
    if (comma == std::string::npos) return done;
    from = comma + 1;
  }
}

std::string write_progress(const std::vector<std::string>& done) {
  std::string out;
  for (std::size_t i = 0; i < done.size(); ++i) {
    if (i > 0) out += ',';
    out += done[i].empty() ? std::string(no_message_id) : done[i];
  }
  return out;
}

std::string sent_ids(const std::vector<std::string>& done) {
  std::string out;
  for (const auto& id : done) {
    if (id.empty() || id == no_message_id) continue;
    out += (out.empty() ? "" : ",") + id;
  }
  return out;
}

std::string ws_frame(const api_call& call, const std::string& echo) {
  return json{{"action", call.action}, {"params", call.params}, {"echo", echo}}.dump();
}

bot::http_call http_request(const api_call& call, const std::string& api_url, const std::string& access_token,
                            int timeout_ms) {
  bot::http_call c;
  c.url = api_url;
  while (!c.url.empty() && c.url.back() == '/') c.url.pop_back();
  c.url += "/" + call.action;
  c.body = call.params.dump();
  c.headers.emplace_back("Content-Type", "application/json");
  if (!access_token.empty()) c.headers.emplace_back("Authorization", "Bearer " + access_token);
  c.timeout_ms = timeout_ms;
  return c;
}

}  // namespace adapters::onebot
