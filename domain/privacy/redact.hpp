// What owners' free text may show in a group: never a room number or a phone number (DOMAIN.md,
// privacy). Staff notes, ticket descriptions, suggestions and display names pass through here
// before any group sees them.
#pragma once
#include <string>
#include <string_view>

#include "bot/texts.hpp"

namespace bot {
struct config;
}

namespace domain::privacy {

// Rooms become their masked form ("3-2-1201", "3.2.1201", "三栋二单元一二零一" → "3栋2单元", en
// "bldg 3 unit 2"; "1201房" → "***房"; "楼上1301卫生间" → "楼上***卫生间"; "3栋13楼" → "3栋"),
// phones "***" in any separator style, full-width or in Chinese numerals ("138.1234.5678",
// "1 3 8 1 2 3 4 5 6 7 8", "一三八…", "+86 …"); see redact_addresses.hpp and redact_phones.hpp
// for what counts. The rest stays as typed. One pass over the text, whatever its length.
std::string redact_for_group(std::string_view text, bot::locale l = bot::locale::zh_CN);
// The same, except the service and duty phones staff configured ([privacy] allowed_phones and
// [emergency] duty_phone), which groups may read.
std::string redact_for_group(std::string_view text, bot::locale l, const bot::config& cfg);

// What staff broadcast to owners' groups (notices, emergencies): rooms masked as above, the rest
// as typed. Phone numbers and floors stay: staff publish service numbers and the floors affected.
std::string redact_rooms(std::string_view text, bot::locale l);

}  // namespace domain::privacy
