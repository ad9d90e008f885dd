// How long the accept loop waits after accept() fails. Out of descriptors (EMFILE, ENFILE) or
// memory (ENOBUFS, ENOMEM), retrying at once fails again at once: the loop would spin at 100% CPU
// and starve everything else on the event loop. The wait starts short, doubles per failure up to
// a ceiling, and is forgotten after the next success.
#pragma once
#include <chrono>

namespace bot {

class accept_backoff {
 public:
  static constexpr std::chrono::milliseconds first{10};
  static constexpr std::chrono::milliseconds ceiling{1000};

  std::chrono::milliseconds failed();  // the wait before the next accept
  void succeeded() { next_ = first; }

 private:
  std::chrono::milliseconds next_ = first;
};

}  // namespace bot
