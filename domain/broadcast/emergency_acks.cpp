#include "domain/broadcast/emergency_acks.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "bot/member_role.hpp"
#include "bot/utf8.hpp"
#include "storage/stores.hpp"

namespace domain::broadcast {
namespace {

constexpr std::size_t max_ack_points = 12;  // "好的收到，谢谢物业" — longer is a conversation

}  // namespace

bool reads_like_ack(std::string_view raw) {
  std::string text = bot::utf8::to_lower_ascii(bot::utf8::trim(raw));
  if (text.empty() || bot::utf8::length(text) > max_ack_points) return false;
  if (bot::utf8::contains_any(
          text, {"没收到", "未收到", "没有收到", "不知道", "不明白", "没明白", "吗", "?", "\uFF1F"}))
    return false;  // "没收到通知", "收到了吗？" are not acknowledgements
  return bot::utf8::contains_any(text, {"收到", "已阅", "知道了", "明白", "got it", "noted", "received"});
}

emergency_chatter note_chatter(storage::stores& db, std::int64_t chat_id, std::int64_t member_id,
                               std::string_view text, std::int64_t now) {
  auto open = db.emergencies.open_for_chat(chat_id);
  if (open.empty()) return emergency_chatter::none;
  if (!reads_like_ack(text)) return emergency_chatter::open;
  for (auto id : open) db.emergencies.acknowledge(id, member_id, chat_id, now);
  return emergency_chatter::acknowledged;
}

acknowledgement acknowledge(storage::stores& db, std::optional<std::int64_t> group_chat,
                            std::int64_t member_id, std::optional<std::int64_t> only, std::int64_t now) {
  std::vector<std::pair<std::int64_t, std::int64_t>> open;  // (emergency, chat it counts in)
  if (group_chat) {
    for (auto id : db.emergencies.open_for_chat(*group_chat)) open.emplace_back(id, *group_chat);
  } else {
    open = db.emergencies.open_for_member(member_id);
  }
  if (only) std::erase_if(open, [&](const auto& p) { return p.first != *only; });
  acknowledgement out;
  for (const auto& [emergency, chat] : open) {
    out.first = db.emergencies.acknowledge(emergency, member_id, chat, now) || out.first;
    out.emergencies.push_back(emergency);
  }
  return out;
}

ack_totals count_acks(bot::services& svc, const storage::emergency_row& e) {
  ack_totals t;
  auto households = svc.db.emergencies.household_acks(e.id, e.community_id, e.building);
  if (!households.empty()) {
    t.households = true;
    for (const auto& h : households) {
      t.acked += h.acked;
      t.total += h.total;
    }
    return t;
  }
  auto people = count_people(svc, e);
  t.acked = people.acked;
  t.total = people.heard;
  return t;
}

people_count count_people(bot::services& svc, const storage::emergency_row& e) {
  std::map<std::int64_t, bool> counts;  // member → not staff
  auto resident = [&](std::int64_t member_id) {
    auto [it, fresh] = counts.try_emplace(member_id, false);
    if (fresh)
      if (auto m = svc.db.members.get(member_id))
        it->second = !bot::at_least(bot::member_role(svc, *m, e.community_id), bot::role::staff);
    return it->second;
  };
  people_count out;
  std::set<std::int64_t> heard, acked;
  std::map<std::int64_t, std::int64_t> acked_in;  // chat → people
  for (const auto& a : svc.db.emergencies.acks(e.id)) {
    if (!resident(a.member_id)) continue;
    acked.insert(a.member_id);
    if (a.chat_id != 0) ++acked_in[a.chat_id];
  }
  for (auto chat_id : svc.db.emergencies.group_ids(e.id)) {
    people_count::group g;
    g.chat_id = chat_id;
    if (auto chat = svc.db.chats.get(chat_id)) g.title = chat->title.empty() ? chat->ref.id : chat->title;
    for (auto member_id : svc.db.chats.members_of(chat_id))
      if (resident(member_id)) {
        ++g.heard;
        heard.insert(member_id);
      }
    g.acked = acked_in[chat_id];
    out.groups.push_back(std::move(g));
  }
  std::stable_sort(out.groups.begin(), out.groups.end(), [](const auto& a, const auto& b) {
    return a.acked * std::max<std::int64_t>(b.heard, 1) < b.acked * std::max<std::int64_t>(a.heard, 1);
  });
  out.acked = static_cast<std::int64_t>(acked.size());
  heard.insert(acked.begin(), acked.end());  // someone who answered privately counts as heard
  out.heard = static_cast<std::int64_t>(heard.size());
  return out;
}

}  // namespace domain::broadcast
