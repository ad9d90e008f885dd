// The frame of every dashboard page a viewer sees: the navigation their role allows (overview and
// exports for managers, the ticket list for all), the community (a chooser for admins), their
// name and the logout button.
#pragma once
#include <string>
#include <string_view>

#include "bot/services.hpp"
#include "web/viewer.hpp"

namespace web {

// `title_id`: the page's title text id; `body` is HTML.
std::string framed_page(bot::services& svc, const viewer& v, std::string_view title_id,
                        const std::string& body);

}  // namespace web
