#include "bot/dispatcher.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/crypto.hpp"
#include "bot/invocation.hpp"
#include "bot/log.hpp"
#include "bot/registry.hpp"
#include "bot/utf8.hpp"
#include "storage/stores.hpp"

namespace bot {
namespace {

// The dedupe key of a delivery: message ids are only unique within a chat on some platforms
// (OneBot), and a hash keeps the table from saying who wrote in which chat.
std::string dedupe_key(const message& m) {
  return crypto::sha256_hex((m.chat.is_group() ? "g/" : "d/") + m.chat.id + "/" + m.id).substr(0, 32);
}

constexpr std::int64_t anonymous_time_grain_ms = 24LL * 3'600'000;

// A Latin letter first: digits say nothing ("3栋电梯又坏了" is Chinese).
bool looks_english(std::string_view word) {
  return !word.empty() &&
         ((word.front() >= 'a' && word.front() <= 'z') || (word.front() >= 'A' && word.front() <= 'Z'));
}

}  // namespace

dispatcher::dispatcher(services& svc) : svc_(svc) {
  auto add = [&](const std::vector<std::string>& ids, role r) {
    for (const auto& id : ids) {
      auto& slot = config_roles_[id];
      if (!at_least(slot, r)) slot = r;
    }
  };
  add(svc.cfg.roles.staff, role::staff);
  add(svc.cfg.roles.managers, role::manager);
  add(svc.cfg.roles.admins, role::admin);
}

role dispatcher::config_role(const user_ref& user) const {
  auto it = config_roles_.find(user.platform + ":" + user.id);
  return it == config_roles_.end() ? role::resident : it->second;
}

dispatch_outcome dispatcher::handle(const inbound_event& event) {
  return std::visit(
      [this](const auto& e) -> dispatch_outcome {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, message>)
          return handle_message(e);
        else if constexpr (std::is_same_v<T, member_joined>)
          return handle_joined(e);
        else if constexpr (std::is_same_v<T, removed_from_chat>)
          return handle_removed(e);
        else if constexpr (std::is_same_v<T, chat_titled>)
          return handle_titled(e);
        else
          return dispatch_outcome::ignored;  // account health is tracked by the adapters' owner
      },
      event);
}

dispatch_outcome dispatcher::handle_message(const message& m) {
  auto& db = svc_.db;
  const std::int64_t now = svc_.clk.now_ms();
  // Parsing is pure, so it comes first: an anonymous command must be known before anything about
  // its sender is recorded.
  invocation inv =
      parse_invocation(m.text, !m.chat.is_group(), m.addressed_to_bot, svc_.cfg.community.bot_names);
  split_glued_name(inv, svc_.commands);
  auto match = svc_.commands.find(inv.tokens);
  const bool anonymous = match && match->spec->anonymous && !m.chat.is_group();

  storage::transaction txn(db.db);
  // An anonymous writer's delivery is remembered by its day only: its exact time would point at them.
  const std::int64_t seen_at = anonymous ? now - now % anonymous_time_grain_ms : now;
  if (!m.id.empty() && !db.inbound.remember(m.chat.platform, m.chat.account, dedupe_key(m), seen_at)) {
    log::info("dispatch", "duplicate delivery {}/{} ignored", m.chat.platform, m.id);
    return dispatch_outcome::duplicate;
  }
  storage::chat_row chat;
  caller who;
  if (anonymous) {  // look up, never touch: last_seen_at would date the suggestion
    if (auto known = db.chats.find(m.chat)) {
      chat = *known;
    } else {
      chat.ref = m.chat;
      chat.community_id = svc_.default_community;
    }
    if (auto known = db.members.find(m.sender.platform, m.sender.id)) {
      who.member = *known;
    } else {
      who.member.platform = m.sender.platform;
      who.member.user_id = m.sender.id;
      who.member.display_name = m.sender.name;
    }
  } else {
    chat = db.chats.touch(m.chat, m.chat_title, svc_.default_community, now);
    who.member = db.members.touch(m.sender, now);
    if (m.chat.is_group()) db.chats.touch_member(chat.id, who.member.id, now);
  }
  who.units = db.units.units_of(who.member.id);
  who.level = config_role(m.sender);
  if (auto granted = db.members.granted_role(who.member.id, chat.community_id); granted && !at_least(who.level, *granted))
    who.level = *granted;
  if (who.level == role::resident && !who.units.empty()) who.level = role::owner;
  if (m.console_role && m.chat.platform == "console") who.level = static_cast<role>(*m.console_role);

  locale lang = parse_locale(svc_.cfg.community.lang).value_or(locale::zh_CN);
  if (match) lang = match->lang;
  else if (!inv.tokens.empty() && looks_english(inv.tokens.front().text)) lang = locale::en_US;
  if (chat.lang) lang = parse_locale(*chat.lang).value_or(lang);

  context ctx(m, who, chat, svc_, lang);
  if (match) {
    run_command(ctx, inv);
  } else if (inv.addressed && !inv.tokens.empty()) {
    auto near = svc_.commands.suggest(inv.tokens.front().text);
    if (!near.empty())
      ctx.reply(ctx.text("common.did_you_mean", fmt::arg("names", fmt::format("{}", fmt::join(near, " / ")))));
    else
      ctx.reply(ctx.text("common.unknown_command"));
  } else if (m.chat.is_group() && hooks_.on_chatter) {
    storage::transaction hook_txn(db.db);
    hooks_.on_chatter(ctx);
    hook_txn.commit();
  }
  txn.commit();
  if (ctx.enqueued() && on_enqueued) on_enqueued();
  return dispatch_outcome::processed;
}

