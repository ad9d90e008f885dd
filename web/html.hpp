// HTML for the dashboard: escaping of everything that did not come from us (ticket texts, names,
// titles are user input), the frame every page shares, and the answers with the headers that keep
// a page from being framed, cached, sniffed or allowed to run any script.
#pragma once
#include <string>
#include <string_view>

#include "bot/http_types.hpp"

namespace web {

std::string escape(std::string_view text);  // & < > " ' as entities

// A whole document: <title>, the stylesheet, a header with `nav` (already HTML) and `body`.
std::string document(std::string_view lang_tag, std::string_view title, std::string_view nav,
                     std::string_view body);

bot::http_response html(int status, std::string document, bot::header_list headers = {});
bot::http_response see_other(std::string location, bot::header_list headers = {});  // 303

}  // namespace web
