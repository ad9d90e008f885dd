// A delivery that takes several platform calls (a text cut into pieces) goes piece by piece; the
// count done is kept as the row's progress, so a later attempt resumes after the last piece that
// went out instead of repeating the first.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "bot/channel.hpp"

namespace adapters::wecom {

struct parts_job {
  std::size_t count = 0;
  std::size_t next = 0;  // from the row's progress
  // Sends piece i and reports how it went.
  std::function<void(std::size_t i, std::function<void(bot::send_result)>)> send_one;
  std::function<void(std::size_t done)> keep_progress;
  std::function<void(bot::send_result)> done;
};

std::size_t parts_done(const std::string& progress);  // 0 unless a decimal count
void send_parts(std::shared_ptr<parts_job> job);

}  // namespace adapters::wecom
