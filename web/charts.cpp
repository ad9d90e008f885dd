#include "web/charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "web/html.hpp"

namespace web {
namespace {

constexpr const char* chart_colors[] = {"#2f6fdf", "#e8742c", "#2aa876", "#c9423f", "#8c5bd6",
                                        "#d6a316", "#3aa3c9", "#b05f8c", "#6b7a8f", "#7fae3b"};
constexpr int bar_row_height = 26;
constexpr int bar_label_width = 190;
constexpr int bar_area_width = 360;
constexpr int chart_height = 180;
constexpr int column_axis_height = 34;

std::string number_text(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return fmt::format("{}", static_cast<long long>(std::llround(v)));
  return fmt::format("{:.1f}", v);
}

std::string figure(std::string_view title, int width, int height, const std::string& svg_body,
                   const std::string& after = {}) {
  return fmt::format(
      "<figure class=\"chart\"><figcaption>{0}</figcaption>"
      "<svg role=\"img\" aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\">{3}</svg>{4}"
      "</figure>\n",
      escape(title), width, height, svg_body, after);
}

}  // namespace

std::string bar_chart(std::string_view title, const std::vector<bar>& bars, double max) {
  if (bars.empty())
    return fmt::format("<figure class=\"chart empty\"><figcaption>{}</figcaption><p>—</p></figure>\n",
                       escape(title));
  for (const auto& b : bars) max = std::max(max, b.value);
  std::string body;
  int y = 4;
  for (std::size_t i = 0; i < bars.size(); ++i, y += bar_row_height) {
    const auto& b = bars[i];
    const double w = max > 0 ? std::max(0.0, b.value) / max * bar_area_width : 0;
    const std::string shown = b.value_text.empty() ? number_text(b.value) : b.value_text;
    body += fmt::format(
        "<text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" class=\"label\">{2}</text>"
        "<rect class=\"bar\" x=\"{3}\" y=\"{4}\" width=\"{5:.1f}\" height=\"{6}\" fill=\"{7}\"><title>{2}: "
        "{8}</title></rect>"
        "<text x=\"{9:.1f}\" y=\"{1}\" class=\"value\">{8}</text>",
        bar_label_width - 8, y + 15, escape(b.label), bar_label_width, y + 3, w, bar_row_height - 8,
        chart_colors[0], escape(shown), bar_label_width + w + 6);
  }
  return figure(title, bar_label_width + bar_area_width + 70, y + 4, body);
}

std::string column_chart(std::string_view title, const std::vector<std::string>& columns,
                         const std::vector<stack>& stacks) {
  if (columns.empty() || stacks.empty())
    return fmt::format("<figure class=\"chart empty\"><figcaption>{}</figcaption><p>—</p></figure>\n",
                       escape(title));
  double top = 0;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    double sum = 0;
    for (const auto& s : stacks) sum += c < s.values.size() ? s.values[c] : 0;
    top = std::max(top, sum);
  }
  const int step = std::max(6, std::min(90, 720 / static_cast<int>(columns.size())));
  const int left = 40;
  const int width = left + step * static_cast<int>(columns.size()) + 10;
  const int label_every = std::max<std::size_t>(1, columns.size() / 12);
  std::string body = fmt::format(
      "<line class=\"axis\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>"
      "<text x=\"{3}\" y=\"14\" text-anchor=\"end\" class=\"value\">{4}</text>",
      left, chart_height, width, left - 4, number_text(top));
  for (std::size_t c = 0; c < columns.size(); ++c) {
    double base = 0;
    const int x = left + step * static_cast<int>(c) + 1;
    for (std::size_t k = 0; k < stacks.size(); ++k) {
      const double v = c < stacks[k].values.size() ? stacks[k].values[c] : 0;
      if (v <= 0 || top <= 0) continue;
      const double h = v / top * (chart_height - 20), y = chart_height - base - h;
      body += fmt::format(
          "<rect class=\"bar\" x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\" fill=\"{}\"><title>{} "
          "{}: {}</title></rect>",
          x, y, step - 2, h, chart_colors[k % std::size(chart_colors)], escape(columns[c]),
          escape(stacks[k].name), number_text(v));
      base += h;
    }
    if (c % label_every == 0)
      body += fmt::format("<text x=\"{}\" y=\"{}\" class=\"tick\">{}</text>", x, chart_height + 16,
                          escape(columns[c]));
  }
  std::string legend = "<ul class=\"legend\">";
  for (std::size_t k = 0; k < stacks.size(); ++k)
    legend += fmt::format("<li><span class=\"swatch c{}\"></span>{}</li>", k % std::size(chart_colors),
                          escape(stacks[k].name));
  legend += "</ul>";
  return figure(title, width, chart_height + column_axis_height, body,
                stacks.size() > 1 ? legend : std::string());
}

}  // namespace web
