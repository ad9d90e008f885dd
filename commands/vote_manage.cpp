#include "commands/vote_manage.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/local_time.hpp"
#include "commands/broadcast.hpp"
#include "commands/record_id.hpp"
#include "commands/vote_cast.hpp"
#include "commands/vote_view.hpp"
#include "domain/broadcast/fan_out.hpp"
#include "domain/privacy/redact.hpp"
#include "domain/votes/ballot_box.hpp"
#include "domain/votes/ballot_export.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

std::optional<bot::failure> read_vote(bot::context& ctx, const bot::args& a,
                                      std::optional<storage::vote_row>& v) {
  if (a.size() != 1) return ctx.usage();
  auto id = parse_record_id(a[0]);
  if (!id) return ctx.usage();
  v = managed_vote(ctx, *id);
  if (!v) return ctx.fail("vote.not_found", fmt::arg("id", *id));
  return std::nullopt;
}

std::string deadline_of(const bot::services& svc, const storage::vote_row& v) {
  return bot::local_time_zone{svc.cfg.community.utc_offset_minutes}.format_with_year(v.deadline);
}

std::filesystem::path export_dir(const bot::config& cfg) {
  if (cfg.storage.path == ":memory:" || cfg.storage.path.empty())
    return std::filesystem::temp_directory_path() / "estatebot-exports";
  return std::filesystem::absolute(cfg.storage.path).parent_path() / "exports";
}

}  // namespace

bot::command_result remind_vote_command(bot::context& ctx, const bot::args& a) {
  std::optional<storage::vote_row> v;
  if (auto f = read_vote(ctx, a, v)) return f;
  if (!domain::votes::is_open(*v, ctx.now())) return ctx.fail("vote.closed", fmt::arg("id", v->id));
  std::map<std::string, int> waiting;  // rooms not voted, per building
  std::set<std::int64_t> people;
  int unreachable = 0;
  for (const auto& r : ctx.db().votes.rooms(v->id)) {
    if (r.voted_at) continue;
    ++waiting[r.building];
    auto bound = ctx.db().units.members_bound(r.unit_id);
    if (bound.empty()) ++unreachable;
    people.insert(bound.begin(), bound.end());
  }
  const std::string deadline = deadline_of(ctx.svc, *v);
  for (auto id : people) {
    auto m = ctx.db().members.get(id);
    if (!m) continue;
    ctx.send(ctx.db().chats.direct_chat_of(*m),
             bot::outgoing::plain(ctx.text("vote.remind_private", fmt::arg("id", v->id),
                                           fmt::arg("title", v->title), fmt::arg("deadline", deadline),
                                           fmt::arg("options", option_list(*v)))),
             storage::priority::notice, vote_ref(v->id) + ":remind");
  }
  int rooms = 0;
  for (const auto& [b, n] : waiting) rooms += n;
  auto groups = domain::broadcast::broadcast_targets(ctx.svc, v->community_id, v->building);
  const std::size_t sent = domain::broadcast::fan_out(
      ctx.svc, groups,
      [&](bot::locale l) {
        std::string counts;
        for (const auto& [b, n] : waiting)
          counts += (counts.empty() ? "" : ctx.svc.t(l, "vote.remind_separator")) +
                    ctx.svc.t(l, "vote.remind_building", fmt::arg("scope", scope_text(ctx.svc, l, b)),
                              fmt::arg("n", n));
        const char* id = v->assembly ? "vote.remind_group" : "vote.remind_group_poll";
        return bot::outgoing::plain(ctx.svc.t(
            l, id, fmt::arg("id", v->id), fmt::arg("title", domain::privacy::redact_rooms(v->title, l)),
            fmt::arg("deadline", deadline), fmt::arg("rooms", rooms), fmt::arg("counts", counts),
            fmt::arg("first", v->options.front())));
      },
      storage::priority::notice, vote_ref(v->id) + ":remind");
  ctx.db().audit.record(ctx.who.member.id, "vote.remind", vote_ref(v->id), "", ctx.now());
  ctx.reply(ctx.text(v->assembly ? "vote.reminded" : "vote.reminded_poll", fmt::arg("people", people.size()),
                     fmt::arg("rooms", rooms), fmt::arg("unreachable", unreachable),
                     fmt::arg("groups", sent)));
  return std::nullopt;
}

bot::command_result export_vote_command(bot::context& ctx, const bot::args& a) {
  std::optional<storage::vote_row> v;
  if (auto f = read_vote(ctx, a, v)) return f;
  auto csv = domain::votes::export_ballots(ctx.svc, *v);
  std::error_code ec;
  const auto dir = export_dir(ctx.svc.cfg);
  std::filesystem::create_directories(dir, ec);
  const auto file = dir / ("vote-" + std::to_string(v->id) + ".csv");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << csv.text;
  out.close();
  if (ec || !out) return ctx.fail("vote.export_failed", fmt::arg("path", file.string()));
  ctx.db().audit.record(ctx.who.member.id, "vote.export", vote_ref(v->id), file.string(), ctx.now());
  ctx.reply(ctx.text("vote.exported", fmt::arg("id", v->id), fmt::arg("n", csv.ballots),
                     fmt::arg("path", file.string())));
  return std::nullopt;
}

void close_vote(bot::services& svc, std::int64_t vote_id) {
  auto v = svc.db.votes.get(vote_id);
  if (!v || v->closed_at) return;
  svc.db.votes.close(vote_id, svc.clk.now_ms());
  v = svc.db.votes.get(vote_id);
  const auto t = domain::votes::tally_of(svc, vote_id);
  auto groups = domain::broadcast::broadcast_targets(svc, v->community_id, v->building);
  domain::broadcast::fan_out(
      svc, groups, [&](bot::locale l) { return bot::outgoing::plain(vote_result(svc, l, *v, t)); },
      storage::priority::notice, vote_ref(vote_id) + ":result");
}

}  // namespace commands
