// One entry point per fuzz target: what an attacker or a careless colleague controls, fed to the
// code that reads it. libFuzzer calls them (fuzz/fuzz_*.cpp, built with -DESTATEBOT_FUZZ=ON and
// clang), and the test suite replays the seed corpora and every crash found through them, so a
// crash that was fixed stays fixed in the ordinary build.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fuzz {

// CQ strings as go-cqhttp sends them: parsed, unescaped, rendered and parsed again.
void cq_code(std::string_view data);
// One OneBot v11 event body, as an HTTP POST or a reverse-WebSocket frame carries it.
void onebot_event(std::string_view data);
// One OneBot 12 event (ComWeChat's string-wrapped form too), read and its message rendered back.
void onebot12_event(std::string_view data);
// One generic-webhook request body, correctly signed so that the parser is reached.
void webhook_inbound(std::string_view data);
// One wechatbot-webhook form with the right ?token=; its boundary is its first line, as the bridge
// writes it (see tests/fixtures/wechatbot/).
void wechatbot_inbound(std::string_view data);
// One WeCom or WeChat callback: the bytes as the decrypted message of a signed app callback, of a
// smart robot callback, as the body of a plain-mode Official Account push, and as a raw envelope
// (tests/fixtures/weixin/ holds plaintexts).
void weixin_inbound(std::string_view data);
// What an owner types, in a group and in private chat, through the whole dispatcher and commands.
void command_text(std::string_view data);
// What anyone types, read without the database: the invocation (mention, prefix, quotes, glued
// names), the command it names or the names near it, and the intent model. Fast, so that it runs
// the millions of inputs command_text cannot (places, rooms and moments are read there).
void command_words(std::string_view data);
// What a manager types to open a vote, and the dates people type (bot/natural_time): pure parsers.
void vote_words(std::string_view data);
// A config file.
void config_toml(std::string_view data);
// A roster CSV given to import-roster.
void roster_csv(std::string_view data);

}  // namespace fuzz
