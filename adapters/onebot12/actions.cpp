#include "adapters/onebot12/actions.hpp"

#include "adapters/onebot12/ids.hpp"

namespace adapters::onebot12 {
namespace {

using nlohmann::json;
using status = bot::send_result::status;

reading outcome(status s, std::string error) {
  reading r;
  r.result.outcome = s;
  r.result.error = std::move(error);
  return r;
}

nlohmann::json self_json(const std::string& account) {
  const std::string_view p = platform_of(account);
  return {{"platform", std::string(p)}, {"user_id", wire_id(account, account)}};
}

json envelope(const action& act) {
  json j{{"action", act.name}, {"params", act.params}};
  if (!act.account.empty()) j["self"] = self_json(act.account);
  return j;
}

std::string refusal_of(const json& body, int retcode) {
  std::string text = "retcode " + std::to_string(retcode);
  if (auto m = body.find("message");
      m != body.end() && m->is_string() && !m->get_ref<const std::string&>().empty())
    text += ": " + m->get<std::string>();
  return text;
}

long long retcode_of(const json& body) {
  auto rc = body.find("retcode");
  return rc != body.end() && rc->is_number_integer() ? rc->get<long long>() : -1;
}

// The spec's success: status "ok" and retcode 0, both.
bool succeeded(const json& body) {
  if (!body.is_object()) return false;
  auto st = body.find("status");
  return st != body.end() && st->is_string() && st->get_ref<const std::string&>() == "ok" &&
         retcode_of(body) == 0;
}

}  // namespace

reading read_answer(const answer& a) {
  if (a.how == answer::transport::not_sent) return outcome(status::unreachable, "not sent: " + a.error);
  if (a.how == answer::transport::no_answer) return outcome(status::uncertain, "no answer: " + a.error);
  const int http = a.http_status;
  if (http == 401 || http == 403)
    return outcome(status::retry,
                   "HTTP " + std::to_string(http) + ": the implementation refused the access token");
  if (http == 400) return outcome(status::failed, "HTTP 400");
  if (http != 200) return outcome(status::retry, "HTTP " + std::to_string(http));
  if (!a.body.is_object()) return outcome(status::retry, "the answer is not a JSON object");

  const long long retcode = retcode_of(a.body);
  if (succeeded(a.body)) {
    reading r;
    if (auto data = a.body.find("data"); data != a.body.end() && data->is_object())
      if (auto id = data->find("message_id"); id != data->end())
        r.result.platform_message_id = id_text(*id).value_or("");
    return r;
  }
  reading r = outcome(status::retry, refusal_of(a.body, static_cast<int>(retcode)));
  r.retcode = retcode;
  if (retcode == 10101 || retcode == 10102) {
    r.result.outcome = status::unreachable;
  } else if (retcode >= 10000 && retcode < 20000) {
    r.result.outcome = status::failed;
  } else if ((retcode >= 34000 && retcode < 35000) || (retcode >= 36000 && retcode < 37000)) {
    r.slow_down = true;
  } else if (retcode >= 35000 && retcode < 36000) {
    r.result.outcome = status::failed;
  }
  return r;
}

json answer_data(const answer& a) {
  if (a.how != answer::transport::answered || a.http_status != 200 || !succeeded(a.body)) return nullptr;
  auto data = a.body.find("data");
  return data == a.body.end() ? json(nullptr) : *data;
}

std::string ws_frame(const action& act, const std::string& echo) {
  json j = envelope(act);
  j["echo"] = echo;
  return j.dump();
}

bot::http_call http_request(const action& act, const std::string& api_url, const std::string& access_token,
                            int timeout_ms) {
  bot::http_call c;
  c.url = api_url;
  c.body = envelope(act).dump();
  c.headers.emplace_back("Content-Type", "application/json");
  if (!access_token.empty()) c.headers.emplace_back("Authorization", "Bearer " + access_token);
  c.timeout_ms = timeout_ms;
  return c;
}

}  // namespace adapters::onebot12
