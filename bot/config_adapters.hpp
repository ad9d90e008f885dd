// The [adapters.*] tables of the config file, one reader per platform (bot/config.cpp reads the
// rest). Each checks what its adapter needs when enabled and names the key it refuses.
#pragma once
#include "bot/config.hpp"

namespace bot {

class config_reader;

void read_adapters(config_reader r, config& c);

}  // namespace bot
