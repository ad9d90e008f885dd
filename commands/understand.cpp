#include "commands/understand.hpp"

#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/utf8.hpp"

namespace commands {

domain::intent::reading understand(const bot::context& ctx, std::string_view text) {
  using domain::intent::intent;
  auto r = domain::intent::builtin_classifier().read(text);
  const auto& cfg = ctx.svc.cfg.tickets.offers;
  if (r.endangers_life) return r;  // safety is not the community's to switch off
  if (bot::utf8::contains_any(text, cfg.ignore)) {
    if (is_problem(r.kind)) r.kind = intent::chat;
  } else if (!is_problem(r.kind) && bot::utf8::contains_any(text, cfg.keywords)) {
    r.kind = intent::repair;
  }
  return r;
}

}  // namespace commands
