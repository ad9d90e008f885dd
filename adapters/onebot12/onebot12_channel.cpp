#include "adapters/onebot12/onebot12_channel.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>
#include <optional>

#include "adapters/onebot12/ids.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/log.hpp"

namespace adapters::onebot12 {
namespace {

// The options without the optional segment an implementation refused, when the message has one:
// the type its message names ("不支持的消息段:reply"), else the quote, then the @s.
std::optional<render_options> without_refused(const bot::outgoing& body, render_options opt,
                                              const reading& r) {
  const bool quoted = opt.quote && !body.quote_id.empty();
  const bool at_all = opt.mention_all && body.mention_all;
  const bool ats = opt.mentions && !body.mentions.empty();
  const std::string& why = r.result.error;
  if (quoted && why.find("reply") != std::string::npos) {
    opt.quote = false;
  } else if (at_all && why.find("mention_all") != std::string::npos) {
    opt.mention_all = false;
  } else if (ats && why.find("mention") != std::string::npos) {
    opt.mentions = false;
  } else if (quoted) {
    opt.quote = false;
  } else if (ats || at_all) {
    opt.mentions = opt.mention_all = false;
  } else {
    return std::nullopt;
  }
  return opt;
}

}  // namespace

onebot12_channel::onebot12_channel(const bot::onebot12_config& cfg, boost::asio::io_context& io,
                                   bot::http_client& http, const bot::clock& clk, int call_timeout_ms)
    : cfg_(cfg),
      io_(io),
      http_(http),
      clk_(clk),
      call_timeout_ms_(call_timeout_ms),
      links_(io, call_timeout_ms,
             [this](const std::string& account, const link& l, bot::account_links::change c) {
               link_changed(account, l, c);
             }) {
  for (const auto& id : cfg.self_ids) {
    rules_.bot_accounts.insert(id);
    board_.set_links(id, {}, false);  // listed in /healthz before the implementation first shows up
  }
}

bool onebot12_channel::has_route(const std::string& account) const {
  return links_.caller_for(account) != nullptr || !cfg_.api_url.empty();
}

bool onebot12_channel::ready(const bot::chat_ref& chat) const {
  const std::int64_t now = clk_.now_ms();
  // An account its implementation reports offline (logged out) waits like an unreachable one.
  return has_route(chat.account) && !board_.paused(chat.account, now) &&
         board_.state_of(chat.account, now, !cfg_.api_url.empty()) != "offline";
}

void onebot12_channel::call(const action& act, std::function<void(answer)> done) {
  if (const link* l = links_.caller_for(act.account)) {
    l->calls->call([&act](const std::string& echo) { return ws_frame(act, echo); },
                   [done = std::move(done)](bot::ws_calls::result r) { done(from_ws(std::move(r))); });
    return;
  }
  if (!cfg_.api_url.empty()) {
    http_.request(http_request(act, cfg_.api_url, cfg_.access_token, call_timeout_ms_),
                  [done = std::move(done)](bot::http_reply reply) { done(from_http(reply)); });
    return;
  }
  answer a;
  a.how = answer::transport::not_sent;
  a.error = act.account + " has no WebSocket connected and no HTTP endpoint configured";
  boost::asio::post(io_, [done = std::move(done), a = std::move(a)]() mutable { done(std::move(a)); });
}

void onebot12_channel::send(const bot::delivery& d, std::function<void(bot::send_result)> done) {
  auto it = options_.find(d.target.account);
  send_with(d, it == options_.end() ? render_options{} : it->second, std::move(done));
}

void onebot12_channel::send_with(const bot::delivery& d, const render_options& opt,
                                 std::function<void(bot::send_result)> done) {
  const std::string& account = d.target.account;
  action act{"send_message", {}, account};
  if (!d.body.recall_id.empty()) {
    act = {"delete_message", {{"message_id", d.body.recall_id}}, account};
  } else {
    const bool group = d.target.is_group();
    act.params = {{"detail_type", group ? "group" : "private"},
                  {group ? "group_id" : "user_id", wire_id(account, d.target.id)},
                  {"message", render(d.body, account, opt)}};
  }
  call(act, [this, d, opt, done = std::move(done)](answer a) mutable {
    reading r = read_answer(a);
    if (r.segment_refused() && d.body.recall_id.empty()) {
      if (auto fewer = without_refused(d.body, opt, r)) {
        bot::log::warn("onebot12", "{} refused a segment ({}); sent again without it", d.target.account,
                       r.result.error);
        if (r.retcode != 10006)
          options_[d.target.account] = *fewer;  // bad data is this message's, not the kind's
        send_with(d, *fewer, std::move(done));
        return;
      }
    }
    if (r.result.outcome == bot::send_result::status::sent) {
      board_.sent(d.target.account);
    } else if (r.slow_down) {
      board_.pause(d.target.account, clk_.now_ms());
      bot::log::warn("onebot12", "{} was asked to slow down ({}); it pauses sending for a while",
                     d.target.account, r.result.error);
    }
    done(std::move(r.result));
  });
}

nlohmann::json onebot12_channel::health() const {
  nlohmann::json j{{"enabled", true}, {"webhook", cfg_.path}, {"reverse_ws", cfg_.ws_path}};
  j["accounts"] = board_.to_json(clk_.now_ms(), [this](const std::string&) { return !cfg_.api_url.empty(); });
  return j;
}

}  // namespace adapters::onebot12
