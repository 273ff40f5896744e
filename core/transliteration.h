// Cyrillic spellings of a word typed in Latin letters (`lavrov` → `лавров`),
// from the tables in core/data/transliteration.txt and ICU's Latin-Cyrillic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

// Candidate spellings, most likely first, at most `limit` of them. The caller
// keeps those the index knows. `latin` must be normalized (lower case).
std::vector<std::string> cyrillic_spellings(std::string_view latin, std::size_t limit = 64);

}  // namespace core
