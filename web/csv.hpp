// CSV that Excel opens as it should: UTF-8 with a byte-order mark (else Chinese turns to mojibake),
// CRLF line ends, fields quoted when they hold a comma, quote or line break, and a cell that
// starts like a formula (= + - @, tab, CR) prefixed with an apostrophe so that an owner's text
// cannot become a formula on a manager's machine.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bot/http_types.hpp"

namespace web {

class csv_table {
 public:
  csv_table();  // starts with the byte-order mark
  void row(const std::vector<std::string>& fields);
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

std::string csv_field(std::string_view value);

// An attachment download; `filename` is ASCII ("tickets-2026-11.csv").
bot::http_response csv_download(const std::string& filename, std::string body);

}  // namespace web
