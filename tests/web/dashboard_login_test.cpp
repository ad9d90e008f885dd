// The dashboard over loopback HTTP, as a manager, a staff member and an admin use it: the one-time
// link asked for in chat, the session cookie, who may read which community's tickets and exports,
// and logging out from the page and from chat.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "bot/crypto.hpp"
#include "storage/dashboard_store.hpp"
#include "support/scratch_db.hpp"
#include "support/webhook_chat.hpp"

namespace dashboard_login_test {

using testing::webhook::harness;

namespace {

constexpr const char* dashboard_roles = R"([roles]
managers = ["webhook:wechat:wxid_boss"]
staff = ["webhook:wechat:wxid_li"]
admins = ["webhook:wechat:wxid_root"]
)";

std::string say(harness& h, const std::string& sender, const std::string& text, bool group = false) {
  return testing::webhook::say_and_answer(h, sender, text, group);
}

// The secret of the link in a `后台` reply, or "".
std::string link_secret(const std::string& reply) {
  static const std::regex link(R"(/dashboard/login\?t=([0-9a-f]{64}))");
  std::smatch m;
  return std::regex_search(reply, m, link) ? m[1].str() : std::string();
}

bot::http_reply post_login(harness& h, const std::string& secret) {
  return h.call("POST", "/dashboard/login", "t=" + secret, "",
                {{"Content-Type", "application/x-www-form-urlencoded"}});
}

// Logs `sender` in through chat and the link; returns the session cookie ("name=value").
std::string log_in(harness& h, const std::string& sender) {
  const std::string secret = link_secret(say(h, sender, "后台"));
  REQUIRE(secret.size() == 64);
  auto r = post_login(h, secret);
  REQUIRE(r.status == 303);
  const std::string set = r.header("set-cookie");
  REQUIRE(set.find("estatebot_session=") == 0);
  return set.substr(0, set.find(';'));
}

bot::http_reply get(harness& h, const std::string& path, const std::string& cookie) {
  return h.call("GET", path, "", "", {{"Cookie", cookie}});
}

}  // namespace

TEST_CASE("dashboard: a manager logs in once with the link from chat and sees the tickets",
          "[web][dashboard]") {
  harness h("", dashboard_roles);
  say(h, "wxid_wang", "报修 3-2-1201 厨房水管漏水", true);
  say(h, "wxid_zhao", "报修 5-1-302 <b>楼道灯</b>不亮了", true);

  const std::string reply = say(h, "wxid_boss", "后台");
  const std::string secret = link_secret(reply);
  REQUIRE(secret.size() == 64);
  CHECK(reply.find("分钟内有效") != std::string::npos);
  // Only the hash is kept: the database alone opens nothing.
  CHECK(h.count("dashboard_links") == 1);
  CHECK(h.count(("dashboard_links WHERE hash = '" + bot::crypto::sha256_hex(secret) + "'").c_str()) == 1);
  CHECK(h.count(("dashboard_links WHERE hash = '" + secret + "'").c_str()) == 0);

  // Opening the link (as a chat app's preview does) does not use it up.
  auto form = h.call("GET", "/dashboard/login?t=" + secret, "", "");
  CHECK(form.status == 200);
  CHECK(form.body.find("method=\"post\"") != std::string::npos);
  CHECK(h.count("dashboard_links") == 1);

  auto in = post_login(h, secret);
  REQUIRE(in.status == 303);
  CHECK(in.header("location") == "/dashboard");
  const std::string set = in.header("set-cookie");
  CHECK(set.find("HttpOnly") != std::string::npos);
  CHECK(set.find("SameSite=Strict") != std::string::npos);
  CHECK(set.find("Secure") == std::string::npos);  // plain http on loopback
  const std::string cookie = set.substr(0, set.find(';'));

  // Used once: the same link again is refused.
  CHECK(post_login(h, secret).status == 403);

  auto overview = get(h, "/dashboard", cookie);
  REQUIRE(overview.status == 200);
  CHECK(overview.header("content-security-policy").find("default-src 'none'") != std::string::npos);
  CHECK(overview.body.find("<svg") != std::string::npos);
  CHECK(overview.body.find("每天的工单") != std::string::npos);

  auto list = get(h, "/dashboard/tickets", cookie);
  REQUIRE(list.status == 200);
  CHECK(list.body.find("厨房水管漏水") != std::string::npos);
  // Owners' text is shown, never run.
  CHECK(list.body.find("&lt;b&gt;楼道灯&lt;/b&gt;") != std::string::npos);
  CHECK(list.body.find("<b>楼道灯") == std::string::npos);

  auto ticket = get(h, "/dashboard/ticket?id=1", cookie);
  REQUIRE(ticket.status == 200);
  CHECK(ticket.body.find("厨房水管漏水") != std::string::npos);
  CHECK(ticket.body.find("处理记录") != std::string::npos);

  // Without the cookie, or with a made-up one, nothing.
  CHECK(h.call("GET", "/dashboard/tickets", "", "").status == 401);
  CHECK(get(h, "/dashboard/tickets", "estatebot_session=" + std::string(64, 'a')).status == 401);
}

