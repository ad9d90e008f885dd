#include "adapters/wecom/customer_send.hpp"

#include <nlohmann/json.hpp>

#include "adapters/wecom/api_answer.hpp"
#include "bot/json_parse.hpp"
#include "bot/utf8.hpp"

namespace adapters::wecom {
namespace {

using status = bot::send_result::status;

constexpr const char* waiting_words =
    "waiting for the group's staff member to confirm the mass-send task in WeCom";

}  // namespace

std::string task_body(const std::string& sender, const std::string& chat_id, const std::string& text) {
  auto pieces = bot::utf8::split_bytes(text, task_text_bytes);
  std::string content = pieces.front();
  if (pieces.size() > 1) content = bot::utf8::split_bytes(text, task_text_bytes - 3).front() + "…";
  return nlohmann::json{{"chat_type", "group"},
                        {"sender", sender},
                        {"chat_id_list", {chat_id}},
                        {"text", {{"content", content}}}}
      .dump();
}

task_created read_task_created(const bot::http_reply& reply) {
  bot::send_result r = read_api_answer(reply);
  if (r.outcome != status::sent) return {std::nullopt, r};
  auto parsed = bot::parse_untrusted_json(reply.body);
  if (auto fails = parsed.value.find("fail_list");
      fails != parsed.value.end() && fails->is_array() && !fails->empty())
    return {std::nullopt,
            {status::failed, "", "WeCom refused the group for a mass-send task (fail_list): " + fails->dump(),
             std::nullopt}};
  auto it = parsed.value.find("msgid");
  if (it == parsed.value.end() || !it->is_string() || it->get<std::string>().empty())
    return {std::nullopt, {status::retry, "", "add_msg_template answered without a msgid", std::nullopt}};
  return {it->get<std::string>(), {}};
}

std::string result_query(const std::string& msgid, const std::string& sender) {
  return nlohmann::json{{"msgid", msgid}, {"userid", sender}, {"limit", 1000}}.dump();
}

bot::send_result read_task_result(const bot::http_reply& reply, const std::string& chat_id,
                                  const std::string& msgid, std::int64_t poll_ms) {
  bot::send_result r = read_api_answer(reply);
  if (r.outcome != status::sent) return r;
  auto parsed = bot::parse_untrusted_json(reply.body);
  const auto list = parsed.value.find("send_list");
  if (list != parsed.value.end() && list->is_array())
    for (const auto& entry : *list) {
      if (!entry.is_object()) continue;
      auto chat = entry.find("chat_id");
      auto st = entry.find("status");
      if (chat == entry.end() || *chat != chat_id || st == entry.end() || !st->is_number_integer()) continue;
      switch (st->get<int>()) {
        case 1:
          return {status::sent, msgid, "", std::nullopt};
        case 2:
          return {status::failed, "", "the group's owner is not the task's sender (status 2)", std::nullopt};
        case 3:
          return {status::failed, "", "the group has had its mass messages for this period (status 3)",
                  std::nullopt};
        default:
          break;
      }
    }
  return {status::confirming, "", waiting_words, poll_ms};
}

}  // namespace adapters::wecom
