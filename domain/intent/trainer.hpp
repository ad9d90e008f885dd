// Trains a fastText supervised model (Debian's libfasttext) on labelled texts, deterministically:
// one thread and a fixed seed, so the same corpus gives the same model byte for byte.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace domain::intent {

// Chosen by five-fold cross-validation over the whole corpus (the held-out fifth and the four
// others): character bigrams generalise better than trigrams here, and the same settings suit the
// intent and the category model, so one preset serves both.
struct training {
  int dim = 24;
  int epoch = 40;
  double lr = 0.4;
  int word_ngrams = 2;  // over single characters: bigrams of Han (漏水, 不亮, 没人)
  int bucket = 60'000;  // hashed n-gram and subword rows: the model is (words + bucket) × dim floats
  // Subwords of 4 and 5 characters, fastText counting the word's "<" and ">": an English word
  // shares what it means with its forms (leak, leaking), while a Han character ("<漏>", 3) has none.
  int min_subword = 4;
  int max_subword = 5;
  int seed = 20261207;
  // Lines labelled "chat" are written this many times, weighting them: offering a ticket for
  // neighbours' chat costs more than missing a problem the owner can still type as 报修. Only the
  // intent model has chat lines; the category model is unaffected.
  int chat_repeats = 2;
};

// (label, text) pairs, the text as the owner wrote it; returns the bytes of the model file.
std::string train_model(const std::vector<std::pair<std::string, std::string>>& labelled,
                        const training& t = {});

}  // namespace domain::intent
