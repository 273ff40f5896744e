// Russian word analysis: Snowball stems and surname bases.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace core {

// The base shared by every case form of a Russian surname or first name, or
// "" when the word does not follow a name paradigm. `лавров`, `лаврова`,
// `лавровым`, `лавровой` all give `лавров`; `вертинская` and `вертинскому`
// give `вертинск`; `сергей` and `сергеем` give `сергей`; `кыргызстана` and
// `кыргызстан` give `кыргызстан`. Snowball cannot do this: it stems `лавров`
// to `лавр` but `лаврова` to `лавров`. Only Cyrillic words have a base.
// `normalized` must already be normalize_text() output.
std::string surname_base(std::string_view normalized);

// Snowball Russian stemming with a cache (most words repeat). Not thread-safe:
// give each thread its own analyzer.
class RussianStemmer {
public:
    RussianStemmer();
    const std::string& stem(const std::string& normalized);

private:
    Xapian::Stem stemmer_;
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace core
