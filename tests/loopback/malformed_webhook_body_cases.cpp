// Correctly signed webhook bodies that are not a chat message: malformed JSON of many shapes, nesting
// just below and above the limit, and a wrong type or value for every field the adapter reads.
// A field the adapter reads with the wrong type is 400 naming it (issue 10 item 7); an unknown key or
// an absurd time is ignored.
#include "support/malformed_harness.hpp"

namespace testing::malformed {
namespace {

malformed_case refused(const std::string& name, const std::string& body) {
  return {name, webhook_post(body), 400};
}

// A message with one change applied; `stored` when the result is still a valid message.
malformed_case changed(const std::string& name, const std::function<void(json&)>& change, bool stored) {
  json j = webhook_json("wb-" + name, "大家好");
  change(j);
  return {name, webhook_post(j.dump()), stored ? 200 : 400, stored};
}

std::string nested(std::size_t depth) {
  json j = webhook_json("wb-deep-" + std::to_string(depth), "大家好");
  std::string body = j.dump();
  // One level is the message itself; the extra key adds depth - 1 arrays.
  body.insert(body.size() - 1, R"(,"x":)" + std::string(depth - 1, '[') + std::string(depth - 1, ']'));
  return body;
}

// A message whose message_id is the JSON text `number`.
std::string with_raw_id(const std::string& number) {
  std::string body = webhook_json("placeholder", "大家好").dump();
  const std::string id = R"("message_id":"placeholder")";
  return body.replace(body.find(id), id.size(), R"("message_id":)" + number);
}

std::vector<malformed_case> syntax_cases() {
  const std::string good = webhook_json("wb-syntax", "大家好").dump();
  return {
      refused("not JSON", "hello"),
      refused("truncated", good.substr(0, good.size() / 2)),
      refused("missing closing brace", good.substr(0, good.size() - 1)),
      refused("trailing garbage", good + "garbage"),
      refused("two documents", good + good),
      refused("trailing comma", good.substr(0, good.size() - 1) + ",}"),
      refused("single quotes", "{'platform':'wechat'}"),
      refused("comments", "/* c */" + good),
      refused("invalid UTF-8 in a string",
              R"({"platform":"wechat","text":")" + std::string("\xc3\x28\xff") + "\"}"),
      refused("overlong UTF-8", R"({"text":")" + std::string("\xc0\xaf") + "\"}"),
      refused("lone surrogate escape", R"({"platform":"wechat","message_id":"a","text":"\ud800"})"),
      // nlohmann::json ends its input at a NUL byte, so what follows one is never read; the
      // signature still covered every byte, so nothing unsigned gets in.
      {"raw NUL after the object", webhook_post(good + std::string(1, '\0') + "garbage"), 200, true},
      refused("raw NUL before the object", std::string(1, '\0') + good),
      refused("raw NUL inside a string", R"({"text":"a)" + std::string(1, '\0') + "b\"}"),
      refused("control character in a string", R"({"text":"a)" + std::string(1, '\x01') + "b\"}"),
      refused("bare number", "42"),
      refused("huge number", std::string(4000, '9')),
      refused("message_id 1e400", with_raw_id("1e400")),
      {"message_id 30 digits: kept as its exact text",
       webhook_post(with_raw_id("123456789012345678901234567890")), 200, true},
      refused("message_id -0.0", with_raw_id("-0.0e0")),
      refused("string", R"("报修 3-2-1201")"),
      refused("array", "[" + good + "]"),
      refused("null", "null"),
      refused("true", "true"),
      refused("empty object", "{}"),
      refused("whitespace only", "   \n\t "),
      refused("UTF-16 body", std::string("\xff\xfe{\0}\0", 6)),
      refused("nested 65 deep", nested(65)),
      refused("nested 100,000 deep", nested(100'000)),
      {"nested 64 deep", webhook_post(nested(64)), 200, true},
      {"BOM before the object", webhook_post("\xef\xbb\xbf" + webhook_json("wb-bom", "大家好").dump()), 200,
       true},
      {"escaped NUL in the text", webhook_post(webhook_json("wb-nul", std::string("a\0b", 3)).dump()), 200,
       true},
      {"duplicate keys, the last valid",
       webhook_post(R"({"text":5,"platform":"wechat","message_id":"wb-dup","chat":{"type":"group","id":"c"},)"
                    R"("sender":{"id":"s"},"text":"大家好"})"),
       200, true},
      refused("duplicate keys, the last invalid",
              R"({"platform":"wechat","message_id":"wb-dup2","chat":{"type":"group","id":"c"},)"
              R"("sender":{"id":"s"},"text":"大家好","text":5})"),
  };
}

