// The sealed way back to an anonymous writer: it opens only with its key and for its purpose.
#include <catch2/catch.hpp>

#include "bot/config.hpp"
#include "domain/suggestions/seal.hpp"

namespace {

const std::string seal_key_a = "[suggestions]\nrelay_key = \"" + std::string(64, 'a') + "\"\n";
const std::string seal_key_b = "[suggestions]\nrelay_key = \"" + std::string(64, 'b') + "\"\n";

bot::chat_ref seal_direct(const std::string& who) {
  return {"console", "", bot::chat_kind::direct, who};
}

}  // namespace

TEST_CASE("a seal opens only with its key and for its purpose", "[suggestions][crypto]") {
  auto cfg_a = bot::config::parse(seal_key_a);
  auto cfg_b = bot::config::parse(seal_key_b);
  domain::suggestions::sealed_writer w{seal_direct("赵女士"), "zh-CN"};
  std::string sealed = domain::suggestions::seal_writer(cfg_a, w, "ticket:7");
  CHECK(sealed.find("赵女士") == std::string::npos);
  CHECK(sealed != domain::suggestions::seal_writer(cfg_a, w, "ticket:7"));  // a fresh nonce every time
  auto opened = domain::suggestions::open_writer(cfg_a, sealed, "ticket:7");
  REQUIRE(opened);
  CHECK(opened->chat == w.chat);
  CHECK_FALSE(domain::suggestions::open_writer(cfg_a, sealed, "ticket:8"));
  CHECK_FALSE(domain::suggestions::open_writer(cfg_b, sealed, "ticket:7"));
  std::string tampered = sealed;
  tampered[30] = tampered[30] == '0' ? '1' : '0';
  CHECK_FALSE(domain::suggestions::open_writer(cfg_a, tampered, "ticket:7"));
  // Quota buckets differ per window and per key.
  bot::user_ref u{"console", "赵女士", ""};
  CHECK(domain::suggestions::quota_bucket(cfg_a, u, 0) !=
        domain::suggestions::quota_bucket(cfg_a, u, 86'400'000));
  CHECK(domain::suggestions::quota_bucket(cfg_a, u, 0) != domain::suggestions::quota_bucket(cfg_b, u, 0));
}
