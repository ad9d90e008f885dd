#include "adapters/onebot/client_status.hpp"

#include <nlohmann/json.hpp>

#include "bot/account_board.hpp"

namespace adapters::onebot {

void client_status::saw(const event_result& e, std::int64_t now_ms, bot::account_board& board) {
  if (e.self_id.empty()) return;
  board.saw_event(e.self_id, now_ms);
  for (const auto& ev : e.events) {
    const auto* h = std::get_if<bot::account_health>(&ev);
    if (!h) continue;
    board.set_online(e.self_id, h->online);
    if (e.kind == "meta_event/heartbeat") {
      board.heartbeat(e.self_id, h->next_heartbeat_ms, now_ms);
      if (e.good) clients_[e.self_id].good = e.good;
    }
  }
  if (!e.lifecycle.empty()) {
    clients_[e.self_id].lifecycle = e.lifecycle;
    board.set_client_off(e.self_id, e.lifecycle == "disable");
  }
}

nlohmann::json client_status::to_json(const bot::account_board& board, std::int64_t now_ms,
                                      const std::function<bool(const std::string&)>& http_api) const {
  nlohmann::json out = board.to_json(now_ms, http_api);
  for (auto account = out.begin(); account != out.end(); ++account) {
    auto it = clients_.find(account.key());
    const client none;
    const client& c = it != clients_.end() ? it->second : none;
    auto& j = account.value();
    j["lifecycle"] = c.lifecycle.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.lifecycle);
    j["good"] = c.good ? nlohmann::json(*c.good) : nlohmann::json(nullptr);
  }
  return out;
}

}  // namespace adapters::onebot
