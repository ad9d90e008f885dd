#include "bot/message.hpp"

#include "bot/utf8.hpp"

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

chat_ref with_valid_text(chat_ref c) {
  for (std::string* s : {&c.platform, &c.account, &c.id}) utf8::make_valid(*s);
  return c;
}

user_ref with_valid_text(user_ref u) {
  for (std::string* s : {&u.platform, &u.id, &u.name, &u.nickname}) utf8::make_valid(*s);
  return u;
}

message with_valid_text(message m) {
  m.chat = with_valid_text(std::move(m.chat));
  m.sender = with_valid_text(std::move(m.sender));
  for (std::string* s : {&m.id, &m.chat_title, &m.text, &m.quoted_id}) utf8::make_valid(*s);
  for (auto& mention : m.mentions)
    for (std::string* s : {&mention.user_id, &mention.name}) utf8::make_valid(*s);
  for (auto& image : m.images) utf8::make_valid(image.reference);
  return m;
}

}  // namespace bot
