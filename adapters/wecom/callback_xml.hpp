// The XML of WeCom and WeChat callbacks and passive replies (protocols/wecom-wechat.md §1.3, §1.5,
// §3): a flat <xml> of elements whose text may be CDATA or plain. pugixml reads it; a document
// with a DOCTYPE (where entity bombs live) is refused, not parsed.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace adapters::wecom {

// The text of each child element of the root <xml>; nullopt when the body is not such a document.
using xml_fields = std::map<std::string, std::string, std::less<>>;
std::optional<xml_fields> read_xml(std::string_view body);

// A passive text reply (doc 96469): to the user, from the corp or the account.
std::string text_reply_xml(std::string_view to_user, std::string_view from, std::int64_t create_time,
                           std::string_view content);
// The encrypted envelope of a passive reply.
std::string encrypted_reply_xml(std::string_view encrypt, std::string_view signature,
                                std::string_view timestamp, std::string_view nonce);

}  // namespace adapters::wecom
