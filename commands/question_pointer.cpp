#include "commands/question_pointer.hpp"

#include <set>

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "bot/utf8.hpp"
#include "commands/emergency_ack.hpp"
#include "commands/notice_query.hpp"
#include "domain/privacy/redact.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

constexpr int notices_looked_at = 20;
constexpr std::int64_t notice_relevance_ms = 30LL * 24 * 3'600'000;  // a month-old notice answers nothing now

bool about_own_ticket(std::string_view text) {
  return bot::utf8::contains_any(
      text, {"工单", "报修", "报的", "修了没", "修好了没", "进度", "单号", "处理了吗", "处理了没", "投诉的",
             "我的投诉", "排到", "派人了吗", "my ticket", "my repair", "my complaint"});
}

// Pairs of Han characters: the words a question and a notice share ("停水", "消防", "演练").
std::set<std::u32string> bigrams(std::string_view text) {
  static const std::set<std::u32string> plain = {
      U"什么", U"几点", U"时候", U"请问", U"怎么", U"是不", U"不是", U"我们", U"物业", U"小区", U"可以",
      U"一下", U"今天", U"明天", U"通知", U"公告", U"大家", U"有没", U"没有", U"是否", U"知道"};
  std::set<std::u32string> out;
  const std::u32string s = bot::utf8::decode(text);
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] < 0x4E00 || s[i] > 0x9FFF || s[i + 1] < 0x4E00 || s[i + 1] > 0x9FFF) continue;
    std::u32string b = s.substr(i, 2);
    if (!plain.contains(b)) out.insert(std::move(b));
  }
  return out;
}

std::optional<storage::notice_row> matching_notice(bot::context& ctx, std::string_view question) {
  const auto asked = bigrams(question);
  if (asked.empty()) return std::nullopt;
  std::optional<storage::notice_row> best;
  std::size_t best_shared = 0;
  for (auto& n : ctx.db().notices.recent(ctx.community(), false, notices_looked_at)) {
    if (n.recalled() || ctx.now() - n.published_at.value_or(n.publish_at) > notice_relevance_ms) continue;
    if (n.building && ctx.chat.building && *n.building != *ctx.chat.building) continue;
    std::size_t shared = 0;
    for (const auto& b : bigrams(n.title + "\n" + n.body)) shared += asked.contains(b);
    if (shared > best_shared) best_shared = shared, best = std::move(n);  // newest first: ties keep the newer
  }
  return best;
}

}  // namespace

bool point_to_answer(bot::context& ctx, std::string_view text, bool addressed) {
  if (about_own_ticket(text)) {
    if (!addressed && ctx.in_group()) return false;  // neighbours talking about repairs
    const auto open = ctx.db().tickets.by_reporter(ctx.who.member.id, 50);
    std::size_t n = 0;
    for (const auto& t : open) n += domain::is_open(t.state);
    // Tickets are the owner's business: a group is told where to look, never what is in them.
    ctx.reply(ctx.in_group() ? ctx.text("question.own_tickets_group")
              : n == 0       ? ctx.text("question.own_tickets_none")
                             : ctx.text("question.own_tickets", fmt::arg("n", n)));
    return true;
  }
  if (!ctx.db().emergencies.open_for_chat(ctx.chat.id).empty() && !ctx.is_staff()) {
    point_at_emergency(ctx);
    return true;
  }
  if (auto n = matching_notice(ctx, text)) {
    bot::local_time_zone tz{ctx.svc.cfg.community.utc_offset_minutes};
    ctx.reply(ctx.text("question.notice", fmt::arg("id", n->id),
                       fmt::arg("title", domain::privacy::redact_rooms(notice_title(*n), ctx.lang)),
                       fmt::arg("time", tz.format(n->published_at.value_or(n->publish_at)))));
    return true;
  }
  if (!addressed) return false;
  const std::string& phone = ctx.svc.cfg.emergency.duty_phone;
  ctx.reply(phone.empty() ? ctx.text("question.unknown")
                          : ctx.text("question.unknown_phone", fmt::arg("phone", phone)));
  return true;
}

}  // namespace commands
