// Sends through wechatbot-webhook, pure: POST <api_url>/webhook/msg/v2?token=<api_token> with
// {"to": <topic, nickname or {"alias": 备注名}>, "isRoom": …, "data": {"type": "text", "content": …}}
// (packages/core/src/route/msg.ts, service/msgSender.ts). The bridge has no @ and no quote: the
// people a delivery mentions are written "@名字" before the text, and @all as "@所有人" (as text it
// notifies nobody). Its answers, and what they mean for the outbox:
//   200 {"success": true}                           sent (the bridge gives no message id)
//   200 {"success": false, task.notFound / "… is not found"}   failed: no such room or person
//   200 {"success": false, task.reject / "params"}  failed: the bridge will never take it
//   200 {"success": false, task.sentFailed}         retry, and the account pauses: WeChat refused it
//                                                   (its "1204" risk control among others)
//   401 "you must login first …"                    unreachable: the account is logged out; rows wait
//   401 otherwise (a wrong api_token), other 4xx    failed
//   408, 429, 5xx                                   retry
//   no answer: unreachable before the request went out, uncertain after.
#pragma once
#include "bot/channel.hpp"
#include "bot/config.hpp"
#include "bot/http_types.hpp"

namespace adapters::wechatbot {

bot::http_call render_send(const bot::wechatbot_config& cfg, const bot::delivery& d);

struct send_answer {
  bot::send_result result;
  bool logged_out = false;  // the bridge says its WeChat is not logged in
  bool refused = false;     // WeChat refused the message: the account should slow down
};

send_answer read_send_answer(const bot::http_reply& reply);

}  // namespace adapters::wechatbot
