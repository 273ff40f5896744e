#include "core/quotes/roles.h"

#include "core/data.h"
#include "core/quotes/tokens.h"
#include "core/text.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace core::quotes_detail {
namespace {

// A way to name a role: stems that must all stand in the title (`глава+мид`).
using Phrase = std::vector<std::string>;
// The ways to name one role.
using Role = std::vector<Phrase>;

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    while (!s.empty()) {
        const std::size_t at = s.find(separator);
        if (at != 0) parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) break;
        s.remove_prefix(at + 1);
    }
    return parts;
}

const std::vector<Role>& roles() {
    static const std::vector<Role> table = [] {
        std::vector<Role> out;
        for (std::string_view line : data::lines(data::kPersonRoles)) {
            Role role;
            for (std::string_view entry : split(line, ' ')) {
                Phrase phrase;
                for (std::string_view stem : split(entry, '+')) phrase.push_back(normalize_text(stem));
                role.push_back(std::move(phrase));
            }
            out.push_back(std::move(role));
        }
        return out;
    }();
    return table;
}

// The stem a role word declines from: `министр`, `госсекретар(ь)`,
// `глав(а)`, `генеральн(ый)`.
std::string stem_of(const std::string& nominative) {
    for (std::string_view ending : {"ый", "ий", "ь", "й", "а"}) {
        if (ends_with(nominative, ending) && nominative.size() > ending.size() + 4) {
            return nominative.substr(0, nominative.size() - ending.size());
        }
    }
    return nominative;
}

// `министр` as itself in the nominative; in any case `министра`, `главой`,
// `посла`: the stem and at most two letters of an ending.
bool is_form_of(const std::string& word, const std::string& nominative, bool nominative_only) {
    if (word == nominative) return true;
    if (nominative_only) return false;
    const std::string stem = stem_of(nominative);
    return word.compare(0, stem.size(), stem) == 0 && utf8_length(std::string_view(word).substr(stem.size())) <= 2;
}

// The head word (the first) in the case asked, the words after it in any.
bool holds(const std::set<std::string>& title, const Phrase& phrase, bool nominative) {
    for (std::size_t i = 0; i < phrase.size(); ++i) {
        const bool found = std::any_of(title.begin(), title.end(), [&](const std::string& word) {
            return is_form_of(word, phrase[i], nominative && i == 0);
        });
        if (!found) return false;
    }
    return true;
}

bool names(const std::set<std::string>& title, const Role& role, bool nominative) {
    return std::any_of(role.begin(), role.end(), [&](const Phrase& phrase) { return holds(title, phrase, nominative); });
}

}  // namespace

bool names_a_role(const std::set<std::string>& title, bool nominative) {
    return std::any_of(roles().begin(), roles().end(), [&](const Role& role) { return names(title, role, nominative); });
}

bool same_role(const std::set<std::string>& title, const std::set<std::string>& person_title, bool nominative) {
    return std::any_of(roles().begin(), roles().end(),
                       [&](const Role& role) { return names(title, role, false) && names(person_title, role, nominative); });
}

}  // namespace core::quotes_detail
