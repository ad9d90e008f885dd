// OneBot ids as the implementations really send them: QQ and group numbers beyond 32 bits,
// message ids that are negative, beyond int32 or strings. Inside estatebot every id is a string;
// towards the client numbers go back as JSON numbers.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace adapters::onebot {

// A JSON number (signed, unsigned, or an integral float) or a non-empty string, as text.
std::optional<std::string> id_text(const nlohmann::json& value);
// The id field `key` of an object, as text.
std::optional<std::string> id_field(const nlohmann::json& object, const char* key);
// A QQ or group number: an integer, or a string of digits ("abc" is not one).
std::optional<std::string> number_field(const nlohmann::json& object, const char* key);
bool is_number_text(const std::string& s);
// A number as a JSON number when it fits int64, otherwise the string itself.
nlohmann::json id_json(const std::string& id);

}  // namespace adapters::onebot
