#include "bot/connection_table.hpp"

namespace bot {

connection_table::admission connection_table::admit() {
  admission a;
  if (open_ < max_) {
    a.admitted = true;
    return a;
  }
  std::optional<std::uint64_t> oldest;
  std::uint64_t oldest_since = 0;
  for (const auto& [id, e] : entries_)
    if (!e.evicted && e.idle_since != 0 && (!oldest || e.idle_since < oldest_since)) {
      oldest = id;
      oldest_since = e.idle_since;
    }
  if (!oldest) return a;
  entries_[*oldest].evicted = true;  // its descriptor is released once its session sees the close
  --open_;
  a.admitted = true;
  a.evict = oldest;
  return a;
}

std::uint64_t connection_table::opened() {
  entries_[++next_id_] = {};
  ++open_;
  return next_id_;
}

void connection_table::closed(std::uint64_t id) {
  auto it = entries_.find(id);
  if (it == entries_.end()) return;
  if (!it->second.evicted) --open_;
  entries_.erase(it);
}

void connection_table::set_idle(std::uint64_t id, bool idle) {
  auto it = entries_.find(id);
  if (it == entries_.end() || it->second.evicted) return;
  it->second.idle_since = idle ? ++idle_clock_ : 0;
}

}  // namespace bot
