// The masker on its own: every spelling of a room or a mobile people were seen to type is masked
// for groups, and ordinary text (dates, times, amounts, counts, ticket numbers, model numbers)
// stays readable — over-masking is a defect too.
#include <catch2/catch.hpp>
#include <string>

#include "bot/config.hpp"
#include "domain/privacy/redact.hpp"

using domain::privacy::redact_for_group;
using domain::privacy::redact_rooms;

namespace {

struct row {
  const char* typed;
  const char* shown;
};

void check_rows(std::initializer_list<row> rows, const bot::config& cfg) {
  for (const auto& r : rows) {
    INFO(r.typed);
    CHECK(redact_for_group(r.typed, bot::locale::zh_CN, cfg) == r.shown);
  }
}

}  // namespace

TEST_CASE("rooms in every spelling people type are masked for groups", "[privacy][redact]") {
  check_rows(
      {
          row{"业主在3.2.1201", "业主在3栋2单元"},
          row{"3/2/1201漏水", "3栋2单元漏水"},
          row{"3．2．1201", "3栋2单元"},
          row{"1201房漏水", "***房漏水"},
          row{"1201号房漏水", "***号房漏水"},
          row{"楼上1301卫生间漏水", "楼上***卫生间漏水"},
          row{"楼下 802 的业主", "楼下 *** 的业主"},
          row{"隔壁1202家的狗一直叫", "隔壁***家的狗一直叫"},
          row{"对门302天天堆杂物", "对门***天天堆杂物"},
          row{"住在1502", "住在***"},
          row{"1201张先生说水管坏了", "***张先生说水管坏了"},
          row{"已通知1202王女士", "已通知***王女士"},
          row{"1201业主反映", "***业主反映"},
          row{"住3栋13楼", "住3栋"},
          row{"3栋13楼的业主", "3栋的业主"},
          row{"三栋二单元一二零一", "3栋2单元"},
          row{"三栋二单元一二〇一室", "3栋2单元"},
          row{"楼上一三零一卫生间", "楼上***卫生间"},
          row{"一二零一房", "***房"},
          row{"3号楼二单元12楼01", "3栋2单元"},
          row{"3栋2单元12楼01室门口", "3栋2单元门口"},
          row{"5号楼1201", "5栋"},
          row{"３栋１２０１", "3栋"},
      },
      bot::config::defaults());
}

TEST_CASE("mobiles in any separator style, digits or numerals are masked for groups", "[privacy][redact]") {
  check_rows(
      {
          row{"138.1234.5678", "***"},
          row{"138—1234—5678", "***"},
          row{"138–1234–5678", "***"},
          row{"138－1234－5678", "***"},
          row{"138/1234/5678", "***"},
          row{"138 - 1234 - 5678", "***"},
          row{"1 3 8 1 2 3 4 5 6 7 8", "***"},
          row{"1-3-8-1-2-3-4-5-6-7-8", "***"},
          row{"tel13812345678", "tel***"},
          row{"Tel:13812345678", "Tel:***"},
          row{"手机13812345678。", "手机***。"},
          row{"１３８１２３４５６７８", "***"},
          row{"１３８　１２３４　５６７８", "***"},
          row{"一三八一二三四五六七八", "***"},
          row{"幺三八幺二三四五六七八", "***"},
          row{"一三八 一二三四 五六七八", "***"},
          row{"+86 138 1234 5678", "***"},
          row{"+8613812345678", "***"},
          row{"0086 13812345678", "***"},
          row{"0086-138-1234-5678", "***"},
          row{"座机0571-88886666", "座机***"},
          row{"业主电话138.1234.5678 3.2.1201", "业主电话*** 3栋2单元"},
          row{"2.5 13812345678", "2.5 ***"},
      },
      bot::config::defaults());
}

TEST_CASE("ordinary text stays readable in groups", "[privacy][redact]") {
  for (const char* text : {
           "预计2026-12-06修好",
           "2026-12-06 09:30前到",
           "2026/12/06",
           "2026.12.06上午",
           "明天09:30到",
           "共1200元",
           "费用1000-2000元",
           "大概100-200块钱",
           "危险时拨打 119/110/120",
           "D栋3楼会议室开业主大会",
           "2025-2026年度物业费",
           "3天内修好",
           "进度50%",
           "见#1201",
           "工单 1201 已派单",
           "工单1201楼上说不漏了",
           "3栋",
           "3栋电梯又坏了",
           "3栋2单元",
           "3栋12楼楼道灯不亮",
           "12楼电梯口",
           "小区共200户",
           "1200户已缴费",
           "业主120户参加",
           "住了105天",
           "型号KFR-35GW/BP3",
           "洗衣机XQG100-B1208",
           "版本v3.2.1201",
           "路由器192.168.1.100",
           "编号1201的路灯",
           "3号18:00前到",
           "换了2个灯泡，共120元",
           "1-2天",
           "第3期",
           "100平米",
           "面积3.5米",
           "二〇二六年十二月",
           "一起去看看",
           "统一更换",
       }) {
    INFO(text);
    CHECK(redact_for_group(text, bot::locale::zh_CN, bot::config::defaults()) == text);
  }
}

