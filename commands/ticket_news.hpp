// How the ticket desk's news reads: the staff notice of a new ticket, what the reporter and staff
// hear of a change, and the managers' escalations, in the texts catalogue. Everything here may be
// read in a group, so notes, descriptions and display names pass redact_for_group. The desk
// (domain/tickets/desk) decides what is told to whom; this file only words it.
#pragma once
#include "bot/services.hpp"
#include "domain/tickets/desk.hpp"
#include "domain/tickets/news.hpp"

namespace commands {

const domain::tickets::news& ticket_news();
// The desk as commands and jobs use it: the rules of domain/tickets, worded by ticket_news.
domain::tickets::ticket_desk desk_of(bot::services& svc);

}  // namespace commands
