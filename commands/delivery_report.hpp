// What staff see when they ask whether a broadcast arrived (公告 7 送达): per group delivered (with
// the platform's message id), waiting and why, or failed with the last error. Only a row the
// platform confirmed counts as delivered.
#pragma once
#include <cstdint>
#include <string>

namespace bot {
class context;
}

namespace commands {

struct delivery_counts {
  std::int64_t total = 0, sent = 0, waiting = 0, failed = 0, cancelled = 0;
};

delivery_counts count_deliveries(bot::context& ctx, const std::string& ref);

// `what` names the broadcast in the heading ("公告 #7").
std::string delivery_report(bot::context& ctx, const std::string& ref, const std::string& what);

}  // namespace commands
