// Complaints that would have drowned in chat: an owners' group message that is no command but
// reads like a repair or complaint ("3栋电梯又坏了") gets one short offer, and `登记` turns that
// message into a ticket. Keywords and the rate limit are in [tickets.offers]; never for thanks
// or greetings, never more than once per person per window; managers switch it off per group
// with `报修提示 关`.
#pragma once
#include <string_view>
#include <vector>

#include "bot/command.hpp"
#include "domain/intent/classifier.hpp"
#include "storage/ticket_store.hpp"

namespace bot {
class context;
}

namespace commands {

std::vector<bot::command_spec> complaint_offer_commands();
// Chat that reads like a repair or complaint: the right length, a keyword, no ignore word.
bool reads_like_complaint(std::string_view text, const domain::intent::reading& r);
// Offers to register `text` (the message without an @ of the bot) when it reads like a complaint;
// true when it did. `addressed`: the owner asked the bot, so the per-person window does not apply.
// `r`: the text as commands::understand read it (the caller reads a message once).
bool offer_to_register(bot::context& ctx, std::string_view text, const domain::intent::reading& r,
                       bool addressed);
// The offer itself, wherever the caller decided it belongs (private chat offers it too): recorded
// for 登记, with the safety advice first when the words put a life at risk.
void make_offer(bot::context& ctx, std::string_view text);
// "请先拨打 119 …": the safety advice for words that put a life at risk.
std::string safety_first(const bot::context& ctx);
// The ticket an owner's plain words become (登记, or private chat whose meaning is clear).
storage::ticket_row open_from_words(bot::context& ctx, std::string_view text, const std::string& message_id);

}  // namespace commands
