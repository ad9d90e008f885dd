// The OneBot v11 adapter: inbound through its service (onebot_service.hpp), outbound here. Sends
// deliveries to QQ through the service: send_group_msg / send_private_msg (long texts
// as several messages), delete_msg for recalls (one per part of a message sent in parts). A row
// that takes several calls keeps its progress in the outbox after each one (see read_progress), so
// a retry or a restart resumes after the parts already sent and the deletes already done. A recall
// the client refuses fails at once (see read_recall_answer). @all goes out only for rows that ask
// for it (emergencies); where the client refuses it, the message goes out again without it and that
// group gets plain text for a day. Pacing: per chat and per QQ account, from the config; an
// account that meets risk control pauses as a whole (bot/account_board.hpp) and is not ready meanwhile.
// A send that got no clear answer is looked for in the chat's history before it is sent again
// (history_check.hpp).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "adapters/adapter.hpp"
#include "adapters/onebot/onebot_service.hpp"
#include "bot/config.hpp"

namespace bot {
class clock;
}

namespace adapters::onebot {

class onebot_channel final : public adapter {
 public:
  static constexpr std::int64_t at_all_refusal_memory_ms = 24LL * 3'600'000;

  // Records a pending row's progress (row id, write_progress(...)) in the outbox.
  using progress_sink = std::function<void(std::int64_t row_id, const std::string& progress)>;

  onebot_channel(std::unique_ptr<onebot_service> svc, const bot::onebot_config& cfg, const bot::clock& clk,
                 progress_sink keep_progress = {})
      : svc_(std::move(svc)), cfg_(cfg), clk_(clk), keep_progress_(std::move(keep_progress)) {}

  std::string_view platform() const override { return onebot::platform; }
  bool ready(const bot::chat_ref& chat) const override { return svc_->can_send(chat.account); }
  bool can_recall() const override { return true; }
  void send(const bot::delivery& d, std::function<void(bot::send_result)> done) override;
  void attach(adapter_host host) override { svc_->attach(std::move(host)); }
  nlohmann::json health() const override { return svc_->health(); }

 private:
  struct sending;
  void step(std::shared_ptr<sending> s);
  void look_first(std::shared_ptr<sending> s);
  void finish(std::shared_ptr<sending> s, bot::send_result r);
  bool at_all_allowed(const bot::chat_ref& chat) const;

  std::unique_ptr<onebot_service> svc_;  // first: it goes last, after the sends that use it
  bot::onebot_config cfg_;
  const bot::clock& clk_;
  progress_sink keep_progress_;
  std::map<std::string, std::int64_t> at_all_refused_;  // chat key → when the client refused @all
};

}  // namespace adapters::onebot
