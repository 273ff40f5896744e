// Corrections for words the index does not know: `Казакбаеф` → `казакбаев`.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace core {

// The word one edit (a letter deleted, inserted, replaced, or two swapped)
// away from `normalized` that the most articles hold as written or as a
// name (any case form), or "" when there is none. Cheap enough
// per unknown query word: a few hundred term lookups.
std::string closest_known_word(const Xapian::Database& db, const std::string& normalized);

// The `count` best such words, the best first: a misspelt surname may sit
// one edit from a more frequent word too (`исанов`: иванов, иксанов). With
// `prefer_names` (the word was typed capitalised), words the archive writes
// mostly capitalised come first (`Кова`: Ковач before нова). A word of two
// or three letters is corrected only into such a name (`Шрф`: Шарф).
std::vector<std::string> closest_known_words(const Xapian::Database& db, const std::string& normalized,
                                             std::size_t count, bool prefer_names);

}  // namespace core