TEST_CASE("service and duty phones staff configure stay readable", "[privacy][redact][config]") {
  const auto cfg = bot::config::parse(
      "[privacy]\nallowed_phones = [\"400-800-1234\", \"0571-88886666\", \"13900001111\"]\n"
      "[emergency]\nduty_phone = \"0571 8888 9999\"\n");
  check_rows(
      {
          row{"维修电话 400-800-1234", "维修电话 400-800-1234"},
          row{"座机0571-88886666", "座机0571-88886666"},
          row{"座机 0571 8888 6666", "座机 0571 8888 6666"},
          row{"值班 0571-88889999", "值班 0571-88889999"},
          row{"客服139-0000-1111", "客服139-0000-1111"},
          row{"客服+86 139 0000 1111", "客服+86 139 0000 1111"},
          row{"业主13812345678", "业主***"},
          row{"座机0571-88887777", "座机***"},
          row{"400-800-1234 13812345678", "400-800-1234 ***"},
      },
      cfg);
  // Without the list the same landline is private.
  CHECK(redact_for_group("座机0571-88886666", bot::locale::zh_CN, bot::config::defaults()) == "座机***");
}

TEST_CASE("notices keep floors and phones, and lose rooms in every spelling", "[privacy][redact][notice]") {
  for (const auto& r : {
           row{"3栋13楼至15楼停水", "3栋13楼至15楼停水"},
           row{"维修电话 138-1234-5678", "维修电话 138-1234-5678"},
           row{"3.2.1201 漏水", "3栋2单元 漏水"},
           row{"三栋二单元一二零一 漏水", "3栋2单元 漏水"},
           row{"３栋１２楼停电，一楼正常", "３栋１２楼停电，一楼正常"},
       }) {
    INFO(r.typed);
    CHECK(redact_rooms(r.typed, bot::locale::zh_CN) == r.shown);
  }
}

TEST_CASE("a mebibyte of adversarial text is masked in one pass", "[privacy][redact][slow]") {
  // Each pattern keeps a naive scanner restarting from every position; all must simply finish.
  for (const std::string unit : {"1 ", "1.", "１", "一", "3栋", "楼上1301", "3-2-", "+86 ", "9"}) {
    std::string text;
    while (text.size() < (1u << 20)) text += unit;
    INFO(unit);
    const std::string masked = redact_for_group(text, bot::locale::zh_CN, bot::config::defaults());
    CHECK(!masked.empty());
    CHECK(masked.size() <= text.size() + 16);
  }
}

TEST_CASE("every address form with a room, and phones in any spacing, are masked for groups",
          "[privacy][address]") {
  struct row {
    const char* typed;
    const char* shown;
  };
  for (const auto& r : {
           // every form parse_unit_address reads with a room, alone and glued to words
           row{"3-2-1201", "3栋2单元"},
           row{"3栋2单元1201", "3栋2单元"},
           row{"3号楼2单元1201室", "3栋2单元"},
           row{"3栋1201", "3栋"},
           row{"3号楼1201", "3栋"},
           row{"3幢1201", "3栋"},
           row{"3-1201", "3栋"},
           row{"3#2-1201", "3栋2单元"},
           row{"3#楼2单元1201", "3栋2单元"},
           row{"A座1201", "A栋"},
           row{"a-2-101", "A栋2单元"},
           row{"３－２－１２０１", "3栋2单元"},
           row{"3栋 2单元 1201", "3栋2单元"},
           row{"3栋1201门口", "3栋门口"},
           row{"在3栋2单元1201室门口", "在3栋2单元门口"},
           row{"楼上1201室漏水", "楼上***室漏水"},
           row{"已联系3栋1201赵女士(13812345678)", "已联系3栋赵女士(***)"},
           // phones
           row{"联系电话 138-1234-5678 或 139 0000 1111", "联系电话 *** 或 ***"},
           row{"+86 138 1234 5678", "***"},
           row{"+86-13812345678", "***"},
           row{"86-13812345678", "86-***"},
           row{"座机0571-88886666", "座机***"},
           row{"１３８１２３４５６７８", "***"},
           // what merely looks like one stays
           row{"预计2025-12-01 18:00前修好", "预计2025-12-01 18:00前修好"},
           row{"3号18:00前到", "3号18:00前到"},
           row{"3栋12楼楼道灯不亮", "3栋12楼楼道灯不亮"},
           row{"5栋电梯又坏了", "5栋电梯又坏了"},
           row{"预计12-25完成", "预计12-25完成"},
           row{"set-up-123 failed", "set-up-123 failed"},
           row{"换了2个灯泡，共120元", "换了2个灯泡，共120元"},
       }) {
    INFO(r.typed);
    CHECK(redact_for_group(r.typed) == r.shown);
  }
  CHECK(redact_for_group("3-2-1201", bot::locale::en_US) == "bldg 3 unit 2");
  CHECK(redact_for_group("room 3栋1201", bot::locale::en_US) == "room bldg 3");
}
