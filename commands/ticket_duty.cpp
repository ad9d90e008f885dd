#include "commands/ticket_duty.hpp"

#include <algorithm>

#include "bot/context.hpp"
#include "commands/category_names.hpp"
#include "commands/ticket_texts.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

std::string categories_text(const bot::context& ctx, const std::vector<domain::ticket_category>& categories) {
  if (categories.empty()) return ctx.text("cmd.duty.all_categories");
  std::string out;
  for (auto c : categories)
    out += (out.empty() ? "" : ctx.text("common.list_separator")) + ctx.text(text_id(c));
  return out;
}

// 上班 / 上班 水电 漏水 / 上班 全部
bot::command_result on(bot::context& ctx, const bot::args& a) {
  std::optional<std::vector<domain::ticket_category>> categories;
  if (!a.empty()) {
    categories.emplace();
    for (const auto& tok : a.tokens) {
      if (tok.text == "全部" || tok.text == "all") {
        categories->clear();
        break;
      }
      auto id = category_from_name(tok.text);
      if (!id) return ctx.fail("cmd.duty.on.unknown_category", fmt::arg("word", tok.text));
      if (std::find(categories->begin(), categories->end(), *id) == categories->end())
        categories->push_back(*id);
    }
  }
  ctx.db().duty.set(ctx.who.member.id, ctx.community(), true, categories, ctx.now());
  ctx.db().audit.record(ctx.who.member.id, "duty.on", "", categories ? categories_text(ctx, *categories) : "",
                        ctx.now());
  auto row = ctx.db().duty.get(ctx.who.member.id, ctx.community());
  ctx.reply(ctx.text("cmd.duty.on.done", fmt::arg("categories", categories_text(ctx, row->categories))));
  return std::nullopt;
}

bot::command_result off(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  ctx.db().duty.set(ctx.who.member.id, ctx.community(), false, std::nullopt, ctx.now());
  ctx.db().audit.record(ctx.who.member.id, "duty.off", "", "", ctx.now());
  ctx.reply(ctx.text("cmd.duty.off.done"));
  return std::nullopt;
}

bot::command_result list_duty(bot::context& ctx, const bot::args& a) {
  if (!a.empty()) return ctx.usage();
  auto rows = ctx.db().duty.on_duty(ctx.community());
  if (rows.empty()) {
    ctx.reply(ctx.text("cmd.duty.list.none"));
    return std::nullopt;
  }
  std::string out = ctx.text("cmd.duty.list.head", fmt::arg("n", rows.size()));
  for (const auto& r : rows)
    out += "\n" + ctx.text("cmd.duty.list.line", fmt::arg("name", r.display_name),
                           fmt::arg("categories", categories_text(ctx, r.categories)));
  ctx.reply(out);
  return std::nullopt;
}

// "上班，今天真累" is chat: every word after 上班 must name a category.
bool all_categories(const bot::args& a) {
  for (const auto& t : a.tokens)
    if (t.text != "全部" && t.text != "all" && !category_from_name(t.text)) return false;
  return true;
}

}  // namespace

std::vector<bot::command_spec> ticket_duty_commands() {
  using bot::chat_rule;
  using bot::role;
  return {
      {
          .id = "duty.on",
          .zh = {"上班", "值班开始"},
          .en = {"duty on"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = on,
          .bare_match = all_categories,
      },
      {
          .id = "duty.off",
          .zh = {"下班", "值班结束"},
          .en = {"duty off"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = off,
          .bare_match = [](const bot::args& a) { return a.empty(); },
      },
      {
          .id = "duty.list",
          .zh = {"值班", "值班表"},
          .en = {"duty"},
          .topic = "staff",
          .min_role = role::staff,
          .where = chat_rule::anywhere,
          .run = list_duty,
          .bare_match = [](const bot::args& a) { return a.empty(); },
      },
  };
}

}  // namespace commands
