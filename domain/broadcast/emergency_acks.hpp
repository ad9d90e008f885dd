// Acknowledgements of an emergency (收到): what reads as one in group chat, which open emergencies
// an acknowledgement counts for, and the figures staff ask for (紧急 5 确认情况) — households from
// the roster where there is one, people heard in the groups otherwise. How the figures read is
// commands/emergency_view.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/services.hpp"
#include "storage/emergency_store.hpp"

namespace storage {
struct stores;
}

namespace domain::broadcast {

// How people say "got it" in a group without the bot's word for it.
bool reads_like_ack(std::string_view raw);

// Group chat while an emergency is open in that group.
enum class emergency_chatter {
  none,          // no open emergency here
  acknowledged,  // an everyday "收到了" / "好的收到" / "知道了": recorded, no reply
  open,          // something else said while one is open
};
emergency_chatter note_chatter(storage::stores& db, std::int64_t chat_id, std::int64_t member_id,
                               std::string_view text, std::int64_t now);

// An acknowledgement counts for the open emergencies sent to the group it was typed in, or
// (typed privately) for every open one sent to the member's groups; `only` narrows it to one.
struct acknowledgement {
  std::vector<std::int64_t> emergencies;  // empty: nothing open to acknowledge, nothing recorded
  bool first = false;                     // the member had not acknowledged one of them before
};
acknowledgement acknowledge(storage::stores& db, std::optional<std::int64_t> group_chat,
                            std::int64_t member_id, std::optional<std::int64_t> only, std::int64_t now);

struct ack_totals {
  bool households = false;  // counted by roster household; else by person heard in the groups
  std::int64_t acked = 0;
  std::int64_t total = 0;
};
ack_totals count_acks(bot::services& svc, const storage::emergency_row& e);

// Acknowledgements against the people heard in the emergency's groups. Staff, managers and admins
// are not asked to acknowledge (reminders leave them out), so they count neither way.
struct people_count {
  struct group {
    std::int64_t chat_id = 0;
    std::string title;
    std::int64_t acked = 0;
    std::int64_t heard = 0;
  };
  std::vector<group> groups;  // the least acknowledged first: where staff should push
  std::int64_t acked = 0;     // different people, wherever they acknowledged
  std::int64_t heard = 0;     // different people heard in any of the groups
};
people_count count_people(bot::services& svc, const storage::emergency_row& e);

}  // namespace domain::broadcast
