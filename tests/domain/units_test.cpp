// Room addresses as owners type them, and the roster file read exactly.
#include <catch2/catch.hpp>

#include "domain/units/address.hpp"
#include "domain/units/roster_import.hpp"

using domain::units::parse_unit_address;

TEST_CASE("room addresses in the ways owners type them", "[address]") {
  struct row {
    const char* text;
    const char* canonical;
    const char* masked;
  };
  for (const auto& r : {row{"3-2-1201", "3-2-1201", "3栋2单元"}, row{"3栋2单元1201", "3-2-1201", "3栋2单元"},
                        row{"3号楼2单元1201室", "3-2-1201", "3栋2单元"},
                        row{"３－２－１２０１", "3-2-1201", "3栋2单元"}, row{"3-1201", "3-1201", "3栋"},
                        row{"3栋1201", "3-1201", "3栋"}, row{"a-2-101", "A-2-101", "A栋2单元"},
                        row{"3#楼2单元1201", "3-2-1201", "3栋2单元"}, row{"5栋", "5", "5栋"}}) {
    INFO(r.text);
    auto a = parse_unit_address(r.text);
    REQUIRE(a);
    CHECK(a->canonical() == r.canonical);
    CHECK(a->masked() == r.masked);
  }
  for (const char* bad : {"厨房漏水", "3-2-", "-1-2", "1-2-3-4", "电梯", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_unit_address(bad));
  }
}

TEST_CASE("areas are read exactly, in hundredths of m²", "[roster]") {
  CHECK(domain::units::parse_area_centi("89.5") == 8950);
  CHECK(domain::units::parse_area_centi("89.55") == 8955);
  CHECK(domain::units::parse_area_centi(" 120 ") == 12000);
  CHECK(domain::units::parse_area_centi("75.25㎡") == 7525);
  CHECK_FALSE(domain::units::parse_area_centi("89.555"));
  CHECK_FALSE(domain::units::parse_area_centi("abc"));
  CHECK(domain::units::split_csv_line(R"(a,"b,c","d""e")") == std::vector<std::string>{"a", "b,c", "d\"e"});
}
