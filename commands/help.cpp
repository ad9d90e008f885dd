#include "commands/help.hpp"

#include <fmt/format.h>

#include "bot/context.hpp"
#include "bot/registry.hpp"

namespace commands {
namespace {

std::string shown_name(const bot::command_spec& s, bot::locale l) {
  return l == bot::locale::en_US ? "/" + s.en.front() : s.zh.front();
}

bool usable_here(const bot::context& ctx, const bot::command_spec& s) {
  if (!bot::at_least(ctx.who.level, s.min_role)) return false;
  if (s.where == bot::chat_rule::group_only && !ctx.in_group()) return false;
  return true;
}

std::string overview(const bot::context& ctx) {
  std::string out = ctx.text("cmd.help.head");
  std::vector<std::string> topics;
  for (const auto& s : ctx.svc.commands.all())
    if (usable_here(ctx, s) && std::find(topics.begin(), topics.end(), s.topic) == topics.end())
      topics.push_back(s.topic);
  for (const auto& topic : topics) {
    out += "\n" + ctx.text("cmd.help.topic", fmt::arg("topic", ctx.text("topic." + topic)));
    for (const auto& s : ctx.svc.commands.all())
      if (s.topic == topic && usable_here(ctx, s))
        out += "\n" + ctx.text("cmd.help.line", fmt::arg("name", shown_name(s, ctx.lang)),
                               fmt::arg("summary", ctx.text("cmd." + s.id + ".summary")));
  }
  return out;
}

std::string detail(const bot::context& ctx, const bot::command_spec& s) {
  std::vector<std::string> aliases;
  for (const auto& n : s.zh) aliases.push_back(n);
  for (const auto& n : s.en) aliases.push_back("/" + n);
  return ctx.text("cmd.help.detail", fmt::arg("name", shown_name(s, ctx.lang)),
                  fmt::arg("summary", ctx.text("cmd." + s.id + ".summary")),
                  fmt::arg("usage", ctx.text("cmd." + s.id + ".usage")),
                  fmt::arg("aliases", fmt::format("{}", fmt::join(aliases, " · "))));
}

// In a group the menu would bury the conversation: a few lines for the asker's role, and the
// whole menu privately.
std::string group_overview(const bot::context& ctx) {
  using bot::role;
  const char* id = bot::at_least(ctx.who.level, role::admin)     ? "cmd.help.group_admin"
                   : bot::at_least(ctx.who.level, role::manager) ? "cmd.help.group_manager"
                   : bot::at_least(ctx.who.level, role::staff)   ? "cmd.help.group_staff"
                                                                 : "cmd.help.group_resident";
  return ctx.text(id);
}

bot::command_result help(bot::context& ctx, const bot::args& a) {
  if (a.empty()) {
    ctx.reply(ctx.in_group() ? group_overview(ctx) : overview(ctx));
    return std::nullopt;
  }
  std::string word = a[0];
  if (!word.empty() && word.front() == '/') word.erase(0, 1);
  std::vector<bot::token> words{{word, 0, 0}};
  if (a.size() >= 2) words.push_back({a[1], 0, 0});
  if (auto m = ctx.svc.commands.find(words)) {
    ctx.reply(detail(ctx, *m->spec));
    return std::nullopt;
  }
  // "菜单，今天中午吃什么" is chat: a bare 帮助/菜单 answers only about a command it knows.
  if (!a.addressed) return ctx.usage();
  auto near = ctx.svc.commands.suggest(word);
  if (near.empty()) return ctx.fail("cmd.help.unknown", fmt::arg("name", word));
  return ctx.fail("common.did_you_mean", fmt::arg("names", fmt::format("{}", fmt::join(near, " / "))));
}

}  // namespace

std::vector<bot::command_spec> help_commands() {
  return {
      {
          .id = "help",
          .zh = {"帮助", "菜单", "?"},  // a bare "?" (or "？") is most often typed by someone reading Chinese
          .en = {"help"},
          .topic = "general",
          .min_role = bot::role::resident,
          .where = bot::chat_rule::anywhere,
          .run = help,
          .bare_match = [](const bot::args& a) { return a.size() <= 2; },
      },
  };
}

}  // namespace commands
