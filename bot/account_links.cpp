#include "bot/account_links.hpp"

#include <utility>  // before Asio: Boost 1.74 with GCC 12 needs it

#include <algorithm>

#include "bot/ws_connection.hpp"

namespace bot {
namespace {

bool carries(const account_links::link& l, const std::string& account) {
  return std::find(l.accounts.begin(), l.accounts.end(), account) != l.accounts.end();
}

}  // namespace

account_links::account_links(boost::asio::io_context& io, int call_timeout_ms, change_handler on_change)
    : io_(io), call_timeout_ms_(call_timeout_ms), on_change_(std::move(on_change)) {}

account_links::~account_links() {
  for (auto& l : links_) {
    l->ws->on_message = nullptr;
    l->ws->on_close = nullptr;
    l->ws->close();
  }
}

void account_links::add(std::shared_ptr<ws_connection> ws, std::string role, bool takes_calls,
                        const std::string& account, frame_handler on_frame) {
  auto l = std::make_shared<link>();
  l->ws = std::move(ws);
  l->role = std::move(role);
  if (takes_calls)
    l->calls =
        std::make_unique<ws_calls>(io_, l->ws, "c" + std::to_string(++counter_) + "-", call_timeout_ms_);
  std::weak_ptr<link> weak = l;
  l->ws->on_message = [weak, on_frame = std::move(on_frame)](const std::string& text) {
    if (auto held = weak.lock()) on_frame(*held, text);
  };
  l->ws->on_close = [this, weak] {
    if (auto held = weak.lock()) closed(held);
  };
  links_.push_back(l);
  if (!account.empty()) serve(*l, account);
}

void account_links::serve(const link& l, const std::string& account) {
  auto it = std::find_if(links_.begin(), links_.end(), [&l](const auto& held) { return held.get() == &l; });
  if (it == links_.end() || carries(l, account)) return;
  (*it)->accounts.push_back(account);
  if (on_change_) on_change_(account, l, change::joined);
}

void account_links::closed(const std::shared_ptr<link>& l) {
  std::erase(links_, l);
  if (l->calls) l->calls->fail_all("the WebSocket closed while waiting for the answer");
  if (on_change_)
    for (const auto& account : l->accounts) on_change_(account, *l, change::left);
}

const account_links::link* account_links::caller_for(const std::string& account) const {
  for (auto l = links_.rbegin(); l != links_.rend(); ++l)  // the newest connection first
    if ((*l)->calls && (*l)->ws->is_open() && carries(**l, account)) return l->get();
  return nullptr;
}

std::vector<std::string> account_links::roles(const std::string& account) const {
  std::vector<std::string> out;
  for (const auto& l : links_)
    if (carries(*l, account)) out.push_back(l->role);
  return out;
}

bool account_links::takes_calls(const std::string& account) const {
  return std::any_of(links_.begin(), links_.end(),
                     [&account](const auto& l) { return l->calls && carries(*l, account); });
}

}  // namespace bot
