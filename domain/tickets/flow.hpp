// The ticket state machine, in one place: which action may move a ticket from which state to
// which, and who may take it. Every command and timer asks `check` before it changes a ticket.
//
//   new 待受理 ──接单/派单──▶ assigned 已派单 ──处理──▶ in_progress 处理中 ──完成──▶ resolved 已完成
//        ▲                      │  ▲  转单                │                         │  确认/评价/N天
//        └───────退单───────────┴──┴──────────────────────┘          重开 ◀────────┤  ▼
//   取消 from any open state ─▶ cancelled 已取消                                closed 已关闭
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/ticket_store.hpp"

namespace domain::tickets {

enum class ticket_action {
  take,        // 接单: a staff member takes a new ticket, or the assignee acknowledges one
  assign,      // 派单: a manager gives it to someone
  transfer,    // 转单: the assignee (or a manager) hands it to a colleague
  start,       // 处理: work begins
  resolve,     // 完成: done, with what was done
  give_back,   // 退单: back to the pool, with a reason
  confirm,     // 确认: the reporter accepts the fix
  reopen,      // 重开: the reporter (or a manager) says it is not fixed
  cancel,      // 取消: the reporter withdraws it, or a manager drops it
  auto_close,  // no objection N days after resolution
  urge,        // 催单
  rate,        // 评价 1-5 (accepts a resolved ticket)
  visit,       // 回访: a manager records the return visit
  reply,       // 回复: staff answer the reporter (relayed to anonymous writers)
  escalate,    // overdue: managers are told
};

// Who the actor is to the ticket; an actor may be several at once.
enum party : unsigned {
  reporter = 1,
  assignee = 2,
  staff = 4,    // any staff member of the ticket's community
  manager = 8,  // a manager (or admin) of the community
  system = 16,  // timers
};

struct transition {
  ticket_action action;
  std::vector<domain::ticket_state> from;
  std::optional<domain::ticket_state> to;  // none: the state stays
  unsigned parties;                        // who may do it
};

const std::vector<transition>& transitions();
std::string_view action_name(ticket_action a);  // "take": history rows and audit entries

// What guards need to know besides the ticket.
struct guard_facts {
  std::int64_t now_ms = 0;
  std::int64_t urge_interval_ms = 0;
  bool manual_dispatch = false;  // the ticket's category is assigned by managers only
};

struct verdict {
  const transition* allowed = nullptr;  // the matching row when the action may happen
  std::string refusal;                  // else a text id (fields: id, state, action, assignee, wait)
  std::int64_t wait_ms = 0;             // for "urged recently"
};

verdict check(ticket_action a, const storage::ticket_row& t, unsigned parties, const guard_facts& facts);

}  // namespace domain::tickets