void dispatcher::run_command(context& ctx, const invocation& inv) {
  auto match = svc_.commands.find(inv.tokens);
  const command_spec& spec = *match->spec;
  ctx.spec = &spec;
  const bool bare = !inv.addressed;  // a group message that merely starts with a command's name
  if (bare && (!spec.bare_in_group || match->lang == locale::en_US)) return;

  args a;
  a.body = inv.body;
  a.invoked_name = match->name;
  a.addressed = inv.addressed;
  a.tokens.assign(inv.tokens.begin() + static_cast<std::ptrdiff_t>(match->words_used), inv.tokens.end());
  if (bare && spec.bare_match && !spec.bare_match(a)) return;  // chat that starts with a command word

  if (!at_least(ctx.who.level, spec.min_role)) {
    std::string id = "cmd." + spec.id + ".denied";
    ctx.reply(svc_.t.has(id) ? ctx.text(id) : ctx.text("common.denied", fmt::arg("role", ctx.text("role." + std::string(role_name(spec.min_role))))));
    return;
  }
  if (spec.where == chat_rule::direct_only && ctx.in_group()) {
    ctx.reply(ctx.text("common.direct_only", fmt::arg("name", inv.tokens.front().text)));
    return;
  }
  if (spec.where == chat_rule::group_only && !ctx.in_group()) {
    ctx.reply(ctx.text("common.group_only"));
    return;
  }

  storage::transaction cmd_txn(svc_.db.db);  // a savepoint: a failed command leaves no half-written rows
  command_result result;
  try {
    result = spec.run(ctx, a);
  } catch (const std::exception& e) {
    cmd_txn.rollback();
    log::error("dispatch", "command {} failed: {}", spec.id, e.what());
    ctx.reply(ctx.text("common.internal_error"));
    return;
  }
  if (!result) {
    cmd_txn.commit();
    return;
  }
  cmd_txn.rollback();
  if (result->usage && bare) return;  // ordinary chat that happened to start with a command word
  ctx.reply(result->text);
}

dispatch_outcome dispatcher::handle_joined(const member_joined& e) {
  if (!hooks_.on_member_joined) return dispatch_outcome::ignored;
  auto& db = svc_.db;
  const std::int64_t now = svc_.clk.now_ms();
  storage::transaction txn(db.db);
  storage::chat_row chat = db.chats.touch(e.chat, "", svc_.default_community, now);
  caller who;
  who.member = db.members.touch(e.user, now);
  message m;
  m.chat = e.chat;
  m.sender = e.user;
  context ctx(m, who, chat, svc_, chat.lang ? parse_locale(*chat.lang).value_or(locale::zh_CN) : locale::zh_CN);
  hooks_.on_member_joined(ctx, e);
  txn.commit();
  if (ctx.enqueued() && on_enqueued) on_enqueued();
  return dispatch_outcome::processed;
}

dispatch_outcome dispatcher::handle_titled(const chat_titled& e) {
  if (e.title.empty()) return dispatch_outcome::ignored;
  storage::transaction txn(svc_.db.db);
  const bool known = svc_.db.chats.set_title(e.chat, e.title);
  txn.commit();
  return known ? dispatch_outcome::processed : dispatch_outcome::ignored;
}

dispatch_outcome dispatcher::handle_removed(const removed_from_chat& e) {
  storage::transaction txn(svc_.db.db);
  if (auto chat = svc_.db.chats.find(e.chat)) {
    svc_.db.chats.set_active(chat->id, false);
    log::warn("dispatch", "removed from chat {}; it gets no more broadcasts", e.chat.key());
  }
  txn.commit();
  return dispatch_outcome::processed;
}

}  // namespace bot
