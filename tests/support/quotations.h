// Looking up one quotation among those extracted from a text, for tests.
#pragma once

#include "core/quotes.h"

#include <string>
#include <vector>

namespace test_support {

// The first quotation whose text starts with `start`, or nullptr.
inline const core::Quotation* find_quote(const std::vector<core::Quotation>& quotes, const std::string& start) {
    for (const auto& q : quotes) {
        if (q.text.rfind(start, 0) == 0) return &q;
    }
    return nullptr;
}

}  // namespace test_support
