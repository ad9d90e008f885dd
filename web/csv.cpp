#include "web/csv.hpp"

namespace web {

csv_table::csv_table() : text_("\xEF\xBB\xBF") {}

void csv_table::row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text_ += ',';
    text_ += csv_field(fields[i]);
  }
  text_ += "\r\n";
}

std::string csv_field(std::string_view value) {
  std::string v;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                         value[0] == '\t' || value[0] == '\r'))
    v = "'";
  v += value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

bot::http_response csv_download(const std::string& filename, std::string body) {
  return {200,
          "text/csv; charset=utf-8",
          std::move(body),
          {{"Content-Disposition", "attachment; filename=\"" + filename + "\""},
           {"X-Content-Type-Options", "nosniff"},
           {"Cache-Control", "no-store"}}};
}

}  // namespace web
