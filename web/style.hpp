// The dashboard's stylesheet, compiled into the binary (served as /dashboard/style.css).
#pragma once
#include <string_view>

namespace web {

extern const std::string_view dashboard_css;

}  // namespace web
