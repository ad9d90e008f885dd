// Which QQ groups' names to ask the client for. Message events rarely carry the group's name (only
// NapCat adds group_name), so delivery reports and alerts would show group numbers. The service
// asks with get_group_info once per group and run, when the group is first heard (registering a
// group is a message in it, so that counts), one lookup at a time per account: a restart followed
// by a burst of messages from many groups never floods the client. A group whose event named it
// needs no lookup. A lookup that could not go out is tried again when the group is next heard;
// one the client refused, not before an hour. Pure state, no I/O.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>

namespace adapters::onebot {

class group_names {
 public:
  static constexpr std::int64_t retry_after_refusal_ms = 3'600'000;
  static constexpr std::size_t max_waiting = 1000;  // per account; more are asked when heard again

  enum class outcome { named, not_sent, refused };

  // A group of the account was heard from; `title` when the event itself named it.
  void heard(const std::string& self_id, const std::string& group_id, const std::string& title,
             std::int64_t now_ms);
  // The next group to look up for the account, unless a lookup of it is still running.
  std::optional<std::string> next(const std::string& self_id);
  void finished(const std::string& self_id, const std::string& group_id, outcome o, std::int64_t now_ms);
  std::size_t waiting(const std::string& self_id) const;

 private:
  struct account {
    std::deque<std::string> waiting;
    bool busy = false;
  };
  static constexpr std::int64_t settled = -1;
  std::map<std::string, account, std::less<>> accounts_;
  // "self_id/group_id" → settled (named, waiting or being asked), or the time from which a group
  // the client refused may be asked again.
  std::map<std::string, std::int64_t, std::less<>> groups_;
};

}  // namespace adapters::onebot
