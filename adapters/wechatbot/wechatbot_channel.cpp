#include "adapters/wechatbot/wechatbot_channel.hpp"

#include <nlohmann/json.hpp>

#include "adapters/wechatbot/outbound.hpp"
#include "bot/clock.hpp"
#include "bot/http_server.hpp"
#include "bot/log.hpp"

namespace adapters::wechatbot {
namespace {

const std::string account;  // one bridge, one WeChat account: chat_ref::account stays empty

}  // namespace

bool wechatbot_channel::ready(const bot::chat_ref&) const {
  return !board_.paused(account, clk_.now_ms());
}

void wechatbot_channel::send(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  if (!d.body.recall_id.empty()) {
    done({bot::send_result::status::failed, "", "wechatbot-webhook cannot recall a message", std::nullopt});
    return;
  }
  bot::http_call call = render_send(codec_.config(), d);
  call.timeout_ms = timeout_ms_;
  client_.request(std::move(call), [this, id = d.id, done = std::move(done)](bot::http_reply reply) {
    send_answer a = read_send_answer(reply);
    if (a.logged_out) board_.set_online(account, false);
    if (a.refused) {
      board_.pause(account, clk_.now_ms());
      bot::log::warn("wechatbot", "#{}: WeChat refused it ({}); the account pauses", id, a.result.error);
    }
    if (a.result.outcome == bot::send_result::status::sent) {
      board_.sent(account);
      board_.set_online(account, true);
    }
    done(std::move(a.result));
  });
}

void wechatbot_channel::attach(adapter_host host) {
  deliver_ = host.deliver;
  wake_outbox_ = host.wake_outbox;
  for (const auto& r : codec_.routes())
    host.server.route(
        r.method, r.path, [this](const bot::http_request& req) { return take(req); }, r.check_headers);
}

bot::http_response wechatbot_channel::take(const bot::http_request& req) {
  inbound in = codec_.parse_inbound(req);
  if (in.result.response.status != 200) return in.result.response;
  const std::int64_t now = clk_.now_ms();
  board_.saw_event(account, now);
  if (in.system) note(*in.system, now);
  for (auto& event : in.result.events) {
    if (const auto* h = std::get_if<bot::account_health>(&event)) {
      board_.set_online(account, h->online);
      if (h->online && wake_outbox_) wake_outbox_();  // rows that waited for the login may go
      continue;
    }
    if (auto* m = std::get_if<bot::message>(&event)) {
      board_.set_online(account, true);  // it hears, so it is logged in
      heard_room(*m, in.room_id);
      m->id = recent_.id_for(m->id, now);
    }
    if (deliver_) deliver_(event);
  }
  return in.result.response;
}

void wechatbot_channel::note(const system_event& e, std::int64_t now_ms) {
  switch (e.what) {
    case system_event::kind::login:
      user_ = e.user;
      rooms_.new_login();
      bot::log::info("wechatbot", "WeChat account {} logged in", e.user);
      break;
    case system_event::kind::logout:
      bot::log::warn("wechatbot", "WeChat account {} logged out: sends wait until it logs in again", e.user);
      break;
    case system_event::kind::error:
      last_error_ = e.error.empty() ? "(the bridge gave no detail)" : e.error;
      last_error_at_ = now_ms;
      bot::log::warn("wechatbot", "the bridge reports an error: {}", last_error_);
      break;
    case system_event::kind::other:
      break;
  }
}

void wechatbot_channel::heard_room(const bot::message& m, const std::string& room_id) {
  if (!m.chat.is_group()) return;
  auto heard = rooms_.heard(room_id, m.chat.id);
  if (heard.what == room_history::seen::renamed)
    bot::log::warn("wechatbot", "group \"{}\" is now called \"{}\": register it again (绑定小区)",
                   heard.other_topic, m.chat.id);
  else if (heard.what == room_history::seen::shared_topic)
    bot::log::warn("wechatbot", "two groups are called \"{}\": sends to it may reach either; rename one",
                   m.chat.id);
}

nlohmann::json wechatbot_channel::health() const {
  const std::int64_t now = clk_.now_ms();
  nlohmann::json boards = board_.to_json(now, [](const std::string&) { return true; });
  nlohmann::json state = nullptr;
  if (auto it = boards.find(account); it != boards.end()) {
    state = *it;
    for (const char* unused :
         {"heartbeat_interval_ms", "last_heartbeat_at", "ws_connected", "ws_links", "http_api"})
      state.erase(unused);
  }
  return {{"enabled", true},
          {"api_url", codec_.config().api_url},
          {"account", state},
          {"user", user_.empty() ? nlohmann::json(nullptr) : nlohmann::json(user_)},
          {"last_error", last_error_.empty() ? nlohmann::json(nullptr) : nlohmann::json(last_error_)},
          {"last_error_at", last_error_at_ > 0 ? nlohmann::json(last_error_at_) : nlohmann::json(nullptr)},
          {"rooms", rooms_.to_json()}};
}

}  // namespace adapters::wechatbot