TEST_CASE("dashboard: the link is asked for privately, by staff and managers only", "[web][dashboard]") {
  harness h("", dashboard_roles);
  CHECK(say(h, "wxid_boss", "@物业助手 后台", true).find("私聊") != std::string::npos);
  CHECK(link_secret(say(h, "wxid_wang", "后台")).empty());  // an owner
  CHECK(h.count("dashboard_links") == 0);
  CHECK(link_secret(say(h, "wxid_boss", "/dashboard")).size() == 64);
}

TEST_CASE("dashboard: an expired or made-up link is refused", "[web][dashboard]") {
  harness h("", dashboard_roles);
  say(h, "wxid_boss", "后台");  // the manager is a member now
  const std::int64_t manager = testing::sql_int(h.service->state().database,
                                                "SELECT id FROM members WHERE user_id = 'wechat:wxid_boss'");
  const std::string secret(64, 'b');
  storage::dashboard_store logins(h.service->state().database);
  logins.add_link(bot::crypto::sha256_hex(secret), {manager, 1, "zh-CN"}, h.clock.now_ms() - 1);
  auto r = post_login(h, secret);
  CHECK(r.status == 403);
  CHECK(r.body.find("已失效") != std::string::npos);
  CHECK(r.header("set-cookie").empty());
  CHECK(post_login(h, std::string(64, 'c')).status == 403);
  CHECK(post_login(h, "not-hex").status == 403);
  CHECK(h.count("dashboard_sessions") == 0);
}

TEST_CASE("dashboard: a manager reads only the community of the login, an admin may switch",
          "[web][dashboard]") {
  harness h("", dashboard_roles);
  say(h, "wxid_wang", "报修 3-2-1201 厨房水管漏水", true);
  auto& state = h.service->state();
  const std::int64_t other = state.db.communities.ensure("翠湖苑", h.clock.now_ms());
  storage::ticket_row t;
  t.community_id = other;
  t.description = "翠湖苑的电梯困人";
  t.created_at = h.clock.now_ms();
  const std::int64_t other_ticket = state.db.tickets.create(t);

  const std::string manager = log_in(h, "wxid_boss");
  CHECK(get(h, "/dashboard/ticket?id=" + std::to_string(other_ticket), manager).status == 404);
  for (const std::string path : {"/dashboard/tickets?c=", "/dashboard/export/tickets.csv?c="}) {
    auto r = get(h, path + std::to_string(other), manager);
    REQUIRE(r.status == 200);
    CHECK(r.body.find("电梯困人") == std::string::npos);
    CHECK(r.body.find("厨房水管漏水") != std::string::npos);
  }

  const std::string admin = log_in(h, "wxid_root");
  auto theirs = get(h, "/dashboard/tickets?c=" + std::to_string(other), admin);
  REQUIRE(theirs.status == 200);
  CHECK(theirs.body.find("电梯困人") != std::string::npos);
  CHECK(theirs.body.find("厨房水管漏水") == std::string::npos);
}

