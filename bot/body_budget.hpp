// Bytes of request bodies the server holds before a route has authenticated them, across all
// connections ([server] max_buffered_bytes). Without a bound, 400 connections each sending a body
// just under max_body_bytes slowly hold 400 MiB before a single signature is checked; with it, a
// request that does not fit is answered 503 with Retry-After before its body is read.
#pragma once
#include <cstddef>

namespace bot {

class body_budget {
 public:
  explicit body_budget(std::size_t max_bytes) : max_(max_bytes) {}

  bool reserve(std::size_t bytes) {
    if (bytes > max_ - used_) return false;
    used_ += bytes;
    return true;
  }
  void release(std::size_t bytes) { used_ -= bytes < used_ ? bytes : used_; }
  std::size_t used() const { return used_; }

 private:
  std::size_t max_;
  std::size_t used_ = 0;
};

}  // namespace bot
