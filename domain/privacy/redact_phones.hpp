// Phone numbers in folded text (see redact_fold.hpp): where they are, so a group never reads one
// unless staff listed it as a service or duty number.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "domain/privacy/redact_fold.hpp"

namespace domain::privacy {

// Numbers groups may read, as digits only; a mobile's +86 / 0086 prefix is dropped.
class phone_allow_list {
 public:
  phone_allow_list() = default;
  explicit phone_allow_list(const std::vector<std::string>& phones);
  bool allows(std::string_view digits) const;
  std::size_t longest() const { return longest_; }

 private:
  std::vector<std::string> digits_;
  std::size_t longest_ = 0;
};

// Digit groups joined by up to three separators (spaces, '-', '.', '/'; at most one not a space)
// are one run. In a run:
// - any 11 digits from group boundary to group boundary reading as a mobile (1[3-9]…), "+86" or
//   "0086" before it included, even typed one digit at a time ("1 3 8 1 2 3 4 5 6 7 8");
// - otherwise groups of three digits or more joined by spaces or dashes, with 7 digits or more
//   in all ("0571-88886666", "400-800-1234"), unless an amount, a count or a span of years
//   follows ("1000-2000元"); dots and slashes part numbers here ("119/110/120");
// - otherwise any group of 7 digits or more.
// After a letter ("tel13812345678") only mobiles count: model numbers stay.
std::vector<text_span> find_phones(std::string_view folded, const phone_allow_list& allowed);

}  // namespace domain::privacy
