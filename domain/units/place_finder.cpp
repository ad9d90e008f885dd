#include "domain/units/place_finder.hpp"

#include <regex>

#include "bot/utf8.hpp"

namespace domain::units {
namespace {

int numeral_value(char32_t cp) {
  static constexpr std::u32string_view digits = U"零一二三四五六七八九";
  if (cp == U'两') return 2;
  if (auto i = digits.find(cp); i != std::u32string_view::npos) return static_cast<int>(i);
  return -1;
}

// "三栋" → "3栋", "十三楼" → "13楼", "二十一层" → "21层": Chinese numerals up to 99 before a counter.
std::string numerals_as_digits(std::string_view text) {
  const std::u32string s = bot::utf8::decode(bot::utf8::fold_width(text));
  static constexpr std::u32string_view counters = U"栋幢号楼层单座期区";
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && (numeral_value(s[j]) >= 0 || s[j] == U'十')) ++j;
    if (j == i || j >= s.size() || counters.find(s[j]) == std::u32string_view::npos || j - i > 3) {
      out += s[i];
      ++i;
      continue;
    }
    int value = 0, digit = -1;
    for (std::size_t k = i; k < j; ++k) {
      if (s[k] == U'十') {
        value += (digit < 0 ? 1 : digit) * 10;
        digit = -1;
      } else {
        digit = numeral_value(s[k]);
      }
    }
    if (digit > 0) value += digit;
    if (value <= 0) {  // "零" alone, "十十": leave it as written
      out.append(s, i, j - i);
    } else {
      for (char c : std::to_string(value)) out += static_cast<char32_t>(c);
    }
    i = j;
  }
  return bot::utf8::encode(out);
}

constexpr const char* spot =
    "(?:电梯口|电梯厅|电梯间|电梯|楼道|走廊|大堂|门厅|门口|楼梯间|楼梯|消防通道|天台|楼顶|地下室|"
    "(?:东|南|西|北)(?:面|侧)|后面|旁边|对面|附近)";

struct pattern {
  std::regex re;
  enum class kind { room, building, other } what;
  int words = 0;  // the group that holds the place's words
};

const std::vector<pattern>& patterns() {
  static const std::vector<pattern> list = [] {
    using k = pattern::kind;
    const std::string b = "([0-9]{1,3})(?:栋|号楼|幢|#楼|#|座)";
    std::vector<pattern> p;
    p.push_back({std::regex(b + "(?:([0-9]{1,2})单元)?([0-9]{3,4})(?:室|号)?"), k::room});
    p.push_back({std::regex("(?:^|[^0-9])(([0-9]{1,3})-([0-9]{1,2})-([0-9]{3,4}))(?![0-9])"), k::room});
    p.push_back({std::regex(b + "(?:([0-9]{1,2})单元)?(?:[0-9]{1,2}(?:楼|层))?" + spot + "?"), k::building});
    p.push_back({std::regex("(?:地下)?(?:停车场|车库)(?:(?:负)?[0-9]层|[A-Za-z][0-9]?(?:区)?|[0-9]{1,2}(?:号)"
                            "?区)?|负[1-3]层"),
                 k::other});
    p.push_back({std::regex("(?:^|[^A-Za-z0-9])([Bb][1-3](?:层)?)(?![A-Za-z0-9])"), k::other, 1});
    p.push_back({std::regex("[0-9]{1,2}号(?:电梯|梯)"), k::other});
    p.push_back({std::regex("[0-9]{1,2}(?:楼|层)" + std::string(spot)), k::other});
    p.push_back(
        {std::regex("(?:小区)?(?:东南|东北|西南|西北|东|南|西|北|正|侧|后|[0-9]{1,2}号)门(?:岗亭|口|道闸)?"),
         k::other});
    p.push_back({std::regex("([A-Za-z])座"), k::building});
    p.push_back({std::regex("[0-9]{1,2}(?:单元|期)" + std::string(spot) + "?"), k::other});
    p.push_back({std::regex("(?:负|地下)?[0-9]{1,2}(?:楼|层)(?:大厅|大堂)?"), k::other});
    p.push_back(
        {std::regex("(?:地库|地下室|地下车场)(?:出口|入口)?|(?:电动|自行)?车棚|垃圾房|垃圾站|垃圾分类亭|"
                    "中心花园|中心广场|儿童乐园|儿童游乐场|游乐场|滑梯|健身区|健身房|游泳池|篮球场|"
                    "会所|快递柜|门岗|岗亭|小区门口|幼儿园门口|主干道|喷泉|围墙|河道|池塘|绿化带|凉亭|"
                    "(?:[0-9]{1,2}号)?充电(?:桩|棚)|楼顶天台|天台|顶楼|消防通道|储藏室|商铺"),
         k::other});
    // English: "building 7", "bldg 3 unit 2", "the 9th floor", "north gate", "the garage".
    p.push_back({std::regex("\\b((?:building|bldg\\.?|block) ?([0-9]{1,3})(?: unit ([0-9]{1,2}))?)\\b",
                            std::regex::icase),
                 k::building, 1});
    p.push_back({std::regex("\\b(?:[0-9]{1,2}(?:st|nd|rd|th) floor|(?:north|south|east|west|main|back) gate|"
                            "(?:basement |underground )?(?:garage|car park|parking lot)|basement|bike shed|"
                            "garbage room|playground|lobby)\\b",
                            std::regex::icase),
                 k::other});
    return p;
  }();
  return list;
}

}  // namespace

std::optional<named_place> find_place(std::string_view text) {
  // A report is at most a few hundred characters; std::regex backtracks recursively, so what it
  // reads is bounded whatever a caller passes.
  constexpr std::size_t max_points = 500;
  const std::string s = numerals_as_digits(bot::utf8::truncate(text, max_points));
  for (const auto& p : patterns()) {
    std::smatch m;
    if (!std::regex_search(s, m, p.re)) continue;
    named_place out;
    if (p.what == pattern::kind::room) {
      const bool dashed = m.size() == 5 && m[1].matched && m[2].matched && m[4].matched;
      if (dashed)
        out.address = unit_address{m[2].str(), m[3].str(), m[4].str()};
      else
        out.address = unit_address{m[1].str(), m[2].matched ? m[2].str() : "", m[3].str()};
      out.words = out.address->canonical();
      return out;
    }
    out.words = bot::utf8::valid(bot::utf8::trim(m[p.words].str()));  // never half a character
    if (p.what == pattern::kind::building) {
      const int b = p.words == 0 ? 1 : 2;  // the building's group, then the unit's
      out.address = unit_address{m[b].str(), m[b + 1].matched ? m[b + 1].str() : "", ""};
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace domain::units
