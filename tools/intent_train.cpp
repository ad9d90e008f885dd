// Trains the intent and category models from the corpus files named on the command line:
//   estatebot_intent_train OUT_DIR domain/intent/corpus/*.tsv
// writes OUT_DIR/intent.bin and OUT_DIR/category.bin. The build runs it; the result is the same
// bytes for the same corpus (domain/intent/trainer).
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/intent/corpus.hpp"
#include "domain/intent/trainer.hpp"
#include "domain/ticket_types.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT_DIR CORPUS.tsv...\n", argv[0]);
    return 2;
  }
  try {
    const std::string dir = argv[1];
    const auto examples = domain::intent::read_corpus_files({argv + 2, argv + argc});
    std::vector<std::pair<std::string, std::string>> intents, categories;
    for (const auto& e : examples) {
      intents.emplace_back(e.intent, e.text);
      if (e.category == "-") continue;
      if (!domain::parse_ticket_category(e.category))
        throw std::runtime_error("unknown category " + e.category);
      categories.emplace_back(e.category, e.text);
    }
    // Written beside and renamed into place: a full disk must fail the build, not leave half a model.
    auto write = [&dir](const std::string& name, const std::string& bytes) {
      const std::string path = dir + "/" + name, partial = path + ".partial";
      std::ofstream out(partial, std::ios::binary);
      out << bytes;
      out.close();
      if (!out) throw std::runtime_error("cannot write " + partial);
      std::filesystem::rename(partial, path);
    };
    write("intent.bin", domain::intent::train_model(intents));
    write("category.bin", domain::intent::train_model(categories));
    std::printf("intent models: %zu messages, %zu problems with a category\n", intents.size(),
                categories.size());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "estatebot_intent_train: %s\n", e.what());
    return 1;
  }
}
