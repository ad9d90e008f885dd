// OneBot API calls estatebot makes and how their answers map onto the outbox's outcomes. Pure:
// the same call goes out as a WebSocket frame {action, params, echo} or as POST <api_url>/<action>.
//   status ok                                  → sent (message_id kept as an opaque string)
//   retcode 1200, "风控", a timeout in the text  → uncertain (risk control: it may have gone out)
//   no answer after the request went out       → uncertain (the next attempt looks in the
//                                                chat's history first: history_check.hpp)
//   not sent at all (no connection, refused) → unreachable (waits for the client, no attempt used)
//   bad parameters (HTTP 400/406, retcode 1400/400/404/1404) → failed
//   anything else (auth, 5xx, other retcodes)  → retry, with the outbox's growing pauses
//   a delete_msg the client answered and refused → failed (read_recall_answer)
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "adapters/onebot/segments.hpp"
#include "bot/call_answer.hpp"
#include "bot/channel.hpp"
#include "bot/http_types.hpp"

namespace adapters::onebot {

struct api_call {
  std::string action;
  nlohmann::json params;
};

// send_group_msg / send_private_msg per message part, or delete_msg per id of body.recall_id
// (ids of a message sent in several parts are joined with ',').
std::vector<api_call> calls_for(const bot::delivery& d, const render_options& opt);

using api_answer = bot::call_answer;

bot::send_result read_answer(const api_answer& answer);
// A delete_msg the client answered and refused will be refused again (QQ lets an account that is
// not a group admin recall its own messages for about two minutes; the message may be gone): it
// is `failed` at once, never retried and never taken for risk control, so the correction that
// replaces a failed recall goes out at once. Transport failures are retried as for sends.
bot::send_result read_recall_answer(const api_answer& answer);

// How far a row that takes several calls got (the parts of a long text, the deletes of a recall),
// kept in the outbox while it is pending and handed back as bot::delivery::progress: one entry per call done,
// in order, joined with ',' — the message id of a part sent ("?" when the client gave none), or the id a
// delete removed. A retry resumes after them: no part is sent twice, no delete repeated, and the
// row ends with the ids of all its parts.
std::vector<std::string> read_progress(const std::string& stored);
std::string write_progress(const std::vector<std::string>& done);
// The ids of the parts sent, for the row once it is sent (what a later recall deletes).
std::string sent_ids(const std::vector<std::string>& done);
inline constexpr std::string_view no_message_id = "?";
// The client answered with what QQ risk control looks like (retcode 1200, 风控, a send timeout).
bool risk_control(const api_answer& answer);

std::string ws_frame(const api_call& call, const std::string& echo);
bot::http_call http_request(const api_call& call, const std::string& api_url, const std::string& access_token,
                            int timeout_ms);

}  // namespace adapters::onebot
