// The labelled owner messages the intent model learns from (domain/intent/corpus/*.tsv, written by
// the team): one message per line, `intent<TAB>category<TAB>place<TAB>text`, category and place "-"
// where they do not apply. A fixed fifth of the lines (by a hash of the text, so adding lines never
// moves old ones) is held out for the accuracy test and never trained on.
#pragma once
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace domain::intent {

struct example {
  std::string intent;    // repair complaint question greeting chat
  std::string category;  // a ticket category id, or "-"
  std::string place;     // the words naming where, as written, or "-"
  std::string text;
};

// The lines of a corpus file; a malformed line throws std::runtime_error naming `source` and its
// line number (the corpus is the team's, and a broken line must fail the build, not vanish).
std::vector<example> read_corpus(std::istream& in, std::string_view source);
std::vector<example> read_corpus_files(const std::vector<std::string>& paths);

bool held_out(std::string_view text);

}  // namespace domain::intent
