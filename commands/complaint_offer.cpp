#include "commands/complaint_offer.hpp"

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/repair.hpp"
#include "commands/ticket_news.hpp"
#include "commands/understand.hpp"
#include "domain/tickets/category.hpp"
#include "domain/tickets/intake.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::tickets::endangers_life;

namespace {

using bot::minute_ms;
constexpr std::size_t min_points = 4;  // "坏了" alone says too little to register
// (but "车位被占", "暖气不热" say enough)
constexpr std::size_t max_complaint_points = 200;  // a long post is a discussion, not a report

// 登记: the offer's message becomes a ticket.
bot::command_result take(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  const auto& cfg = ctx.svc.cfg.tickets.offers;
  auto offer =
      ctx.db().offers.open_offer(ctx.chat.id, ctx.who.member.id, ctx.now() - cfg.valid_minutes * minute_ms);
  if (!offer) return ctx.usage();  // nothing offered: chat in a group, the usage when addressed
  auto t = open_from_words(ctx, offer->text, offer->message_id);
  ctx.db().offers.taken(offer->id, t.id);
  ctx.reply(created_reply(ctx, t));
  return std::nullopt;
}

// 报修提示 开|关
bot::command_result toggle(bot::context& ctx, const bot::args& a) {
  if (a.size() != 1) return ctx.usage();
  const std::string& w = a[0];
  if (ctx.chat.purpose != "owners") {  // nothing to switch: offers are for owners' groups only
    ctx.reply(ctx.text("cmd.offers.switch.not_owners"));
    return std::nullopt;
  }
  bool on;
  if (w == "开" || w == "开启" || w == "on")
    on = true;
  else if (w == "关" || w == "关闭" || w == "off")
    on = false;
  else
    return ctx.usage();
  if (on)
    ctx.db().offers.switch_on(ctx.chat.id);
  else
    ctx.db().offers.switch_off(ctx.chat.id, ctx.who.member.id, ctx.now());
  ctx.db().audit.record(ctx.who.member.id, on ? "offers.on" : "offers.off", ctx.msg.chat.key(), "",
                        ctx.now());
  ctx.reply(ctx.text(on ? "cmd.offers.switch.on" : "cmd.offers.switch.off"));
  return std::nullopt;
}

}  // namespace

bool reads_like_complaint(std::string_view text, const domain::intent::reading& r) {
  const std::size_t n = bot::utf8::length(bot::utf8::trim(text));
  return n >= min_points && n <= max_complaint_points && is_problem(r.kind);
}

storage::ticket_row open_from_words(bot::context& ctx, std::string_view text, const std::string& message_id) {
  // Someone trapped, a leak, fire or gas (urgent) is a repair to send someone to, however angry
  // the words ("困了好久都没人管"); a complaint is about people or the service.
  const auto reading = understand(ctx, text);
  domain::tickets::report r;
  r.community_id = ctx.community();
  const bool urgent =
      domain::tickets::guess_priority(reading.category, text) == domain::ticket_priority::urgent;
  r.kind = reading.kind == domain::intent::intent::complaint && !urgent ? domain::ticket_kind::complaint
                                                                        : domain::ticket_kind::repair;
  r.description = std::string(text);
  if (ctx.who.units.size() == 1) {
    const auto& u = ctx.who.units.front();
    r.home = domain::units::unit_address{u.building, u.unit, u.room};
  }
  if (ctx.in_group()) r.group_building = ctx.chat.building;
  r.reporter_id = ctx.who.member.id;
  r.origin_chat = ctx.chat.id;
  r.origin_message_id = message_id;
  r.at = ctx.now();
  r.lang = std::string(bot::locale_tag(ctx.lang));
  return desk_of(ctx.svc).open(domain::tickets::ticket_of(ctx.db(), r), {});
}

std::string safety_first(const bot::context& ctx) {
  const std::string& phone = ctx.svc.cfg.emergency.duty_phone;
  return phone.empty() ? ctx.text("cmd.offers.take.safety")
                       : ctx.text("cmd.offers.take.safety_phone", fmt::arg("phone", phone));
}

void make_offer(bot::context& ctx, std::string_view text) {
  ctx.db().offers.add(
      {0, ctx.chat.id, ctx.who.member.id, ctx.msg.id, std::string(text), ctx.now(), std::nullopt});
  // Safety first, then the offer.
  ctx.reply(endangers_life(text) ? safety_first(ctx) + ctx.text("cmd.offers.take.offer_urgent")
                                 : ctx.text("cmd.offers.take.offer"));
}

bool offer_to_register(bot::context& ctx, std::string_view raw, const domain::intent::reading& r,
                       bool addressed) {
  const auto& cfg = ctx.svc.cfg.tickets.offers;
  if (!cfg.enabled || ctx.chat.purpose != "owners" || ctx.chat.id == 0) return false;
  if (ctx.is_staff()) return false;  // staff report with 报修 themselves
  const std::string_view text = bot::utf8::trim(raw);
  if (!reads_like_complaint(text, r)) return false;
  auto& offers = ctx.db().offers;
  if (offers.switched_off(ctx.chat.id)) return false;
  // The window keeps chat from being answered over and over; someone who asks the bot gets an
  // answer every time.
  if (auto last = offers.last_offer_at(ctx.who.member.id);
      !addressed && last && ctx.now() - *last < cfg.window_minutes * minute_ms)
    return false;
  make_offer(ctx, text);
  return true;
}

std::vector<bot::command_spec> complaint_offer_commands() {
  using bot::chat_rule;
  using bot::role;
  return {
      {
          .id = "offers.take",
          .zh = {"登记"},
          .en = {"file it", "fileit"},
          .topic = "tickets",
          .min_role = role::resident,
          .where = chat_rule::anywhere,
          .run = take,
          .bare_match = [](const bot::args& a) { return a.empty(); },
      },
      {
          .id = "offers.switch",
          .zh = {"报修提示"},
          .en = {"offers"},
          .topic = "admin",
          .min_role = role::manager,
          .where = chat_rule::group_only,
          .run = toggle,
          .bare_match = [](const bot::args& a) { return a.size() == 1; },
      },
  };
}

}  // namespace commands
