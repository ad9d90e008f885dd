// wechatbot-webhook's inbound forms for tests: the fixture files (tests/fixtures/wechatbot/) with
// the Content-Type node-fetch gives them, and forms built field by field in the same byte layout.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "support/fixtures.hpp"

namespace testing::wechatbot {

// A fixture's body and its Content-Type (the boundary is the body's first line).
struct form_body {
  std::string content_type;
  std::string body;
};

inline form_body fixture_form(const std::string& name) {
  std::string body = testing::fixture("wechatbot/" + name);
  std::string boundary = body.substr(2, body.find("\r\n") - 2);
  return {"multipart/form-data;boundary=" + boundary, body};
}

// Fields in order, written as Node's form-data writes them.
inline form_body build_form(const std::vector<std::pair<std::string, std::string>>& fields) {
  const std::string boundary = "--------------------------100200300400500600700800";
  std::string body;
  for (const auto& [name, value] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value +
            "\r\n";
  body += "--" + boundary + "--\r\n";
  return {"multipart/form-data;boundary=" + boundary, body};
}

inline nlohmann::json contact(const std::string& name, const std::string& alias = "") {
  return {{"_events", nlohmann::json::object()},
          {"_eventsCount", 0},
          {"id", "@" + std::to_string(std::hash<std::string>{}(name))},
          {"payload", {{"alias", alias}, {"name", name}, {"friend", true}, {"type", 1}}}};
}

inline nlohmann::json room(const std::string& topic, const std::string& id) {
  return {{"_events", nlohmann::json::object()}, {"id", id}, {"payload", {{"id", id}, {"topic", topic}}}};
}

// A text message as the bridge forwards it: in `topic` (a group) or privately when it is empty.
inline form_body text_form(const std::string& topic, const std::string& sender, const std::string& text,
                           const std::string& alias = "", const std::string& room_id = "@@room-1") {
  nlohmann::json source = {{"room", topic.empty() ? nlohmann::json::object() : room(topic, room_id)},
                           {"to", nlohmann::json::object()},
                           {"from", contact(sender, alias)}};
  return build_form({{"source", source.dump()},
                     {"isSystemEvent", "0"},
                     {"isMentioned", "0"},
                     {"isMsgFromSelf", "0"},
                     {"type", "text"},
                     {"content", text}});
}

}  // namespace testing::wechatbot
