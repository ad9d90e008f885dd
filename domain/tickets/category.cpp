#include "domain/tickets/category.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "bot/utf8.hpp"

namespace domain::tickets {
namespace {

using c = domain::ticket_category;

struct rule {
  domain::ticket_category category;
  std::vector<std::string_view> words;
};

// Checked in order: the first category with a matching word wins, so specific ones come first.
const std::vector<rule>& rules() {
  static const std::vector<rule> list = {
      {c::elevator, {"电梯", "困人", "被困", "elevator", "lift"}},
      {c::leak, {"漏水", "渗水", "跑水", "爆管", "水管破", "滴水", "返水", "leak", "flood"}},
      {c::access, {"门禁", "门卡", "单元门", "道闸", "access card", "gate"}},
      {c::lighting, {"路灯", "灯不亮", "灯坏", "照明", "楼道灯", "light"}},
      {c::water_power,
       {"停水", "停电", "跳闸", "水管", "水压", "电路", "插座", "水龙头", "下水", "堵", "马桶", "power",
        "water", "socket", "outlet"}},
      {c::fees, {"物业费", "收费", "缴费", "账单", "fee", "bill"}},
      {c::parking, {"停车", "车位", "占道", "车库", "parking"}},
      {c::noise, {"噪音", "吵", "装修声", "noise", "noisy"}},
      {c::security, {"保安", "陌生人", "偷", "盗", "监控", "security", "theft"}},
      {c::sanitation, {"垃圾", "卫生", "保洁", "异味", "臭", "老鼠", "蟑螂", "garbage", "trash", "clean"}},
      {c::greening, {"绿化", "树", "草坪", "花坛", "tree", "lawn"}},
  };
  return list;
}

}  // namespace

const std::vector<std::string>& category_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (auto category : domain::all_ticket_categories) out.emplace_back(domain::to_text(category));
    return out;
  }();
  return ids;
}

domain::ticket_category guess_category(std::string_view description) {
  std::string lowered = bot::utf8::to_lower_ascii(description);
  for (const auto& r : rules())
    if (bot::utf8::contains_any(lowered, r.words)) return r.category;
  return c::other;
}

bool endangers_life(std::string_view description) {
  // Fire words, not 火 alone: 火锅, 火车 and 火大 are not emergencies; gas that leaks or smells, not
  // the gas company or a gas water heater; water that floods, not water that drips.
  static const std::vector<std::string_view> words = {"困人",
                                                      "被困",
                                                      "困在电梯",
                                                      "关在电梯",
                                                      "卡在电梯",
                                                      "着火",
                                                      "火灾",
                                                      "起火",
                                                      "火警",
                                                      "失火",
                                                      "烧起来",
                                                      "冒烟",
                                                      "浓烟",
                                                      "烟雾",
                                                      "爆炸",
                                                      "火花",
                                                      "漏电",
                                                      "触电",
                                                      "电线裸露",
                                                      "电线冒",
                                                      "烧焦味",
                                                      "焦糊味",
                                                      "水漫",
                                                      "淹了",
                                                      "被淹",
                                                      "倒灌",
                                                      "掉下来",
                                                      "坠落",
                                                      "砸到",
                                                      "砸下来",
                                                      "摇摇欲坠",
                                                      "快掉了",
                                                      "trapped",
                                                      "stuck in the lift",
                                                      "stuck in the elevator",
                                                      "on fire",
                                                      "a fire",
                                                      "fire in",
                                                      "caught fire",
                                                      "burning",
                                                      "gas leak",
                                                      "smell gas",
                                                      "smell of gas",
                                                      "gas smell",
                                                      "smells like gas",
                                                      "smell smoke",
                                                      "smell of smoke",
                                                      "full of smoke",
                                                      "smoke coming",
                                                      "sparks",
                                                      "sparking",
                                                      "electric shock",
                                                      "flooded",
                                                      "flooding",
                                                      "fell from",
                                                      "falling from"};
  const std::string lowered = bot::utf8::to_lower_ascii(description);
  if (bot::utf8::contains_any(lowered, words)) return true;
  return bot::utf8::contains_any(lowered, {"燃气", "煤气", "天然气", "液化气", "气罐"}) &&
         bot::utf8::contains_any(lowered, {"味", "漏", "泄", "闻到", "嘶嘶", "报警", "爆"});
}

bool tells_danger_is_over(std::string_view description) {
  // "火警解除了吗", "燃气恢复供应了没": about a danger that has passed or a planned drill — not
  // "困人半小时了还没修好", "还没恢复", "not fixed".
  const std::string lowered = bot::utf8::to_lower_ascii(description);
  return bot::utf8::contains_any(lowered, {"解除", "恢复", "结束", "修好", "演练", "演习", "没事了", "灭了",
                                           "drill", "all clear", "is over", "fixed"}) &&
         !bot::utf8::contains_any(
             lowered, {"没修好", "没有修好", "没恢复", "没有恢复", "没结束", "没有结束", "没解除", "没有解除",
                       "未恢复", "未解除", "不能", "still", "not fixed", "not over"});
}

domain::ticket_priority guess_priority(domain::ticket_category category, std::string_view description) {
  using p = domain::ticket_priority;
  std::string lowered = bot::utf8::to_lower_ascii(description);
  // A lift that traps, shakes, drops or closes on people is urgent, not a lift that is merely slow.
  if (category == c::leak ||
      (category == c::elevator &&
       bot::utf8::contains_any(
           lowered, {"困", "晃", "抖", "坠", "急停", "溜梯", "夹人", "夹到", "冲顶", "蹲底", "往下掉", "下滑",
                     "shaking", "shakes", "dropped", "jerk"})) ||
      endangers_life(lowered) || bot::utf8::contains_any(lowered, {"停电", "power cut", "no power"}))
    return p::urgent;
  if (bot::utf8::contains_any(lowered, {"掉漆", "松动", "小问题", "不急", "minor", "loose"})) return p::minor;
  return p::normal;
}

}  // namespace domain::tickets