TEST_CASE("dashboard: staff read the tickets they hold, and export nothing", "[web][dashboard]") {
  harness h("", dashboard_roles);
  say(h, "wxid_wang", "报修 3-2-1201 厨房水管漏水", true);
  say(h, "wxid_zhao", "报修 5-1-302 楼道灯不亮", true);
  say(h, "wxid_li", "接单 2");
  const std::string staff = log_in(h, "wxid_li");
  auto overview = get(h, "/dashboard", staff);
  CHECK(overview.status == 303);
  CHECK(overview.header("location") == "/dashboard/tickets");
  auto list = get(h, "/dashboard/tickets", staff);
  REQUIRE(list.status == 200);
  CHECK(list.body.find("楼道灯不亮") != std::string::npos);
  CHECK(list.body.find("厨房水管漏水") == std::string::npos);
  CHECK(get(h, "/dashboard/ticket?id=2", staff).status == 200);
  CHECK(get(h, "/dashboard/ticket?id=1", staff).status == 404);
  for (const char* path : {"/dashboard/export/tickets.csv", "/dashboard/export/ballots.csv?vote=1",
                           "/dashboard/export/survey.csv?survey=1", "/dashboard/exports"})
    CHECK(get(h, path, staff).status == 403);
}

TEST_CASE("dashboard: logging out ends the session, on the page and from chat", "[web][dashboard]") {
  harness h("", dashboard_roles);
  const std::string first = log_in(h, "wxid_boss");
  REQUIRE(get(h, "/dashboard/tickets", first).status == 200);
  auto out = h.call("POST", "/dashboard/logout", "", "",
                    {{"Cookie", first}, {"Content-Type", "application/x-www-form-urlencoded"}});
  CHECK(out.status == 200);
  CHECK(out.header("set-cookie").find("Max-Age=0") != std::string::npos);
  CHECK(get(h, "/dashboard/tickets", first).status == 401);

  const std::string second = log_in(h, "wxid_boss");
  const std::string third = log_in(h, "wxid_boss");
  REQUIRE(get(h, "/dashboard/tickets", second).status == 200);
  CHECK(say(h, "wxid_boss", "退出后台").find("2") != std::string::npos);
  CHECK(get(h, "/dashboard/tickets", second).status == 401);
  CHECK(get(h, "/dashboard/tickets", third).status == 401);
  CHECK(say(h, "wxid_boss", "退出后台").find("没有") != std::string::npos);
}

