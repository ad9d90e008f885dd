#include "domain/intent/trainer.hpp"

#include <fasttext/args.h>
#include <fasttext/fasttext.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "domain/intent/text_features.hpp"

namespace domain::intent {
namespace {

// fastText reads its input from a file and writes its model to one.
struct temp_file {
  explicit temp_file(const char* suffix) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "estatebot-intent-XXXXXX").string() + suffix;
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(std::char_traits<char>::length(suffix)));
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for training");
    ::close(fd);
    path = pattern;
  }
  ~temp_file() { std::filesystem::remove(path); }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  std::string path;
};

}  // namespace

std::string train_model(const std::vector<std::pair<std::string, std::string>>& labelled, const training& t) {
  temp_file input(".txt");
  {
    std::ofstream out(input.path);
    for (const auto& [label, text] : labelled) {
      const std::string line = "__label__" + label + ' ' + model_input(text) + '\n';
      for (int i = label == "chat" ? std::max(1, t.chat_repeats) : 1; i > 0; --i) out << line;
    }
  }
  fasttext::Args args;
  args.input = input.path;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = t.dim;
  args.epoch = t.epoch;
  args.lr = t.lr;
  args.wordNgrams = t.word_ngrams;
  args.bucket = t.bucket;
  args.minCount = 1;
  args.minn = t.min_subword;
  args.maxn = t.max_subword;
  args.thread = 1;
  args.seed = t.seed;
  args.verbose = 0;
  fasttext::FastText ft;
  ft.train(args);
  temp_file model(".bin");
  ft.saveModel(model.path);
  std::ifstream in(model.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

}  // namespace domain::intent
