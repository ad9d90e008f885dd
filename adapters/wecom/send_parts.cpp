#include "adapters/wecom/send_parts.hpp"

#include <charconv>

namespace adapters::wecom {

std::size_t parts_done(const std::string& progress) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(progress.data(), progress.data() + progress.size(), n);
  return ec == std::errc() && end == progress.data() + progress.size() ? n : 0;
}

void send_parts(std::shared_ptr<parts_job> job) {
  if (job->next >= job->count) {
    job->done({});
    return;
  }
  const std::size_t i = job->next;
  job->send_one(i, [job, i](bot::send_result r) {
    if (r.outcome != bot::send_result::status::sent) {
      if (job->count > 1)
        r.error = "part " + std::to_string(i + 1) + " of " + std::to_string(job->count) + ": " + r.error;
      job->done(std::move(r));
      return;
    }
    job->next = i + 1;
    if (job->keep_progress && job->next < job->count) job->keep_progress(job->next);
    send_parts(job);
  });
}

}  // namespace adapters::wecom
