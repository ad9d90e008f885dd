#include "adapters/onebot/history_check.hpp"

#include <charconv>

#include "adapters/onebot/ids.hpp"
#include "adapters/onebot/segments.hpp"

namespace adapters::onebot {
namespace {

using nlohmann::json;
using verdict = history_match::verdict;

constexpr int history_size = 20;
// Client and bot clocks may differ a little; a message older than this before the call is not it.
constexpr std::int64_t clock_slack_s = 5;
constexpr char unsure_mark = '~';

// The words of a message, without spacing QQ may trim or add: what two copies share.
std::string words_of(const json& message) {
  std::string out;
  for (const auto& seg : segments_of(message)) {
    if (seg.type != "text") continue;
    for (char c : seg.get("text"))
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  }
  return out;
}

std::optional<std::string> sender_of(const json& m) {
  if (auto it = m.find("sender"); it != m.end() && it->is_object())
    if (auto id = id_field(*it, "user_id")) return id;
  return id_field(m, "user_id");
}

bool is_copy(const json& m, const std::string& words, const std::string& self_id, std::int64_t since_ms) {
  if (!m.is_object() || sender_of(m) != self_id) return false;
  auto time = m.find("time");
  if (time == m.end() || !time->is_number_integer() ||
      time->get<std::int64_t>() < since_ms / 1000 - clock_slack_s)
    return false;
  auto message = m.find("message");
  return message != m.end() && words_of(*message) == words;
}

}  // namespace

api_call history_call(const bot::chat_ref& chat) {
  if (chat.is_group())
    return {"get_group_msg_history", {{"group_id", id_json(chat.id)}, {"count", history_size}}};
  return {"get_friend_msg_history", {{"user_id", id_json(chat.id)}, {"count", history_size}}};
}

history_match find_in_history(const api_answer& a, const api_call& sent, const std::string& self_id,
                              std::int64_t since_ms) {
  if (a.how != api_answer::transport::answered) return {verdict::away, {}};
  const std::string words = words_of(sent.params.value("message", json()));
  if (words.empty() || a.http_status != 200 || !a.body.is_object()) return {verdict::unknown, {}};
  auto data = a.body.find("data");
  if (read_answer(a).outcome != bot::send_result::status::sent || data == a.body.end() || !data->is_object())
    return {verdict::unknown, {}};
  auto messages = data->find("messages");
  if (messages == data->end() || !messages->is_array()) return {verdict::unknown, {}};
  for (const auto& m : *messages)
    if (is_copy(m, words, self_id, since_ms))
      return {verdict::found, id_field(m, "message_id").value_or(std::string(no_message_id))};
  return {verdict::absent, {}};
}

std::string mark_unsure(const std::vector<std::string>& done, std::int64_t at_ms) {
  std::string out = write_progress(done);
  return out + (out.empty() ? "" : ",") + unsure_mark + std::to_string(at_ms);
}

std::optional<std::int64_t> unsure_since(const std::string& stored) {
  auto comma = stored.rfind(',');
  std::string_view last = std::string_view(stored).substr(comma == std::string::npos ? 0 : comma + 1);
  if (last.size() < 2 || last.front() != unsure_mark) return std::nullopt;
  std::int64_t at = 0;
  auto [p, ec] = std::from_chars(last.data() + 1, last.data() + last.size(), at);
  if (ec != std::errc() || p != last.data() + last.size()) return std::nullopt;
  return at;
}

}  // namespace adapters::onebot
