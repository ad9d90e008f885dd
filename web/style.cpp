#include "web/style.hpp"

namespace web {

// Chinese first: the CJK fonts Debian, Windows and macOS ship, before the generic family.
const std::string_view dashboard_css = R"css(
:root { color-scheme: light; }
body { margin: 0; font: 15px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
  "Microsoft YaHei", "PingFang SC", sans-serif; color: #1d2633; background: #f4f6f9; }
header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px;
  padding: 8px 20px; background: #1f3b63; color: #fff; }
header a { color: #fff; margin-left: 18px; text-decoration: none; }
header a:hover { text-decoration: underline; }
header .who { display: flex; gap: 10px; align-items: center; }
header form { display: inline; margin: 0; }
main { padding: 12px 20px 40px; max-width: 1400px; }
h1 { font-size: 22px; margin: 8px 0 12px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
button { font: inherit; padding: 3px 12px; cursor: pointer; }
button.primary { font-size: 18px; padding: 8px 28px; background: #2f6fdf; color: #fff; border: 0; border-radius: 4px; }
select, input { font: inherit; margin-right: 6px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #d8dee8; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef2f7; font-weight: 600; }
table.list td.text { max-width: 420px; overflow-wrap: anywhere; }
section.charts { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 16px; }
figure.chart { margin: 0; padding: 10px 12px; background: #fff; border: 1px solid #d8dee8; border-radius: 6px;
  overflow-x: auto; max-width: 100%; }
figure.chart figcaption { font-weight: 600; margin-bottom: 6px; }
figure.chart svg { display: block; font-size: 12px; }
svg .label, svg .value, svg .tick { fill: #1d2633; }
svg .tick { font-size: 10px; }
svg .axis { stroke: #9aa6b6; }
ul.legend { list-style: none; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; }
.c0 { background: #2f6fdf; } .c1 { background: #e8742c; } .c2 { background: #2aa876; } .c3 { background: #c9423f; }
.c4 { background: #8c5bd6; } .c5 { background: #d6a316; } .c6 { background: #3aa3c9; } .c7 { background: #b05f8c; }
.c8 { background: #6b7a8f; } .c9 { background: #7fae3b; }
p.error { color: #b3261e; font-weight: 600; }
ol.timeline li { margin: 4px 0; }
ol.timeline time { color: #5a6678; }
form.filters, form.period { margin: 6px 0 10px; }
)css";

}  // namespace web
