// The OneBot 12 actions estatebot calls and how their answers map onto the outbox's outcomes.
// Pure: the same action goes out as a WebSocket frame {action, params, echo, self} or as a POST of
// {action, params, self} to the implementation's HTTP endpoint. Answers {status, retcode, data,
// message} by retcode class (OneBot 12 Connect, "返回码"):
//   status "ok" and retcode 0          → sent (data.message_id when there is one; ComWeChat gives none)
//   10005 / 10006 / 10007 segment refused → failed, unless the channel can send it again without
//                                           the refused optional segment (reply, mention, mention_all)
//   10101 / 10102 (which account? / unknown account) → unreachable: the account is not logged in
//                                           there now; the row waits like any outage
//   other 1xxxx (bad request, params, unsupported action) → failed: dead-letter
//   2xxxx (handler error)              → retry
//   34xxx (platform: risk control, muted) / 36xxx (I Am Tired) → retry, and the account pauses
//   35xxx (logic: not in the group, ...) → failed
//   31xxx-33xxx and anything else      → retry
//   no answer after the request went out → uncertain; never sent → unreachable
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "bot/call_answer.hpp"
#include "bot/channel.hpp"
#include "bot/http_types.hpp"

namespace adapters::onebot12 {

struct action {
  std::string name;
  nlohmann::json params;
  std::string account;  // the bot account it is for ("wechat:wxid_bot"), sent as `self`
};

using answer = bot::call_answer;

struct reading {
  bot::send_result result;
  long long retcode = 0;   // the implementation's, when it answered; -1 when the answer had none
  bool slow_down = false;  // 34xxx / 36xxx: the account should pause
  // 10005 / 10007: a segment type (or its data) is not supported; 10006: a segment's data is bad.
  bool segment_refused() const { return retcode >= 10005 && retcode <= 10007; }
};
reading read_answer(const answer& a);
// The `data` of a successful answer (get_status), null otherwise.
nlohmann::json answer_data(const answer& a);

std::string ws_frame(const action& act, const std::string& echo);
bot::http_call http_request(const action& act, const std::string& api_url, const std::string& access_token,
                            int timeout_ms);

}  // namespace adapters::onebot12
