// Charts as inline SVG drawn on the server: no script, no external font or library, so a page
// shows its charts with no network beyond estatebot. Labels are escaped (they may be user input)
// and drawn in the page's font, which the stylesheet picks from the CJK fonts a machine has.
// Every bar carries a <title> with its label and value (a tooltip, and what screen readers say).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace web {

struct bar {
  std::string label;
  double value = 0;
  std::string value_text;  // shown after the bar ("38", "4.2", "12%")
};

// Horizontal bars, longest = `max` (0: the largest value).
std::string bar_chart(std::string_view title, const std::vector<bar>& bars, double max = 0);

struct stack {
  std::string name;            // legend
  std::vector<double> values;  // one per column
};

// Columns over `columns` (x labels; only some are written when there are many), each the sum of
// the stacks' values at that column, coloured per stack with a legend.
std::string column_chart(std::string_view title, const std::vector<std::string>& columns,
                         const std::vector<stack>& stacks);

}  // namespace web
