// The ordered list of schema migrations. Version N is the N-th entry; entries are never edited
// once released, only appended.
#pragma once
#include <vector>

namespace storage {

struct migration {
  const char* name;
  const char* sql;
};

const std::vector<migration>& migrations();

}  // namespace storage
