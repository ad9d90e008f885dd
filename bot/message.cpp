#include "bot/message.hpp"

namespace bot {

std::string chat_ref::key() const {
  std::string k;
  k.reserve(platform.size() + account.size() + id.size() + 10);
  k.append(platform).append("/").append(account).append(is_group() ? "/group/" : "/direct/").append(id);
  return k;
}

std::int64_t platform_time_ms(double seconds) {
  constexpr double year_2100 = 4'102'444'800.0;
  if (!(seconds > 0 && seconds < year_2100)) return 0;  // NaN fails both
  return static_cast<std::int64_t>(seconds) * 1000;
}

}  // namespace bot
