// A customer group's message (protocols/wecom-wechat.md §2.3): no bot can post there, so a send
// creates a mass-send task (externalcontact/add_msg_template, chat_type "group", the owning staff
// member as sender, the group's chat id) that the staff member confirms in the WeCom client; each
// later attempt asks get_groupmsg_send_result whether it went. Never "sent" before WeCom says so:
// until then the row is confirming, its progress "confirm:<msgid>". WeCom allows each customer
// group a limited number of mass messages a month; over it, the task fails for that group.
#pragma once
#include <optional>
#include <string>

#include "bot/channel.hpp"
#include "bot/http_types.hpp"

namespace adapters::wecom {

inline constexpr std::string_view customer_account = "customer";
inline constexpr std::size_t task_text_bytes = 4000;  // a mass-send task's text

std::string task_body(const std::string& sender, const std::string& chat_id, const std::string& text);
// The task's msgid, or the outcome when WeCom created none.
struct task_created {
  std::optional<std::string> msgid;
  bot::send_result failure;
};
task_created read_task_created(const bot::http_reply& reply);

std::string result_query(const std::string& msgid, const std::string& sender);
// sent (status 1), confirming (0, or not listed yet), failed (2: not a customer, 3: the group's
// quota of mass messages), or how the call itself went wrong.
bot::send_result read_task_result(const bot::http_reply& reply, const std::string& chat_id,
                                  const std::string& msgid, std::int64_t poll_ms);

}  // namespace adapters::wecom
