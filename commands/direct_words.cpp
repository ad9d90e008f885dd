#include "commands/direct_words.hpp"

#include "bot/context.hpp"
#include "bot/invocation.hpp"
#include "bot/registry.hpp"
#include "bot/utf8.hpp"
#include "commands/complaint_offer.hpp"
#include "commands/question_pointer.hpp"
#include "commands/repair.hpp"
#include "commands/understand.hpp"

namespace commands {
namespace {

using domain::intent::intent;

// A problem is registered without asking when the model is this sure and the owner said enough.
constexpr float clear_confidence = 0.85F;
constexpr std::size_t clear_points = 6;
constexpr std::size_t max_report_points = 200;

bool is_thanks(std::string_view text) {
  return bot::utf8::contains_any(bot::utf8::to_lower_ascii(text),
                                 {"谢", "感谢", "辛苦", "thank", "thx", "👍", "🙏"});
}

}  // namespace

bool on_direct_words(bot::context& ctx, const bot::chatter& c) {
  const std::string_view text = bot::utf8::trim(c.text);
  if (text.empty()) return false;
  const auto words = bot::tokenize(text);
  if (!words.empty() && words.size() <= 4 && !ctx.svc.commands.suggest(words.front().text).empty())
    return false;  // "报秀 3-2-1201 漏水": the dispatcher asks "您是不是想用 报修"
  const auto r = understand(ctx, text);
  const std::size_t points = bot::utf8::length(text);
  if (is_problem(r.kind) && points <= max_report_points) {
    if (r.confidence >= clear_confidence && points >= clear_points) {
      auto t = open_from_words(ctx, text, ctx.msg.id);
      ctx.reply((r.endangers_life ? safety_first(ctx) : std::string()) + created_reply(ctx, t) +
                ctx.text("direct.opened", fmt::arg("id", t.id)));
    } else {
      make_offer(ctx, text);
    }
    return true;
  }
  if (r.kind == intent::question) return point_to_answer(ctx, text, true);
  if (r.kind == intent::greeting) {
    ctx.reply(ctx.text(is_thanks(text) ? "common.welcome" : "common.hello"));
    return true;
  }
  ctx.reply(ctx.text("direct.intro"));
  return true;
}

}  // namespace commands
