#include "bot/message.hpp"

namespace bot {

std::string chat_ref::key() const {
  std::string k;
  k.reserve(platform.size() + account.size() + id.size() + 10);
  k.append(platform).append("/").append(account).append(is_group() ? "/group/" : "/direct/").append(id);
  return k;
}

}  // namespace bot
