#include "web/html.hpp"

#include <fmt/format.h>

namespace web {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string document(std::string_view lang_tag, std::string_view title, std::string_view nav,
                     std::string_view body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>{}</title><link rel=\"stylesheet\" href=\"/dashboard/style.css\"></head>\n"
      "<body><header>{}</header>\n<main>{}</main></body></html>\n",
      escape(lang_tag), escape(title), nav, body);
}

namespace {
void add_page_headers(bot::header_list& h) {
  // No script runs on these pages at all; styles and images come from here only.
  h.emplace_back("Content-Security-Policy",
                 "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                 "frame-ancestors 'none'; base-uri 'none'");
  h.emplace_back("X-Content-Type-Options", "nosniff");
  // Same-origin only: a login link in the address bar reaches no other site, and forms still carry
  // an Origin the server can check (no-referrer would make it "null").
  h.emplace_back("Referrer-Policy", "same-origin");
  h.emplace_back("Cache-Control", "no-store");
}
}  // namespace

bot::http_response html(int status, std::string document, bot::header_list headers) {
  add_page_headers(headers);
  return {status, "text/html; charset=utf-8", std::move(document), std::move(headers)};
}

bot::http_response see_other(std::string location, bot::header_list headers) {
  headers.emplace_back("Location", std::move(location));
  add_page_headers(headers);
  return {303, "text/plain; charset=utf-8", "", std::move(headers)};
}

}  // namespace web
