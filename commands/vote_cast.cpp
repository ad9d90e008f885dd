#include "commands/vote_cast.hpp"

#include <algorithm>

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/command_words.hpp"
#include "commands/record_id.hpp"
#include "commands/vote_view.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/units/address.hpp"
#include "domain/votes/ballot_box.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using domain::votes::cast_problem;

// "同意", "1", "1,3", "1、3", "同意 弃权": option indexes, sorted, once each; nothing when a word
// is not an option.
std::optional<std::vector<int>> read_choices(const storage::vote_row& v,
                                             const std::vector<std::string>& words) {
  std::vector<std::string> items;
  for (const auto& w : words) {
    std::string cur;
    for (std::size_t i = 0; i < w.size();) {
      std::size_t j = i;
      char32_t cp = bot::utf8::next(w, j);
      if (cp == U',' || cp == U'\uFF0C' || cp == U'\u3001' || cp == U'/' || cp == U'+') {
        if (!cur.empty()) items.push_back(cur);
        cur.clear();
      } else {
        cur += w.substr(i, j - i);
      }
      i = j;
    }
    if (!cur.empty()) items.push_back(cur);
  }
  std::vector<int> out;
  for (const auto& item : items) {
    std::optional<int> pick;
    for (std::size_t i = 0; i < v.options.size() && !pick; ++i)
      if (bot::utf8::to_lower_ascii(item) == bot::utf8::to_lower_ascii(v.options[i]))
        pick = static_cast<int>(i);
    if (!pick && item.size() <= 2 &&
        std::all_of(item.begin(), item.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      int n = std::stoi(item);
      if (n >= 1 && static_cast<std::size_t>(n) <= v.options.size()) pick = n - 1;
    }
    if (!pick) return std::nullopt;
    out.push_back(*pick);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.empty()) return std::nullopt;
  return out;
}

bool same_room(const storage::unit_row& u, const domain::units::unit_address& a) {
  return domain::units::unit_address{u.building, u.unit, u.room}.canonical() == a.canonical();
}

// The sender's bound rooms that a vote counts, or the one they named (bound rooms with the same
// address in other communities are passed over).
std::optional<bot::failure> rooms_to_cast(bot::context& ctx, const storage::vote_row& v,
                                          const std::optional<domain::units::unit_address>& named,
                                          std::vector<std::int64_t>& units) {
  if (ctx.who.units.empty()) return ctx.fail("vote.bind_first");
  bool named_is_theirs = false;
  for (const auto& u : ctx.who.units) {
    if (named && !same_room(u, *named)) continue;
    named_is_theirs = true;
    if (ctx.db().votes.room(v.id, u.id)) units.push_back(u.id);
  }
  if (named && !named_is_theirs) return ctx.fail("vote.not_your_room");
  if (named && units.empty()) return ctx.fail("vote.room_not_in_vote", fmt::arg("id", v.id));
  if (units.empty()) return ctx.fail("vote.rooms_out_of_scope", fmt::arg("id", v.id));
  return std::nullopt;
}

// A poll is for the people of its groups: said in one of them, bound to a room it covers, or
// heard in one of them before.
bool may_answer_poll(bot::context& ctx, const storage::vote_row& v) {
  auto groups = domain::broadcast::broadcast_targets(ctx.svc, v.community_id, v.building);
  if (ctx.in_group())
    return std::any_of(groups.begin(), groups.end(), [&](const auto& g) { return g.id == ctx.chat.id; });
  for (const auto& u : ctx.who.units)
    if (u.community_id == v.community_id && (!v.building || u.building == *v.building)) return true;
  for (const auto& g : groups) {
    auto heard = ctx.db().chats.members_of(g.id);
    if (std::find(heard.begin(), heard.end(), ctx.who.member.id) != heard.end()) return true;
  }
  return false;
}

// Co-owners hear it privately, in the community's language (theirs is not known).
void tell_co_owners(bot::context& ctx, const storage::vote_row& v, const std::vector<std::int64_t>& members) {
  std::vector<std::int64_t> once = members;
  std::sort(once.begin(), once.end());
  once.erase(std::unique(once.begin(), once.end()), once.end());
  const bot::locale l = bot::parse_locale(ctx.svc.cfg.community.lang).value_or(bot::locale::zh_CN);
  for (auto id : once) {
    auto m = ctx.db().members.get(id);
    if (!m) continue;
    ctx.send(ctx.db().chats.direct_chat_of(*m),
             bot::outgoing::plain(
                 ctx.svc.t(l, "vote.co_owner_told", fmt::arg("id", v.id), fmt::arg("title", v.title))),
             storage::priority::reply);
  }
}

// To the voter alone. What a secret ballot chose goes sealed, and is gone from the outbox once
// delivered, so the database keeps no message that names a person beside a choice.
void tell_voter(bot::context& ctx, const storage::vote_row& v, std::string text) {
  if (v.secret)
    ctx.send_sealed(ctx.sender_direct_chat(), bot::outgoing::plain(std::move(text)),
                    storage::priority::reply);
  else
    ctx.reply(std::move(text));
}

bot::command_result cast(bot::context& ctx, const storage::vote_row& v, const bot::args& a) {
  if (!domain::votes::is_open(v, ctx.now())) return ctx.fail("vote.closed", fmt::arg("id", v.id));
  if (v.secret && ctx.in_group()) return ctx.fail("vote.secret_in_group", fmt::arg("id", v.id));
  std::optional<domain::units::unit_address> named;
  std::vector<std::string> words;
  for (std::size_t i = 1; i < a.size(); ++i) {
    auto addr = domain::units::parse_unit_address(a[i]);
    if (addr && addr->has_room() && !named)
      named = addr;
    else if (!is_word(a[i], {"全部", "所有", "all"}))
      words.push_back(a[i]);
  }
  auto choices = read_choices(v, words);
  if (!choices) return ctx.fail("vote.bad_choice", fmt::arg("id", v.id), fmt::arg("options", option_list(v)));
  if (choices->size() > 1 && !v.multiple) return ctx.fail("vote.one_choice", fmt::arg("id", v.id));
  domain::votes::cast_result r;
  if (v.assembly) {
    std::vector<std::int64_t> units;
    if (auto f = rooms_to_cast(ctx, v, named, units)) return f;
    r = domain::votes::cast_rooms(ctx.svc, v, ctx.who.member.id, units, *choices);
  } else {
    if (!may_answer_poll(ctx, v)) return ctx.fail("vote.not_in_scope", fmt::arg("id", v.id));
    r = domain::votes::cast_person(ctx.svc, v, ctx.who.member.id, *choices);
  }
  switch (r.problem) {
    case cast_problem::none:
      break;
    case cast_problem::closed:
      return ctx.fail("vote.closed", fmt::arg("id", v.id));
    case cast_problem::not_in_vote:
      return ctx.fail("vote.room_not_in_vote", fmt::arg("id", v.id));
    case cast_problem::key_lost:
      return ctx.fail("vote.key_lost", fmt::arg("id", v.id));
  }
  tell_co_owners(ctx, v, r.co_owners);
  // The group hears that ballots came, not what they said nor whose room is shared.
  if (ctx.in_group()) {
    ctx.reply(ctx.text("vote.cast_group", fmt::arg("n", r.rooms)));
    return std::nullopt;
  }
  std::string extra;
  if (r.replaced) extra += ctx.text("vote.replaced");
  if (!r.co_owners.empty()) extra += ctx.text("vote.co_owners");
  tell_voter(ctx, v,
             ctx.text(v.assembly ? "vote.cast_rooms" : "vote.cast_poll", fmt::arg("id", v.id),
                      fmt::arg("title", v.title), fmt::arg("n", r.rooms),
                      fmt::arg("choice", chosen_text(v, *choices)), fmt::arg("extra", extra)));
  return std::nullopt;
}

// What the sender chose, in private chat only.
std::string own_ballot(bot::context& ctx, const storage::vote_row& v) {
  std::string mine;
  if (v.assembly) {
    for (const auto& u : ctx.who.units) {
      auto room = ctx.db().votes.room(v.id, u.id);
      if (!room) continue;
      std::string chose = ctx.text("vote.mine_none");
      if (room->voted_at)
        if (auto b = domain::votes::ballot_for_room(ctx.svc, v, u.id)) chose = chosen_text(v, b->choices);
      mine += (mine.empty() ? "" : "；") +
              domain::units::unit_address{u.building, u.unit, u.room}.canonical() + " " + chose;
    }
    if (mine.empty()) return {};
  } else if (auto b = domain::votes::ballot_for_person(ctx.svc, v, ctx.who.member.id)) {
    mine = chosen_text(v, b->choices);
  } else {
    mine = ctx.text("vote.mine_none");
  }
  return "\n" + ctx.text("vote.mine", fmt::arg("mine", mine));
}

bot::command_result show_vote(bot::context& ctx, const storage::vote_row& v) {
  auto t = domain::votes::tally_of(ctx.svc, v.id);
  std::string out =
      v.closed_at ? vote_result(ctx.svc, ctx.lang, v, t) : vote_progress(ctx.svc, ctx.lang, v, t);
  if (ctx.in_group()) {
    ctx.reply(out);
    return std::nullopt;
  }
  tell_voter(ctx, v, out + own_ballot(ctx, v));
  return std::nullopt;
}

}  // namespace

