// The dashboard in a real browser: headless Chromium (Debian's package; scripts/test installs it)
// opens the one-time link a manager got in chat, presses the login button, and finds the seeded
// tickets in the charts and the list. The overview's screenshot is kept in the build folder
// (dashboard-overview.png) for a person to look at.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "support/cdp_client.hpp"
#include "support/webhook_chat.hpp"

namespace dashboard_browser_test {

using testing::webhook::harness;

namespace {

// Runs the service's event loop on a thread of its own while the browser talks to it.
struct serving {
  explicit serving(boost::asio::io_context& io)
      : io(io), thread([&io] {
          io.restart();
          io.run();
        }) {}
  ~serving() {
    io.stop();
    thread.join();
  }
  boost::asio::io_context& io;
  std::thread thread;
};

}  // namespace

TEST_CASE("browser: a manager opens the dashboard from the chat link and sees charts and tickets",
          "[web][dashboard][browser]") {
  REQUIRE(std::filesystem::exists(testing::cdp_browser::binary));  // scripts/test installs chromium
  harness h("", "[roles]\nmanagers = [\"webhook:wechat:wxid_boss\"]\n");
  testing::webhook::say_and_answer(h, "wxid_wang", "报修 3-2-1201 厨房水管漏水", true);
  testing::webhook::say_and_answer(h, "wxid_zhao", "报修 5-1-302 电梯按钮失灵", true);
  testing::webhook::say_and_answer(h, "wxid_qian", "投诉 晚上十一点还有装修噪音", true);
  const std::string reply = testing::webhook::say_and_answer(h, "wxid_boss", "后台", false);
  std::smatch m;
  REQUIRE(std::regex_search(reply, m,
                            std::regex(R"(http://127\.0\.0\.1:(\d+)(/dashboard/login\?t=[0-9a-f]{64}))")));
  REQUIRE(std::stoi(m[1]) == h.port);  // the link names the port the server took
  const std::string link = m[0];
  const std::string base = "http://127.0.0.1:" + std::to_string(h.port);

  testing::cdp_browser browser(h.dir);
  bool charts = false, figures = false, listed = false;
  std::size_t png = 0;
  {
    serving loop(h.io);
    browser.navigate(link);
    REQUIRE(browser.wait_for("document.readyState === 'complete' && document.querySelector('form button')"));
    browser.eval("document.querySelector('form button').click(), true");
    REQUIRE(browser.wait_for("location.pathname === '/dashboard' && document.readyState === 'complete'"));
    // Today's column of the per-day chart stacks the three categories reported, with their legend.
    charts =
        browser.eval("document.querySelector('figure.chart').querySelectorAll('svg rect.bar').length") == 3 &&
        browser.eval("document.querySelector('figure.chart').querySelectorAll('ul.legend li').length") == 3;
    // The figures: three new tickets, two repairs and one complaint.
    figures = browser.eval("document.querySelector('section.figures td').innerText")
                  .get<std::string>()
                  .starts_with("3 (");
    png = browser.screenshot((std::filesystem::current_path() / "dashboard-overview.png").string());
    browser.navigate(base + "/dashboard/tickets?state=all");
    REQUIRE(
        browser.wait_for("location.pathname === '/dashboard/tickets' && document.readyState === 'complete'"));
    const std::string text =
        browser.eval("document.querySelector('table.tickets').innerText").get<std::string>();
    listed = text.find("厨房水管漏水") != std::string::npos && text.find("电梯按钮失灵") != std::string::npos;
  }
  CHECK(charts);
  CHECK(figures);
  CHECK(listed);
  CHECK(png > 10'000);
  // The link was used by the browser: it opens nothing a second time.
  CHECK(h.count("dashboard_links") == 0);
  CHECK(h.count("dashboard_sessions") == 1);
}

}  // namespace dashboard_browser_test
