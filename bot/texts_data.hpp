// The texts/*.toml catalogues compiled into the binary (see cmake/embed_texts.cmake).
#pragma once
#include <string_view>
#include <vector>

namespace bot {

struct text_file {
  std::string_view name;
  std::string_view content;
};

const std::vector<text_file>& embedded_text_files();

}  // namespace bot
