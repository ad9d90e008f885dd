#include "domain/intent/corpus.hpp"

#include <cstdint>
#include <fstream>
#include <stdexcept>

namespace domain::intent {
namespace {

bool known_intent(std::string_view s) {
  return s == "repair" || s == "complaint" || s == "question" || s == "greeting" || s == "chat";
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    out.push_back(line.substr(start, tab - start));
  out.push_back(line.substr(start));
  return out;
}

}  // namespace

std::vector<example> read_corpus(std::istream& in, std::string_view source) {
  std::vector<example> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto fail = [&](std::string_view why) {
      throw std::runtime_error(std::string(source) + ":" + std::to_string(number) + ": " + std::string(why));
    };
    auto cols = split_tabs(line);
    if (cols.size() != 4) fail("expected 4 tab-separated columns");
    if (!known_intent(cols[0])) fail("unknown intent '" + cols[0] + "'");
    if (cols[3].empty()) fail("empty text");
    const bool problem = cols[0] == "repair" || cols[0] == "complaint";
    if (problem == (cols[1] == "-")) fail("a category belongs to repairs and complaints only");
    out.push_back({std::move(cols[0]), std::move(cols[1]), std::move(cols[2]), std::move(cols[3])});
  }
  return out;
}

std::vector<example> read_corpus_files(const std::vector<std::string>& paths) {
  std::vector<example> out;
  for (const auto& path : paths) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    auto part = read_corpus(in, path);
    out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return out;
}

bool held_out(std::string_view text) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable across compilers and runs
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  return h % 5 == 0;
}

}  // namespace domain::intent
