#include "bot/context.hpp"

#include "bot/clock.hpp"
#include "bot/log.hpp"
#include "bot/off_loop.hpp"
#include "storage/stores.hpp"

namespace bot {

std::int64_t context::now() const {
  return svc.clk.now_ms();
}

failure context::usage() const {
  std::string id = spec ? "cmd." + spec->id + ".usage" : std::string("common.unknown");
  return failure{text("common.usage", fmt::arg("usage", text(id))), true};
}

void context::reply(std::string body, storage::priority p) {
  outgoing o;
  o.text = std::move(body);
  if (in_group()) {
    o.mentions.push_back({msg.sender.id, msg.sender.name});
    o.quote_id = msg.id;
  }
  send(msg.chat, std::move(o), p);
}

chat_ref context::sender_direct_chat() const {
  return chat_ref{msg.chat.platform, msg.chat.account, chat_kind::direct, msg.sender.id};
}

void context::reply_private(std::string body) {
  outgoing o;
  o.text = std::move(body);
  send(sender_direct_chat(), std::move(o), storage::priority::reply);
}

void context::send(const chat_ref& to, outgoing body, storage::priority p, const std::string& ref) {
  // An anonymous command's answers to its writer must not stay behind as a record of them.
  if (spec && spec->anonymous && to == msg.chat && !to.is_group()) {
    send_sealed(to, std::move(body), p);
    return;
  }
  svc.db.outbox.enqueue(to, body, p, ref, now());
}

void context::send_sealed(const chat_ref& to, outgoing body, storage::priority p) {
  svc.db.outbox.enqueue_sealed(to, body, p, now());
}

void context::later_erased(std::function<void(services&)> read, std::function<void(context&)> finish) {
  if (!svc.reports) {  // in place, inside the event's transaction
    bool ok = true;
    try {
      read(svc);
    } catch (const std::exception& e) {
      log::error("reports", "a read for message {} failed: {}", msg.id, e.what());
      ok = false;
    }
    if (ok)
      finish(*this);
    else
      reply(text("common.read_failed"));
    return;
  }
  struct saved {
    message msg;
    caller who;
    storage::chat_row chat;
    locale lang;
    const command_spec* spec;
  };
  auto s = std::make_shared<const saved>(saved{msg, who, chat, lang, spec});
  // Handed over once this event's batch commits, so the read counts what came just before it (a
  // 报修 in the same batch); a batch that rolls back takes the request with it, and the platform's
  // retry asks again.
  svc.db.database.after_commit(
      s.get(), [s, now = now(), read = std::move(read), &loop = svc, finish = std::move(finish)]() mutable {
        if (!loop.reports) return;  // the service is stopping
        loop.reports->run(now, std::move(read), [s, &loop, finish = std::move(finish)](bool ok) {
          context ctx(s->msg, s->who, s->chat, loop, s->lang);
          ctx.spec = s->spec;
          const auto answer = [&](bool good) {
            storage::transaction tx(loop.db.database);
            if (good)
              finish(ctx);
            else
              ctx.reply(ctx.text("common.read_failed"));
            tx.commit();
          };
          try {
            answer(ok);
          } catch (const std::exception& e) {
            log::error("reports", "cannot answer message {}: {}", s->msg.id, e.what());
            if (ok) answer(false);  // the apology, at least (a failure here reaches the loop's catch)
          }
        });
      });
}

}  // namespace bot
