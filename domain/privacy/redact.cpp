#include "domain/privacy/redact.hpp"

#include <vector>

#include "bot/config.hpp"
#include "domain/privacy/redact_addresses.hpp"
#include "domain/privacy/redact_fold.hpp"
#include "domain/privacy/redact_phones.hpp"

namespace domain::privacy {
namespace {

// Phones first: where an address and a phone claim the same digits, it is a phone.
std::vector<text_span> merged(std::vector<text_span> phones, const std::vector<text_span>& addresses) {
  std::vector<text_span> out;
  out.reserve(phones.size() + addresses.size());
  std::size_t p = 0;
  for (const auto& a : addresses) {
    while (p < phones.size() && phones[p].end <= a.begin) out.push_back(std::move(phones[p++]));
    const bool overlaps = p < phones.size() && phones[p].begin < a.end;
    if (!overlaps) out.push_back(a);
  }
  while (p < phones.size()) out.push_back(std::move(phones[p++]));
  return out;
}

std::string redact(std::string_view text, bot::locale l, const phone_allow_list& allowed) {
  const folded_text f = fold_for_scan(text);
  auto spans = merged(find_phones(f.text, allowed), find_addresses(f.text, {l, true}));
  return splice(text, f, spans);
}

}  // namespace

std::string redact_for_group(std::string_view text, bot::locale l) {
  return redact(text, l, phone_allow_list{});
}

std::string redact_for_group(std::string_view text, bot::locale l, const bot::config& cfg) {
  std::vector<std::string> allowed = cfg.privacy.allowed_phones;
  if (!cfg.emergency.duty_phone.empty()) allowed.push_back(cfg.emergency.duty_phone);
  return redact(text, l, phone_allow_list(allowed));
}

std::string redact_rooms(std::string_view text, bot::locale l) {
  const folded_text f = fold_for_scan(text);
  return splice(text, f, find_addresses(f.text, {l, false}));
}

}  // namespace domain::privacy
