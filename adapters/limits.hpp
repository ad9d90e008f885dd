// Bounds on what one inbound message may make estatebot keep, the same for every adapter.
#pragma once
#include <cstddef>

namespace adapters {

// Images kept from one message: QQ allows 9 in a message, and a body with 100,000 image
// references must not become 100,000 rows. The first ones are kept.
inline constexpr std::size_t max_images_per_message = 9;

}  // namespace adapters