TEST_CASE("dashboard: the tickets' CSV opens in Excel with Chinese intact", "[web][dashboard]") {
  harness h("", dashboard_roles);
  say(h, "wxid_wang", "报修 3-2-1201 厨房水管漏水，地板全湿了", true);
  say(h, "wxid_zhao", "报修 5-1-302 楼道灯不亮,电梯也坏了", true);
  const std::string manager = log_in(h, "wxid_boss");
  auto csv = get(h, "/dashboard/export/tickets.csv?p=本月", manager);
  REQUIRE(csv.status == 200);
  CHECK(csv.header("content-type") == "text/csv; charset=utf-8");
  CHECK(csv.header("content-disposition").find("attachment; filename=\"tickets-") == 0);
  REQUIRE(csv.body.size() > 3);
  CHECK(csv.body.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(csv.body.substr(3, 6) == "编号");
  CHECK(csv.body.find(",厨房水管漏水，地板全湿了,") !=
        std::string::npos);  // a full-width comma needs no quotes
  CHECK(csv.body.find(",\"楼道灯不亮,电梯也坏了\",") != std::string::npos);  // an ASCII one does
  CHECK(csv.body.find(",wxid_wang,") != std::string::npos);                  // who reported it
  CHECK(get(h, "/dashboard/export/tickets.csv?p=明年后天", manager).status == 400);
}

TEST_CASE("dashboard: the overview shows how many households acknowledged an emergency", "[web][dashboard]") {
  harness h("", dashboard_roles);
  auto& s = h.service->state().db;
  const std::int64_t now = h.clock.now_ms();
  const std::int64_t community = 1;
  std::vector<std::int64_t> units;
  for (const char* room : {"101", "102", "201", "202"})
    units.push_back(s.units.upsert({0, community, "3", "1", room, 9000, "", ""}));
  const std::int64_t wang = s.members.touch({"webhook", "wechat:wxid_wang", "王阿姨"}, now).id;
  const std::int64_t zhao = s.members.touch({"webhook", "wechat:wxid_zhao", "赵先生"}, now).id;
  s.units.bind(units[0], wang, "phone_tail", now);
  s.units.bind(units[1], zhao, "phone_tail", now);
  storage::emergency_row e;
  e.community_id = community;
  e.title = "3栋停水";
  e.started_at = now;
  const std::int64_t id = s.emergencies.create(e);
  s.emergencies.acknowledge(id, wang, std::nullopt, now);

  const std::string manager = log_in(h, "wxid_boss");
  auto overview = get(h, "/dashboard", manager);
  REQUIRE(overview.status == 200);
  INFO(overview.body);
  CHECK(overview.body.find("3栋停水") != std::string::npos);
  CHECK(overview.body.find("25% (1/4)") != std::string::npos);  // one household of the four
}

TEST_CASE("dashboard: a form posted from another site neither logs in nor out", "[web][dashboard]") {
  harness h("", dashboard_roles);
  const std::string secret = link_secret(say(h, "wxid_boss", "后台"));
  REQUIRE(secret.size() == 64);
  const auto posted = [&](const std::string& path, const std::string& body, bot::header_list headers) {
    headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return h.call("POST", path, body, "", headers);
  };
  CHECK(posted("/dashboard/login", "t=" + secret, {{"Sec-Fetch-Site", "cross-site"}}).status == 403);
  CHECK(posted("/dashboard/login", "t=" + secret, {{"Origin", "https://evil.example"}}).status == 403);
  CHECK(h.count("dashboard_links") == 1);  // not used up by the refused posts
  auto in =
      posted("/dashboard/login", "t=" + secret,
             {{"Sec-Fetch-Site", "same-origin"}, {"Origin", "http://127.0.0.1:" + std::to_string(h.port)}});
  REQUIRE(in.status == 303);
  const std::string cookie = in.header("set-cookie").substr(0, in.header("set-cookie").find(';'));
  CHECK(posted("/dashboard/logout", "", {{"Cookie", cookie}, {"Sec-Fetch-Site", "same-site"}}).status == 403);
  CHECK(get(h, "/dashboard/tickets", cookie).status == 200);
  // A page asked for without the cookie (a link from elsewhere) does not clear it.
  auto bare = h.call("GET", "/dashboard/tickets", "", "");
  CHECK(bare.status == 401);
  CHECK(bare.header("set-cookie").empty());
}

TEST_CASE("dashboard: 退出后台 also voids a link not used yet", "[web][dashboard]") {
  harness h("", dashboard_roles);
  const std::string secret = link_secret(say(h, "wxid_boss", "后台"));
  REQUIRE(secret.size() == 64);
  say(h, "wxid_boss", "退出后台");
  CHECK(post_login(h, secret).status == 403);
}

TEST_CASE("dashboard: behind TLS the cookie is Secure and links name the public address",
          "[web][dashboard]") {
  harness h("", std::string(dashboard_roles) + "[dashboard]\npublic_url = \"https://wuye.example.com/\"\n");
  const std::string reply = say(h, "wxid_boss", "后台");
  CHECK(reply.find("https://wuye.example.com/dashboard/login?t=") != std::string::npos);
  auto in = post_login(h, link_secret(reply));
  REQUIRE(in.status == 303);
  CHECK(in.header("set-cookie").find("; Secure") != std::string::npos);
}

TEST_CASE("dashboard: public_url is an origin, not a path", "[web][dashboard][config]") {
  CHECK_THROWS_AS(bot::config::parse("[dashboard]\npublic_url = \"https://x.example.com/estate\"\n"),
                  bot::config_error);
  CHECK_THROWS_AS(bot::config::parse("[dashboard]\npublic_url = \"wuye.example.com\"\n"), bot::config_error);
  CHECK(bot::config::parse("[dashboard]\npublic_url = \"https://x.example.com:8443/\"\n")
            .dashboard.public_url == "https://x.example.com:8443");
}

}  // namespace dashboard_login_test
