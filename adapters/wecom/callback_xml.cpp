#include "adapters/wecom/callback_xml.hpp"

#include <fmt/format.h>

#include <pugixml.hpp>

namespace adapters::wecom {
namespace {

// "]]>" cannot stand inside CDATA: it is split across two sections.
std::string cdata(std::string_view text) {
  std::string out = "<![CDATA[";
  for (std::size_t at = 0;;) {
    const std::size_t end = text.find("]]>", at);
    if (end == std::string_view::npos) {
      out.append(text.substr(at));
      break;
    }
    out.append(text.substr(at, end + 2 - at));
    out += "]]><![CDATA[";
    at = end + 2;
  }
  return out + "]]>";
}

}  // namespace

std::optional<xml_fields> read_xml(std::string_view body) {
  if (body.find("<!DOCTYPE") != std::string_view::npos || body.find("<!ENTITY") != std::string_view::npos)
    return std::nullopt;
  pugi::xml_document doc;
  const unsigned options = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol;
  if (!doc.load_buffer(body.data(), body.size(), options, pugi::encoding_utf8)) return std::nullopt;
  const pugi::xml_node root = doc.child("xml");
  if (!root || root.next_sibling()) return std::nullopt;
  xml_fields fields;
  for (const pugi::xml_node& child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    std::string text;
    for (const pugi::xml_node& part : child.children())
      if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) text += part.value();
    fields.insert_or_assign(child.name(), std::move(text));
  }
  return fields;
}

std::string text_reply_xml(std::string_view to_user, std::string_view from, std::int64_t create_time,
                           std::string_view content) {
  return fmt::format(
      "<xml><ToUserName>{}</ToUserName><FromUserName>{}</FromUserName><CreateTime>{}</CreateTime>"
      "<MsgType><![CDATA[text]]></MsgType><Content>{}</Content></xml>",
      cdata(to_user), cdata(from), create_time, cdata(content));
}

std::string encrypted_reply_xml(std::string_view encrypt, std::string_view signature,
                                std::string_view timestamp, std::string_view nonce) {
  return fmt::format(
      "<xml>\n<Encrypt>{}</Encrypt>\n<MsgSignature>{}</MsgSignature>\n<TimeStamp>{}</TimeStamp>\n"
      "<Nonce>{}</Nonce>\n</xml>",
      cdata(encrypt), cdata(signature), timestamp, cdata(nonce));
}

}  // namespace adapters::wecom
