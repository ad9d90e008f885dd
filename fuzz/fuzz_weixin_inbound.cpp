// libFuzzer target: see fuzz/entries.hpp.
#include "fuzz/entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::weixin_inbound({reinterpret_cast<const char*>(data), size});
  return 0;
}