std::vector<malformed_case> field_cases() {
  auto set = [](const char* key, json v) { return [=](json& j) { j[key] = v; }; };
  auto set_in = [](const char* object, const char* key, json v) {
    return [=](json& j) { j[object][key] = v; };
  };
  auto drop = [](const char* key) { return [=](json& j) { j.erase(key); }; };
  auto drop_in = [](const char* object, const char* key) { return [=](json& j) { j[object].erase(key); }; };
  return {
      changed("platform missing", drop("platform"), false),
      changed("platform number", set("platform", 7), false),
      changed("platform empty", set("platform", ""), false),
      changed("platform 33 chars", set("platform", std::string(33, 'a')), false),
      changed("platform upper-case", set("platform", "WeChat"), false),
      changed("platform with a slash", set("platform", "we/chat"), false),
      changed("platform null", set("platform", nullptr), false),
      changed("message_id missing", drop("message_id"), false),
      changed("message_id empty", set("message_id", ""), false),
      changed("message_id null", set("message_id", nullptr), false),
      changed("message_id bool", set("message_id", true), false),
      changed("message_id float", set("message_id", 1.5), false),
      changed("message_id object", set("message_id", json{{"id", 1}}), false),
      changed("message_id array", set("message_id", json::array({1})), false),
      changed("chat missing", drop("chat"), false),
      changed("chat string", set("chat", "suite@chatroom"), false),
      changed("chat array", set("chat", json::array()), false),
      changed("chat null", set("chat", nullptr), false),
      changed("chat.type missing", drop_in("chat", "type"), false),
      changed("chat.type unknown", set_in("chat", "type", "channel"), false),
      changed("chat.type empty", set_in("chat", "type", ""), false),
      changed("chat.type upper-case", set_in("chat", "type", "GROUP"), false),
      changed("chat.id missing", drop_in("chat", "id"), false),
      changed("chat.id empty", set_in("chat", "id", ""), false),
      changed("chat.id bool", set_in("chat", "id", false), false),
      changed("chat.id object", set_in("chat", "id", json::object()), false),
      changed("chat.name number: 400 naming it", set_in("chat", "name", 5), false),
      changed("sender missing", drop("sender"), false),
      changed("sender string", set("sender", "wxid_suite"), false),
      changed("sender.id missing", drop_in("sender", "id"), false),
      changed("sender.id array", set_in("sender", "id", json::array({"a"})), false),
      changed("sender.id float", set_in("sender", "id", 2.5), false),
      changed("sender.name object: 400 naming it", set_in("sender", "name", json::object()), false),
      changed("text missing", drop("text"), false),
      changed("text number", set("text", 5), false),
      changed("text null", set("text", nullptr), false),
      changed("text array", set("text", json::array({"报修"})), false),
      changed("text object", set("text", json{{"content", "报修"}}), false),
      changed("time string: 400 naming it", set("time", "yesterday"), false),
      changed("time negative: ignored", set("time", -5), true),
      changed("time year 3000: ignored", set("time", 32503680000LL), true),
      changed("time float: ignored", set("time", 1.7e9), true),
      changed("mentions_bot string: 400 naming it", set("mentions_bot", "yes"), false),
      changed("quote_id object: 400 naming it", set("quote_id", json::object()), false),
      changed("images string: 400 naming it", set("images", "https://x/a.jpg"), false),
      changed("images of numbers: 400 naming it", set("images", json::array({1, 2})), false),
      changed("images of objects: 400 naming it", set("images", json::array({json::object()})), false),
      changed("unknown keys: ignored", set("extra", json{{"a", json::array({1, 2})}}), true),
  };
}

}  // namespace

std::vector<malformed_case> webhook_body_cases() {
  std::vector<malformed_case> all = syntax_cases();
  for (auto& c : field_cases()) all.push_back(std::move(c));
  return all;
}

}  // namespace testing::malformed
