#include "adapters/onebot/onebot_channel.hpp"

#include "adapters/onebot/history_check.hpp"
#include "adapters/onebot/ids.hpp"
#include "bot/clock.hpp"
#include "bot/log.hpp"

namespace adapters::onebot {

struct onebot_channel::sending {
  bot::delivery row;
  std::function<void(bot::send_result)> done;
  std::vector<api_call> calls;
  std::size_t next = 0;
  bool at_all = false;
  bool recall = false;
  std::vector<std::string> progress;  // one entry per call done, this attempt and earlier ones
  // The next call went out then (an earlier attempt) without a clear answer: look before sending.
  std::optional<std::int64_t> unsure_since;
  std::int64_t call_started = 0;
};

bool onebot_channel::at_all_allowed(const bot::chat_ref& chat) const {
  auto it = at_all_refused_.find(chat.key());
  return it == at_all_refused_.end() || clk_.now_ms() - it->second > at_all_refusal_memory_ms;
}

void onebot_channel::send(const bot::delivery& row, std::function<void(bot::send_result)> done) {
  auto s = std::make_shared<sending>();
  s->row = row;
  s->done = std::move(done);
  s->recall = !row.body.recall_id.empty();
  s->at_all = row.body.mention_all && at_all_allowed(row.target);
  s->calls = calls_for(row, {static_cast<std::size_t>(cfg_.max_text_chars), s->at_all});
  if (s->calls.empty()) {
    bot::log::warn("onebot", "#{} to {} has nothing to send", row.id, row.target.key());
    s->done({bot::send_result::status::failed, "", "empty message", std::nullopt});
    return;
  }
  // An earlier attempt got this far: resume after it (a pending row's id field is its progress).
  s->progress = read_progress(row.progress);
  if (!s->recall) s->unsure_since = unsure_since(row.progress);
  s->next = std::min(s->progress.size(), s->calls.size());
  if (s->next > 0)
    bot::log::info("onebot", "#{} to {} resumes at call {} of {}", row.id, row.target.key(), s->next + 1,
                   s->calls.size());
  if (s->next == s->calls.size()) return finish(std::move(s), {});
  step(std::move(s));
}

void onebot_channel::finish(std::shared_ptr<sending> s, bot::send_result r) {
  r.platform_message_id = s->recall ? std::string() : sent_ids(s->progress);
  s->done(std::move(r));
}

void onebot_channel::step(std::shared_ptr<sending> s) {
  if (s->unsure_since) return look_first(std::move(s));
  const api_call& call = s->calls[s->next];
  s->call_started = clk_.now_ms();
  svc_->call(s->row.target.account, call, [this, s](api_answer answer) {
    bot::send_result r = s->recall ? read_recall_answer(answer) : read_answer(answer);
    if (!s->recall)  // a refused recall says nothing about risk control
      svc_->note_send(s->row.target.account, answer, r.outcome == bot::send_result::status::sent);
    if (r.outcome == bot::send_result::status::sent) {
      if (s->recall)
        s->progress.push_back(id_text(s->calls[s->next].params.at("message_id")).value_or(""));
      else
        s->progress.push_back(r.platform_message_id.empty() ? std::string(no_message_id)
                                                            : r.platform_message_id);
      if (++s->next == s->calls.size()) return finish(s, std::move(r));
      // Kept before the next call goes out, so a retry or a restart resumes here.
      if (keep_progress_) keep_progress_(s->row.id, write_progress(s->progress));
      return step(s);
    }
    const bool refused_by_client =
        answer.how == api_answer::transport::answered && answer.http_status == 200 &&
        (r.outcome == bot::send_result::status::failed || r.outcome == bot::send_result::status::retry);
    if (s->at_all && s->next == 0 && refused_by_client) {
      bot::log::warn("onebot", "#{}: {} refused @all ({}); sending it without", s->row.id,
                     s->row.target.key(), r.error);
      at_all_refused_[s->row.target.key()] = clk_.now_ms();
      s->at_all = false;
      s->calls = calls_for(s->row, {static_cast<std::size_t>(cfg_.max_text_chars), false});
      return step(s);
    }
    if (r.outcome == bot::send_result::status::uncertain && !s->recall && keep_progress_)
      keep_progress_(s->row.id, mark_unsure(s->progress, s->call_started));  // look before the next try
    if (s->calls.size() > 1)
      r.error =
          "part " + std::to_string(s->next + 1) + " of " + std::to_string(s->calls.size()) + ": " + r.error;
    s->done(std::move(r));
  });
}

// The call at s->next may have gone out in an earlier attempt: read the chat's history first.
void onebot_channel::look_first(std::shared_ptr<sending> s) {
  const std::int64_t since = *s->unsure_since;
  s->unsure_since.reset();
  svc_->call(s->row.target.account, history_call(s->row.target), [this, s, since](api_answer answer) {
    auto match = find_in_history(answer, s->calls[s->next], s->row.target.account, since);
    using verdict = history_match::verdict;
    if (match.is == verdict::away) {  // the client is not answering now: the mark stays for next time
      bot::send_result r = read_answer(answer);
      r.error = "looking for an earlier copy: " + r.error;
      return s->done(std::move(r));
    }
    if (match.is != verdict::found) return step(s);
    bot::log::info("onebot", "#{} to {}: the earlier attempt did arrive ({}), not sent again", s->row.id,
                   s->row.target.key(), match.message_id);
    s->progress.push_back(match.message_id);
    if (++s->next == s->calls.size()) return finish(s, {});
    if (keep_progress_) keep_progress_(s->row.id, write_progress(s->progress));
    step(s);
  });
}

}  // namespace adapters::onebot
