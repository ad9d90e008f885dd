#include "commands/welcome.hpp"

#include <nlohmann/json.hpp>

#include "bot/clock.hpp"
#include "bot/config.hpp"
#include "bot/context.hpp"
#include "bot/feature_host.hpp"
#include "storage/stores.hpp"

namespace commands {
namespace {

using nlohmann::json;

constexpr bot::id_job welcome_job{"welcome"};  // ref: the group's chat id
constexpr const char* job_kind = welcome_job.name;
constexpr std::int64_t gather_ms = 30'000;         // joins this close together share one welcome
constexpr std::int64_t cooldown_ms = 10 * 60'000;  // at most one welcome per group in this time
constexpr std::size_t max_named = 10;              // more people are counted, not @-mentioned

bool is_owner_group(const storage::chat_row& chat) {
  return chat.ref.is_group() && chat.registered && chat.active && chat.purpose == "owners";
}

json people_of(const std::string& payload) {
  auto j = json::parse(payload, nullptr, false);
  if (j.is_object())
    if (auto it = j.find("people"); it != j.end() && it->is_array()) return *it;
  return json::array();
}

bool has_person(const json& people, const std::string& id) {
  for (const auto& p : people)
    if (p.value("id", "") == id) return true;
  return false;
}

void on_joined(bot::context& ctx, const bot::member_joined& e) {
  if (!is_owner_group(ctx.chat)) return;
  auto& jobs = ctx.db().jobs;
  const std::string ref = welcome_job.ref(ctx.chat.id);
  const json person{{"id", e.user.id}, {"name", e.user.name}};
  if (auto pending = jobs.pending(job_kind, ref); !pending.empty()) {
    json people = people_of(pending.front().payload);
    if (has_person(people, e.user.id)) return;  // the client reported the same join twice
    people.push_back(person);
    jobs.set_payload(pending.front().id, json{{"people", people}}.dump());
    return;
  }
  std::int64_t due = ctx.now() + gather_ms;
  if (auto last = jobs.last_done(job_kind, ref)) {
    const std::int64_t welcomed_at = last->second;
    if (ctx.now() - welcomed_at < cooldown_ms && has_person(people_of(last->first.payload), e.user.id))
      return;
    due = std::max(due, welcomed_at + cooldown_ms);
  }
  jobs.schedule(job_kind, ref, due, json{{"people", json::array({person})}}.dump(), ctx.now());
}

void send_welcome(const bot::job_run<std::int64_t>& job) {
  auto& svc = job.svc;
  auto chat = svc.db.chats.get(job.ref);
  if (!chat || !is_owner_group(*chat)) return;  // unregistered or left since
  json people = people_of(job.row.payload);
  if (people.empty()) return;
  bot::locale lang =
      bot::parse_locale(chat->lang.value_or(svc.cfg.community.lang)).value_or(bot::locale::zh_CN);

  bot::outgoing o;
  for (std::size_t i = 0; i < people.size() && i < max_named; ++i)
    o.mentions.push_back({people[i].value("id", ""), people[i].value("name", "")});
  o.text = svc.t(lang, "welcome.text", fmt::arg("community", svc.db.communities.name_of(chat->community_id)));
  if (people.size() > max_named)
    o.text = svc.t(lang, "welcome.and_others", fmt::arg("count", people.size() - max_named)) + o.text;
  svc.db.outbox.enqueue(chat->ref, o, storage::priority::notice, "welcome:" + job.row.ref, svc.clk.now_ms());
}

}  // namespace

void install_welcome(bot::feature_host& host) {
  host.on_member_joined(on_joined);
  host.job(welcome_job, send_welcome);
}

}  // namespace commands
