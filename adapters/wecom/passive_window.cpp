#include "adapters/wecom/passive_window.hpp"

#include <utility>

namespace adapters::wecom {

namespace {
constexpr std::string_view separator = "\n\n";
}

void passive_window::open(const bot::chat_ref& chat, std::size_t max_bytes) {
  chat_ = chat;
  max_bytes_ = max_bytes;
  text_.clear();
  spilled_ = false;
}

bool passive_window::take(const bot::delivery& d) {
  if (!chat_ || d.target != *chat_ || spilled_) return false;
  const std::size_t needed = d.body.text.size() + (text_.empty() ? 0 : separator.size());
  // An @all (an emergency) cannot ride in a passive reply: it goes by API. An @ of the asker is
  // dropped: the passive reply answers their own message.
  if (!d.body.recall_id.empty() || d.body.text.empty() || d.body.mention_all ||
      text_.size() + needed > max_bytes_) {
    spilled_ = true;  // the rest keep their order behind it, by API
    return false;
  }
  if (!text_.empty()) text_ += separator;
  text_ += d.body.text;
  return true;
}

std::string passive_window::close() {
  chat_.reset();
  return std::exchange(text_, {});
}

}  // namespace adapters::wecom
