// Sending one message to many groups, shared by notices and emergencies: which groups a broadcast
// reaches, which language each group reads, and one outbox row per group with a ref that delivery
// reports find again.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/command.hpp"
#include "bot/message.hpp"
#include "bot/services.hpp"
#include "bot/texts.hpp"
#include "storage/chat_store.hpp"
#include "storage/outbox_store.hpp"

namespace commands {

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
std::size_t broadcast(bot::services& svc, const std::vector<storage::chat_row>& groups,
                      const std::function<bot::outgoing(bot::locale)>& render, storage::priority p,
                      const std::string& ref);

// "3栋" / "全小区" in a language.
std::string scope_text(const bot::services& svc, bot::locale l, const std::optional<std::string>& building);

// A building named for a broadcast: "3栋", "3号楼", "3#" — not a bare number, which is a record id.
std::optional<std::string> parse_scope_building(std::string_view word);
// The same at a[i], or as English replies show it: "bldg 3", "building 3". Moves `i` past it.
std::optional<std::string> read_scope_building(const bot::args& a, std::size_t& i);

}  // namespace commands
