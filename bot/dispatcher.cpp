#include "bot/dispatcher.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/crypto.hpp"
#include "bot/invocation.hpp"
#include "bot/log.hpp"
#include "bot/member_role.hpp"
#include "bot/registry.hpp"
#include "bot/relay_seal.hpp"
#include "bot/utf8.hpp"
#include "storage/stores.hpp"

namespace bot {
namespace {

// The dedupe key of a delivery: message ids are only unique within a chat on some platforms
// (OneBot), and a hash keeps the table from saying who wrote in which chat. An anonymous writer's
// key is keyed: message ids are small and sequential, so a plain hash of (member, id) is found by
// trying every member with the ids around the moment.
std::string dedupe_key(const message& m, const config& cfg, bool anonymous) {
  const std::string data = (m.chat.is_group() ? "g/" : "d/") + m.chat.id + "/" + m.id;
  return (anonymous ? relay_seal::keyed_hash(cfg, "dedupe/" + data) : crypto::sha256_hex(data)).substr(0, 32);
}

constexpr std::int64_t anonymous_time_grain_ms = 24LL * 3'600'000;

// A Latin letter first: digits say nothing ("3栋电梯又坏了" is Chinese).
bool looks_english(std::string_view word) {
  return !word.empty() &&
         ((word.front() >= 'a' && word.front() <= 'z') || (word.front() >= 'A' && word.front() <= 'Z'));
}

}  // namespace

dispatcher::dispatcher(services& svc) : svc_(svc) {}

// A vouched-for claim (the console's `:as staff 小陈`) is kept as a grant so that finding a
// colleague or counting acknowledgements sees the same role as this message does.
void dispatcher::remember_claimed_role(const storage::member_row& m, std::int64_t community, role r) {
  auto& members = svc_.db.members;
  auto granted = members.granted_role(m.id, community);
  if (at_least(r, role::staff)) {
    if (granted != r) members.grant(m.id, community, r, m.id, svc_.clk.now_ms());
  } else if (granted) {
    members.revoke(m.id, community);
  }
}

dispatch_outcome dispatcher::handle(const inbound_event& event) {
  return std::visit(
      [this](const auto& e) -> dispatch_outcome {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, message>)
          return handle_message(with_valid_text(e));
        else if constexpr (std::is_same_v<T, member_joined>)
          return handle_joined({with_valid_text(e.chat), with_valid_text(e.user)});
        else if constexpr (std::is_same_v<T, removed_from_chat>)
          return handle_removed({with_valid_text(e.chat)});
        else if constexpr (std::is_same_v<T, chat_titled>)
          return handle_titled({with_valid_text(e.chat), utf8::valid(e.title)});
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
  // Answering one of the bot's messages by quoting it is not calling the bot: such a message reads
  // like any bare group message.
  invocation inv =
      parse_invocation(m.text, !m.chat.is_group(), m.addressed_to_bot && !m.addressed_by_quote_only,
                       svc_.cfg.community.bot_names);
  split_glued_name(inv, svc_.commands);
  auto match = svc_.commands.find(inv.tokens);
  // A bare English word in a group is chat, never a command: "received" after an emergency alert
  // is an acknowledgement for the chat hooks, as "收到" is.
  if (match && match->lang == locale::en_US && m.chat.is_group() && !inv.addressed) match.reset();
  const bool anonymous = match && match->spec->anonymous && !m.chat.is_group();

  storage::transaction txn(db.database);
  // A command's delivery is remembered before it runs. Chatter is remembered only when its handling
  // changed something (see the end): most of a group's talk then costs no write and no sync, and a
  // second delivery of talk that changed nothing changes nothing either.
  // An anonymous writer's delivery is remembered by its day only: its exact time would point at them.
  const std::int64_t seen_at = anonymous ? now - now % anonymous_time_grain_ms : now;
  auto remember = [&] {
    if (m.id.empty() ||
        db.inbound.remember(m.chat.platform, m.chat.account, dedupe_key(m, svc_.cfg, anonymous), seen_at))
      return true;
    log::info("dispatch", "duplicate delivery {}/{} ignored", m.chat.platform, m.id);
    return false;
  };
  if (match && !remember()) return dispatch_outcome::duplicate;
  const std::uint64_t changes_before = db.database.changes();
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
  const bool vouched = m.claimed_role && role_vouchers_.contains(m.chat.platform);
  if (vouched && !anonymous) remember_claimed_role(who.member, chat.community_id, *m.claimed_role);
  who.level = member_role(svc_, who.member, chat.community_id);
  if (vouched) who.level = *m.claimed_role;  // even below the config's roles

  locale lang = parse_locale(svc_.cfg.community.lang).value_or(locale::zh_CN);
  if (match)
    lang = match->lang;
  else if (!inv.tokens.empty() && looks_english(inv.tokens.front().text))
    lang = locale::en_US;
  if (chat.lang) lang = parse_locale(*chat.lang).value_or(lang);

  context ctx(m, who, chat, svc_, lang);
  if (match) {
    run_command(ctx, inv);
  } else {
    const bool asked = m.chat.is_group() ? inv.prefixed || inv.addressed : inv.addressed;
    const auto& hooks = m.chat.is_group() ? hooks_.on_chatter : hooks_.on_direct;
    bool answered = false;
    for (auto hook = hooks.begin(); !answered && hook != hooks.end(); ++hook) {
      storage::transaction hook_txn(db.database);
      answered = (*hook)(ctx, chatter{inv.body, asked});
      hook_txn.commit();
    }
    if (!answered && asked) no_such_command(ctx, inv);
    // A repeat of talk that changed something rolls back what it did this time.
    if (db.database.changes() != changes_before && !remember()) return dispatch_outcome::duplicate;
  }
  txn.commit();
  return dispatch_outcome::processed;
}

void dispatcher::no_such_command(context& ctx, const invocation& inv) {
  if (inv.tokens.empty()) return;
  // Thanks and greetings said to the bot are courtesy, not a failed command.
  const std::string said = utf8::to_lower_ascii(inv.body);
  if (utf8::contains_any(said, {"谢谢", "感谢", "辛苦", "多谢", "thank", "thx"})) {
    ctx.reply(ctx.text("common.welcome"));
    return;
  }
  if (utf8::contains_any(said, {"你好", "您好", "在吗", "早上好", "晚上好"}) || said == "hi" ||
      said == "hello") {
    ctx.reply(ctx.text("common.hello"));
    return;
  }
  auto near = svc_.commands.suggest(inv.tokens.front().text);
  for (auto& name : near)  // English names are typed with their prefix, as the help shows them
    if (auto m = svc_.commands.by_name(name); m && m->lang == locale::en_US) name = "/" + name;
  if (!near.empty())
    ctx.reply(ctx.text("common.did_you_mean", fmt::arg("names", fmt::format("{}", fmt::join(near, " / ")))));
  else
    ctx.reply(ctx.text("common.unknown_command"));
}

void dispatcher::run_command(context& ctx, const invocation& inv) {
  auto match = svc_.commands.find(inv.tokens);
  const command_spec& spec = *match->spec;
  ctx.spec = &spec;
  // A group message that merely starts with a command's name. In a staff or managers' group, staff
  // talk to the bot without "/" (`接单 12`, `定时公告 明天 9:00 …`): there a staff command's words
  // are the command. Words everyone may say (报修, 建议, 公告, 紧急) keep their bare-word rules, and
  // a 公告 or 紧急 said so waits for 确认发送 (commands/broadcast_confirm).
  const bool staff_room = ctx.chat.purpose != "owners" && at_least(ctx.who.level, role::staff);
  const bool casual = !inv.addressed;  // no prefix, no @: a refusal or a usage would answer chat
  const bool staff_words = staff_room && at_least(spec.min_role, role::staff);
  const bool bare = casual && !staff_words;
  if (bare && !spec.bare_in_group) return;  // (bare English names never get here)

  args a = arguments(inv, *match);
  a.addressed = inv.addressed || staff_words;
  a.spoken = staff_room && casual;
  if (bare && spec.bare_match && !spec.bare_match(a)) return;  // chat that starts with a command word

  if (!at_least(ctx.who.level, spec.min_role)) {
    // A bare word from someone the command is not for is their chat ("提醒：明天记得挪车"): no
    // refusal. 公告 and 紧急 are open to everyone and refuse owners in their handlers.
    if (casual) return;
    // Staff who lack a manager's right are not told how to report a repair, and may be told what
    // they can do instead (cmd.<id>.denied_staff).
    const bool staff = at_least(ctx.who.level, role::staff);
    std::string id = "cmd." + spec.id + ".denied";
    if (staff && svc_.t.has(id + "_staff")) id += "_staff";
    std::string fallback = staff ? "common.denied_staff" : "common.denied";
    ctx.reply(svc_.t.has(id)
                  ? ctx.text(id)
                  : ctx.text(fallback,
                             fmt::arg("role", ctx.text("role." + std::string(role_name(spec.min_role))))));
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

  // An anonymous command is not counted: the counter's moment would date the suggestion.
  if (on_command && !spec.anonymous) on_command(spec);
  storage::transaction cmd_txn(
      svc_.db.database);  // a savepoint: a failed command leaves no half-written rows
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
  if (result->usage && casual) return;  // ordinary chat that happened to start with a command word
  ctx.reply(result->text);
}

dispatch_outcome dispatcher::handle_joined(const member_joined& e) {
  if (hooks_.on_joined.empty()) return dispatch_outcome::ignored;
  auto& db = svc_.db;
  const std::int64_t now = svc_.clk.now_ms();
  storage::transaction txn(db.database);
  storage::chat_row chat = db.chats.touch(e.chat, "", svc_.default_community, now);
  caller who;
  who.member = db.members.touch(e.user, now);
  message m;
  m.chat = e.chat;
  m.sender = e.user;
  context ctx(m, who, chat, svc_,
              chat.lang ? parse_locale(*chat.lang).value_or(locale::zh_CN) : locale::zh_CN);
  for (const auto& hook : hooks_.on_joined) hook(ctx, e);
  txn.commit();
  return dispatch_outcome::processed;
}

dispatch_outcome dispatcher::handle_titled(const chat_titled& e) {
  if (e.title.empty()) return dispatch_outcome::ignored;
  storage::transaction txn(svc_.db.database);
  const bool known = svc_.db.chats.set_title(e.chat, e.title);
  txn.commit();
  return known ? dispatch_outcome::processed : dispatch_outcome::ignored;
}

dispatch_outcome dispatcher::handle_removed(const removed_from_chat& e) {
  storage::transaction txn(svc_.db.database);
  if (auto chat = svc_.db.chats.find(e.chat)) {
    svc_.db.chats.set_active(chat->id, false);
    log::warn("dispatch", "removed from chat {}; it gets no more broadcasts", e.chat.key());
  }
  txn.commit();
  return dispatch_outcome::processed;
}

}  // namespace bot