std::optional<storage::vote_row> visible_vote(const bot::context& ctx, std::int64_t id) {
  auto v = ctx.svc.db.votes.get(id);
  if (!v) return std::nullopt;
  if (v->community_id == ctx.community() || at_least(ctx.who.level, bot::role::admin)) return v;
  // In private chat an owner also sees the votes of the communities their rooms are in.
  if (!ctx.in_group())
    for (const auto& u : ctx.who.units)
      if (u.community_id == v->community_id) return v;
  return std::nullopt;
}

std::optional<storage::vote_row> managed_vote(const bot::context& ctx, std::int64_t id) {
  auto v = ctx.svc.db.votes.get(id);
  if (!v || (v->community_id != ctx.community() && !at_least(ctx.who.level, bot::role::admin)))
    return std::nullopt;
  return v;
}

bot::command_result list_votes(bot::context& ctx, const bot::args&) {
  auto votes = ctx.db().votes.list(ctx.community(), 10);
  if (votes.empty()) return ctx.fail("vote.none");
  std::string out = ctx.text("vote.list_heading");
  for (const auto& v : votes)
    out += "\n" + vote_line(ctx.svc, ctx.lang, v, domain::votes::tally_of(ctx.svc, v.id));
  ctx.reply(out);
  return std::nullopt;
}

bot::command_result vote_command(bot::context& ctx, const bot::args& a) {
  if (a.empty()) return list_votes(ctx, a);
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  auto v = visible_vote(ctx, *id);
  if (!v) return ctx.fail("vote.not_found", fmt::arg("id", *id));
  if (a.size() == 1) return show_vote(ctx, *v);
  if (a.size() == 2 && is_word(a[1], {"明细", "详情", "details"})) {
    if (!at_least(ctx.who.level, bot::role::manager)) return ctx.fail("vote.details_denied");
    if (!managed_vote(ctx, v->id)) return ctx.fail("vote.not_found", fmt::arg("id", *id));
    ctx.reply(vote_details(ctx.svc, ctx.lang, *v, domain::votes::tally_of(ctx.svc, v->id)));
    return std::nullopt;
  }
  return cast(ctx, *v, a);
}

}  // namespace commands
