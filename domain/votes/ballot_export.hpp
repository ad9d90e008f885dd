// All ballots of a vote as CSV, for the record (管理员存档): of a named assembly vote every room of
// the electorate with its area, its roster owner, who cast its ballot, what and when; of a secret
// vote the turnout by room, and apart from it the choices, in an order that follows no room.
#pragma once
#include <string>

#include "bot/services.hpp"
#include "storage/vote_store.hpp"

namespace domain::votes {

struct ballot_csv {
  std::string text;  // UTF-8 with a BOM, so that spreadsheet programs read the Chinese
  int ballots = 0;
};

ballot_csv export_ballots(bot::services& svc, const storage::vote_row& v);

}  // namespace domain::votes
