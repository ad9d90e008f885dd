// CSV fields as Excel reads them, and HTML escaping of what owners typed.
#include <catch2/catch.hpp>

#include "web/csv.hpp"
#include "web/html.hpp"

TEST_CASE("csv: quotes what needs it and disarms formulas", "[web][csv]") {
  CHECK(web::csv_field("厨房漏水") == "厨房漏水");
  CHECK(web::csv_field("a,b") == "\"a,b\"");
  CHECK(web::csv_field("他说\"快修\"") == "\"他说\"\"快修\"\"\"");
  CHECK(web::csv_field("第一行\n第二行") == "\"第一行\n第二行\"");
  CHECK(web::csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(web::csv_field("+86 138") == "'+86 138");
  CHECK(web::csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(web::csv_field("") == "");
  web::csv_table t;
  t.row({"编号", "描述"});
  t.row({"1", "a,b"});
  CHECK(t.text() == "\xEF\xBB\xBF编号,描述\r\n1,\"a,b\"\r\n");
}

TEST_CASE("html: escapes markup and quotes", "[web][html]") {
  CHECK(web::escape("<script>alert('x')</script> & \"y\"") ==
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
  CHECK(web::escape("三号楼") == "三号楼");
}
