#include "web/frame.hpp"

#include <fmt/format.h>

#include "storage/stores.hpp"
#include "web/html.hpp"

namespace web {

std::string framed_page(bot::services& svc, const viewer& v, std::string_view title_id,
                        const std::string& body) {
  const auto t = [&](std::string_view id) { return svc.t(v.lang, id); };
  const std::string q = v.query_prefix();
  std::string nav = fmt::format("<nav><strong>{}</strong>", escape(t("web.brand")));
  if (v.manager()) nav += fmt::format("<a href=\"/dashboard?{}\">{}</a>", q, escape(t("web.overview")));
  nav += fmt::format("<a href=\"/dashboard/tickets?{}\">{}</a>", q, escape(t("web.tickets")));
  if (v.manager())
    nav += fmt::format("<a href=\"/dashboard/exports?{}\">{}</a>", q, escape(t("web.exports")));
  nav += "</nav><div class=\"who\">";
  if (v.admin()) {
    nav += fmt::format("<form method=\"get\" action=\"/dashboard\"><select name=\"c\" aria-label=\"{}\">",
                       escape(t("web.community")));
    for (const auto& [id, name] : svc.db.communities.all())
      nav += fmt::format("<option value=\"{}\"{}>{}</option>", id, id == v.community_id ? " selected" : "",
                         escape(name));
    nav += fmt::format("</select><button>{}</button></form>", escape(t("web.switch")));
  } else {
    nav += fmt::format("<span>{}</span>", escape(v.community_name));
  }
  nav += fmt::format(
      "<span>{}</span><form method=\"post\" action=\"/dashboard/logout\"><button>{}</button></form></div>",
      escape(v.name), escape(t("web.logout")));
  return document(bot::locale_tag(v.lang), t(title_id) + " · " + v.community_name, nav,
                  fmt::format("<h1>{}</h1>\n{}", escape(t(title_id)), body));
}

}  // namespace web
