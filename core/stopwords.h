// Russian function words (core/data/stopwords.txt).
#pragma once

#include <string>

namespace core {

// `normalized` must be normalize_text() output.
bool is_stopword(const std::string& normalized);

}  // namespace core
