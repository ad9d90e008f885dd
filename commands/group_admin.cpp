#include "commands/group_admin.hpp"

#include "bot/context.hpp"
#include "bot/utf8.hpp"
#include "commands/broadcast.hpp"
#include "commands/text_ids.hpp"
#include "domain/units/address.hpp"
#include "storage/stores.hpp"

namespace commands {

using domain::units::parse_building;

namespace {

std::optional<std::string> parse_purpose(const std::string& word) {
  if (word == "员工群" || word == "工作群" || word == "staff") return "staff";
  if (word == "经理群" || word == "管理群" || word == "managers") return "managers";
  if (word == "业主群" || word == "owners") return "owners";
  return std::nullopt;
}

// 绑定小区 <名称> [楼栋] [员工群|经理群]
bot::command_result register_group(bot::context& ctx, const bot::args& a) {
  if (a.empty() || a.size() > 4) return ctx.usage();
  const std::string& name = a[0];
  if (bot::utf8::length(name) > 40) return ctx.usage();
  std::optional<std::string> building;
  std::string purpose = "owners";
  for (std::size_t i = 1; i < a.size();) {
    if (auto p = parse_purpose(a[i])) {
      purpose = *p;
      ++i;
    } else if (auto b = read_scope_building(a, i)) {  // moves past "3栋" or "bldg 3"
      building = *b;
    } else if (auto n = parse_building(a[i])) {  // a bare number is a building here
      building = *n;
      ++i;
    } else {
      return ctx.usage();
    }
  }
  auto& db = ctx.db();
  std::int64_t community = db.communities.ensure(name, ctx.now());
  db.chats.register_to(ctx.chat.id, community, building, purpose, ctx.who.member.id, ctx.now());
  db.audit.record(ctx.who.member.id, "group.register", ctx.msg.chat.key(),
                  name + (building ? " " + *building : "") + " " + purpose, ctx.now());
  ctx.reply(ctx.text("cmd.group.register.done", fmt::arg("community", name),
                     fmt::arg("scope", building ? ctx.text("scope.building", fmt::arg("building", *building))
                                                : ctx.text("scope.community")),
                     fmt::arg("purpose", ctx.text(purpose_text_id(purpose).value()))));
  return std::nullopt;
}

// 群语言 中文|英文|自动
bot::command_result group_lang(bot::context& ctx, const bot::args& a) {
  if (a.size() != 1) return ctx.usage();
  std::optional<std::string> lang;
  const std::string& w = a[0];
  if (w == "中文" || w == "zh" || w == "zh-CN")
    lang = "zh-CN";
  else if (w == "英文" || w == "en" || w == "en-US" || w == "English")
    lang = "en-US";
  else if (w != "自动" && w != "auto")
    return ctx.usage();
  ctx.db().chats.set_lang(ctx.chat.id, lang);
  ctx.db().audit.record(ctx.who.member.id, "group.lang", ctx.msg.chat.key(), lang.value_or("auto"),
                        ctx.now());
  bot::locale shown = lang ? *bot::parse_locale(*lang) : ctx.lang;
  ctx.reply(ctx.svc.t(shown, "cmd.group.lang.done", fmt::arg("lang", lang.value_or("auto"))));
  return std::nullopt;
}

}  // namespace

std::vector<bot::command_spec> group_admin_commands() {
  return {
      {
          .id = "group.register",
          .zh = {"绑定小区", "注册群"},
          .en = {"group register"},
          .topic = "admin",
          .min_role = bot::role::admin,
          .where = bot::chat_rule::group_only,
          .run = register_group,
      },
      {
          .id = "group.lang",
          .zh = {"群语言"},
          .en = {"group lang"},
          .topic = "admin",
          .min_role = bot::role::manager,
          .where = bot::chat_rule::group_only,
          .run = group_lang,
      },
  };
}

}  // namespace commands
