// How a copy of an article differs from it, sentence by sentence: what the
// copy added (a line of its own, a new lead) and what it left out. Sentences
// are compared by their words (normalised: case, ё/е, quote marks and
// spacing do not count as differences).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

struct CopyDiff {
    std::vector<std::string> added;    // sentences of the copy that the article does not have
    std::vector<std::string> missing;  // sentences of the article that the copy does not have
};

// The sentences of `text`: split after . ! ? … followed by a space, and at line breaks.
std::vector<std::string_view> sentences_of(std::string_view text);

CopyDiff compare_with_copy(std::string_view article, std::string_view copy);

}  // namespace core
