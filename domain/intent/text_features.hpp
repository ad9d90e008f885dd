// What the intent model reads of a message: fastText splits on spaces, and Chinese has none, so
// every Han character (and emoji) becomes a word of its own and the model's word n-grams are the
// character bigrams and trigrams that carry meaning (漏水, 不亮, 没人管). Latin words stay whole and
// lowercased, digit runs become one "0" (a room number says nothing about intent), '?' and '!' are
// kept, other punctuation separates.
#pragma once
#include <string>
#include <string_view>

namespace domain::intent {

std::string model_input(std::string_view text);

}  // namespace domain::intent
