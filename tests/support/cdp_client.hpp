// A headless Chromium driven over the DevTools protocol (a WebSocket on loopback), for the
// real-browser test: start it, open a page, run a line of JavaScript, take a screenshot. Every wait
// is bounded; a browser that stops answering fails the test instead of hanging it.
#pragma once
#include <openssl/evp.h>
#include <catch2/catch.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace testing {

class cdp_browser {
 public:
  static constexpr const char* binary = "/usr/bin/chromium";

  explicit cdp_browser(const temp_dir& dir)
      : profile_(dir.file("chromium-profile")),
        child_({binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--window-size=1400,1600", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile_, "about:blank"},
               dir.file("chromium.log")) {
    // Chromium writes the port it took and the browser's WebSocket path into the profile.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string active;
    while (std::chrono::steady_clock::now() < deadline) {
      active = read_file(profile_ + "/DevToolsActivePort");
      if (active.find('\n') != std::string::npos && active.find('/') != std::string::npos) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(read_file(dir.file("chromium.log")));
    REQUIRE(active.find('/') != std::string::npos);
    const std::string port = active.substr(0, active.find('\n'));
    std::string path = active.substr(active.find('\n') + 1);
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
    boost::asio::ip::tcp::resolver resolver(io_);
    ws_.next_layer().connect(resolver.resolve("127.0.0.1", port));
    ws_.read_message_max(64 << 20);
    ws_.handshake("127.0.0.1:" + port, path);
    const auto target = call("Target.createTarget", {{"url", "about:blank"}});
    session_ =
        call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}})["sessionId"];
  }

  ~cdp_browser() {
    // Closed through the protocol, Chromium takes its renderer and GPU processes with it.
    try {
      nlohmann::json msg{{"id", ++next_id_}, {"method", "Browser.close"}};
      ws_.write(boost::asio::buffer(msg.dump()));
    } catch (const std::exception&) {
    }
    child_.wait(std::chrono::seconds(10));
  }
  cdp_browser(const cdp_browser&) = delete;
  cdp_browser& operator=(const cdp_browser&) = delete;

  // A command to the page; its result, or a failed test on an error or silence.
  nlohmann::json call(const std::string& method, const nlohmann::json& params = nlohmann::json::object()) {
    const int id = ++next_id_;
    nlohmann::json msg{{"id", id}, {"method", method}, {"params", params}};
    if (!session_.empty()) msg["sessionId"] = session_;
    ws_.text(true);
    ws_.write(boost::asio::buffer(msg.dump()));
    for (;;) {
      boost::beast::flat_buffer buf;
      bool done = false;
      boost::beast::error_code error;
      ws_.async_read(buf, [&](boost::beast::error_code ec, std::size_t) {
        error = ec;
        done = true;
      });
      io_.restart();
      io_.run_for(std::chrono::seconds(30));
      if (!done) {
        ws_.next_layer().cancel();
        io_.restart();
        io_.run();
        FAIL("the browser did not answer " << method);
      }
      REQUIRE_FALSE(error);
      auto reply = nlohmann::json::parse(boost::beast::buffers_to_string(buf.data()));
      if (!reply.contains("id") || reply["id"] != id) continue;  // an event
      INFO(method << ": " << reply.dump());
      REQUIRE_FALSE(reply.contains("error"));
      return reply["result"];
    }
  }

  // The value of a JavaScript expression evaluated in the page.
  nlohmann::json eval(const std::string& expression) {
    auto r = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}});
    return r["result"].contains("value") ? r["result"]["value"] : nlohmann::json();
  }

  // Waits until `expression` is true in the page (a navigation done, an element there).
  bool wait_for(const std::string& expression, std::chrono::seconds limit = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      if (eval("!!(" + expression + ")") == true) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  void navigate(const std::string& url) { call("Page.navigate", {{"url", url}}); }

  // A PNG of the whole page at `path`; returns its size in bytes.
  std::size_t screenshot(const std::string& path) {
    const std::string b64 =
        call("Page.captureScreenshot", {{"format", "png"}, {"captureBeyondViewport", true}})["data"];
    std::string png(b64.size() / 4 * 3 + 3, '\0');
    const int n =
        EVP_DecodeBlock(reinterpret_cast<unsigned char*>(png.data()),
                        reinterpret_cast<const unsigned char*>(b64.data()), static_cast<int>(b64.size()));
    REQUIRE(n > 0);
    png.resize(static_cast<std::size_t>(n));
    write_file(path, png);
    return png.size();
  }

 private:
  std::string profile_;
  child_process child_;
  boost::asio::io_context io_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_{io_};
  std::string session_;
  int next_id_ = 0;
};

}  // namespace testing
