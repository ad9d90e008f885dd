// What understanding an owner's message costs: the built-in intent models' load time and resident
// memory, and the time to read one message (intent, category, safety words), over the corpus.
//   build/bench/intent_bench [rounds]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "domain/intent/classifier.hpp"
#include "domain/intent/corpus.hpp"

namespace {

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 20;
  std::vector<std::string> paths;
  for (const auto& f : std::filesystem::directory_iterator(ESTATEBOT_SOURCE_DIR "/domain/intent/corpus"))
    if (f.path().extension() == ".tsv") paths.push_back(f.path().string());
  std::sort(paths.begin(), paths.end());
  const auto corpus = domain::intent::read_corpus_files(paths);

  const long before = rss_kb();
  const auto t0 = std::chrono::steady_clock::now();
  const auto& model = domain::intent::builtin_classifier();
  const auto t1 = std::chrono::steady_clock::now();
  const long after = rss_kb();

  std::vector<double> us;
  us.reserve(corpus.size() * static_cast<std::size_t>(rounds));
  std::size_t problems = 0;
  for (int r = 0; r < rounds; ++r)
    for (const auto& e : corpus) {
      const auto a = std::chrono::steady_clock::now();
      problems += is_problem(model.read(e.text).kind);
      const auto b = std::chrono::steady_clock::now();
      us.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
  std::sort(us.begin(), us.end());
  auto at = [&](double q) { return us[static_cast<std::size_t>(q * static_cast<double>(us.size() - 1))]; };
  double sum = 0;
  for (double v : us) sum += v;
  std::printf("intent models: load %.1f ms, resident +%.1f MB\n",
              std::chrono::duration<double, std::milli>(t1 - t0).count(), (after - before) / 1024.0);
  std::printf(
      "read a message (%zu messages x %d): mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us (%zu "
      "problems)\n",
      corpus.size(), rounds, sum / static_cast<double>(us.size()), at(0.5), at(0.99), us.back(),
      problems / static_cast<std::size_t>(rounds));
}
