// Sending one message to many groups, shared by notices and emergencies: which groups a broadcast
// reaches, which language each group reads, and one outbox row per group with a ref that delivery
// reports find again. How a command names the scope ("3栋", "全小区") is commands/broadcast.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/chat_store.hpp"
#include "storage/outbox_store.hpp"

namespace domain::broadcast {

// The active owners' groups an admin registered to a community (绑定小区). With a building: that building's
// groups and the whole-community groups too, because many owners are only in the big group and a building's
// notice must not miss them.
std::vector<storage::chat_row> broadcast_targets(bot::services& svc, std::int64_t community,
                                                 const std::optional<std::string>& building);

// A group reads the language set for it (群语言), else the community's language — never the
// language the staff member happened to type the command in.
bot::locale group_locale(const bot::services& svc, const storage::chat_row& group);

// The ref of a notice's or an emergency's outbox rows ("notice:7"): delivery reports, recalls and
// the dead-letter alert find the rows again by it.
std::string notice_ref(std::int64_t id);
std::string emergency_ref(std::int64_t id);

// One outbox row per group; `render` is called once per language that is needed.
std::size_t fan_out(bot::services& svc, const std::vector<storage::chat_row>& groups,
                    const std::function<bot::outgoing(bot::locale)>& render, storage::priority p,
                    const std::string& ref);

}  // namespace domain::broadcast
