// Cyrillic spellings of a word typed in Latin letters (`lavrov` → `лавров`),
// from the tables in core/data/transliteration.txt and ICU's Latin-Cyrillic.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// What an index knows, asked while spelling: whether any of its words starts
// with a string, and whether a string is one of its words.
struct Vocabulary {
    std::function<bool(const std::string&)> has_word_starting;
    std::function<bool(const std::string&)> has_word;
};

// The Cyrillic spellings of `latin` (normalized: lower case) that are words
// of `vocabulary`, read with the rules of core/data/transliteration.txt
// (`navalny` → `навальный`, `yeltsin` → `ельцин`, `trump` → `трамп` and
// `трумп`), those with the fewest unusual readings first. An acronym (UFC,
// CAS) gets only the usual readings, letter by letter. ICU's
// Latin-Cyrillic is asked when the rules reach nothing. A reading is
// followed only while some word starts with it, so the rules may offer many
// letters and the readings still do not multiply; the last letter group is
// not held to that, as a name may only occur in other cases (`stanislavskiy`
// reaches `станиславский` where the texts only say `Станиславского`).
std::vector<std::string> known_cyrillic_spellings(std::string_view latin, const Vocabulary& vocabulary,
                                                  bool acronym = false);

}  // namespace core
