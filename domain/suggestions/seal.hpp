// The way back to an anonymous writer is stored only sealed with AES-256-GCM under the relay key
// (bot/relay_seal: [suggestions] relay_key or ESTATEBOT_SUGGESTIONS_RELAY_KEY). Without a
// configured key each run makes a random one that lives only in memory: replies then reach
// writers only until the next restart, and nothing on disk can ever be opened again.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/config.hpp"
#include "bot/message.hpp"

namespace domain::suggestions {

struct sealed_writer {
  bot::chat_ref chat;  // their direct chat
  std::string lang;    // zh-CN | en-US
};

// `purpose` is authenticated with the seal ("inbox", "ticket:12"): a seal copied to another
// ticket does not open.
std::string seal_writer(const bot::config& cfg, const sealed_writer& w, std::string_view purpose);
std::optional<sealed_writer> open_writer(const bot::config& cfg, std::string_view sealed,
                                         std::string_view purpose);
// The purpose of a seal once the suggestion is a ticket: "ticket:12".
std::string relay_purpose(std::int64_t ticket_id);

// The rate-limit bucket of a writer in one window: a keyed hash that changes with every window,
// so buckets of different days cannot be joined and none can be computed without the key.
std::string quota_bucket(const bot::config& cfg, const bot::user_ref& writer, std::int64_t window_start);

}  // namespace domain::suggestions
