#include "core/spelling.h"

#include "core/russian.h"
#include "core/schema.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <tuple>
#include <utility>

#include <vector>

namespace core {
namespace {

constexpr std::size_t kMinLetters = 4;   // shorter words have too many neighbours...
constexpr std::size_t kMinNameLetters = 2;  // ...but for names: `Кн` is `Кан`, never `он`
constexpr std::size_t kMaxLetters = 30;

std::vector<std::string> split_letters(const std::string& word) {
    std::vector<std::string> letters;
    int32_t i = 0;
    const auto length = static_cast<int32_t>(word.size());
    while (i < length) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(word.data(), i, length, c);
        letters.push_back(word.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
    return letters;
}

const std::vector<std::string>& alphabet_for(const std::vector<std::string>& letters) {
    static const std::vector<std::string> cyrillic = split_letters("абвгдежзийклмнопрстуфхцчшщъыьэюя");
    static const std::vector<std::string> latin = split_letters("abcdefghijklmnopqrstuvwxyz");
    for (const std::string& letter : letters) {
        if (letter.size() > 1) return cyrillic;
    }
    return latin;
}

std::string join(const std::vector<std::string>& letters) {
    std::string out;
    for (const std::string& letter : letters) out += letter;
    return out;
}

// Whether `word` names a person or place whose base is `name`: the base is
// the word less at most one letter (`абрамович`, `бетховен`; not `джоной`,
// whose base `джон` is another name), and the archive writes it mostly
// capitalised (not `каке`, whose base is the `как` of sentence starts).
bool reads_as_name(const Xapian::Database& db, const std::string& word, const std::string& name,
                   Xapian::doccount capitalised) {
    constexpr std::size_t kLetterBytes = 2;  // a Cyrillic letter in UTF-8
    // Surnames declined as adjectives lose two letters (`станиславский`:
    // Станиславского, Станиславскому share `станиславск`).
    const bool adjectival = word.ends_with("ий") || word.ends_with("ый") || word.ends_with("ой");
    if (name.size() + (adjectival ? 2 : 1) * kLetterBytes < word.size()) return false;
    return capitalised * 2 >= db.get_termfreq(schema::kExactPrefix + name);
}

// How many articles hold the word as written or as a name (`абрамович`,
// whose articles say only `Абрамовича`); then as written, so that of two
// candidates alike the word itself wins. Not by Snowball stem: the stems of
// one-edit neighbours are often short common stems (`разого` -> `раз`).
std::pair<Xapian::doccount, Xapian::doccount> articles_with(const Xapian::Database& db, const std::string& word) {
    const Xapian::doccount as_written = db.get_termfreq(schema::kExactPrefix + word);
    Xapian::doccount any_form = as_written;
    const std::string name = surname_base(word);
    if (!name.empty()) {
        const Xapian::doccount capitalised = db.get_termfreq(schema::kNamePrefix + name);
        if (capitalised > any_form && reads_as_name(db, word, name, capitalised)) any_form = capitalised;
    }
    return {any_form, as_written};
}

// For a short word: how many articles hold the word as a name, when the
// archive writes it mostly capitalised, else nothing.
std::pair<Xapian::doccount, Xapian::doccount> articles_with_name(const Xapian::Database& db, const std::string& word) {
    const std::string name = surname_base(word);
    if (name.empty()) return {0, 0};
    const Xapian::doccount capitalised = db.get_termfreq(schema::kNamePrefix + name);
    const Xapian::doccount as_written = db.get_termfreq(schema::kExactPrefix + word);
    if (capitalised == 0 || capitalised * 2 < as_written) return {0, 0};
    return {capitalised, as_written};
}

}  // namespace

std::vector<std::string> closest_known_words(const Xapian::Database& db, const std::string& normalized,
                                             std::size_t count, bool prefer_names) {
    std::vector<std::string> letters = split_letters(normalized);
    if (letters.size() < kMinNameLetters || letters.size() > kMaxLetters || count == 0) return {};
    const std::vector<std::string>& alphabet = alphabet_for(letters);
    const bool names_only = letters.size() < kMinLetters;

    // (reads as a name when names are preferred, articles, articles as
    // written, word), the best first.
    std::vector<std::tuple<bool, Xapian::doccount, Xapian::doccount, std::string>> best;
    auto consider = [&](const std::vector<std::string>& candidate_letters) {
        std::string candidate = join(candidate_letters);
        if (candidate == normalized) return;
        const auto [any_form, as_written] = names_only ? articles_with_name(db, candidate) : articles_with(db, candidate);
        if (any_form == 0 && as_written == 0) return;
        if (std::any_of(best.begin(), best.end(), [&](const auto& b) { return std::get<3>(b) == candidate; })) return;
        const bool name = prefer_names && (names_only || articles_with_name(db, candidate).first > 0);
        best.emplace_back(name, any_form, as_written, std::move(candidate));
        std::stable_sort(best.begin(), best.end(), [](const auto& a, const auto& b) {
            return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) >
                   std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
        });
        if (best.size() > count) best.pop_back();
    };
    for (std::size_t i = 0; i < letters.size(); ++i) {
        std::vector<std::string> deleted = letters;
        deleted.erase(deleted.begin() + static_cast<std::ptrdiff_t>(i));
        consider(deleted);
        if (i + 1 < letters.size()) {
            std::vector<std::string> swapped = letters;
            std::swap(swapped[i], swapped[i + 1]);
            consider(swapped);
        }
        for (const std::string& letter : alphabet) {
            std::vector<std::string> replaced = letters;
            replaced[i] = letter;
            consider(replaced);
        }
    }
    for (std::size_t i = 0; i <= letters.size(); ++i) {
        for (const std::string& letter : alphabet) {
            std::vector<std::string> inserted = letters;
            inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(i), letter);
            consider(inserted);
        }
    }
    std::vector<std::string> words;
    for (auto& candidate : best) words.push_back(std::move(std::get<3>(candidate)));
    return words;
}

std::string closest_known_word(const Xapian::Database& db, const std::string& normalized) {
    std::vector<std::string> words = closest_known_words(db, normalized, 1, false);
    return words.empty() ? std::string() : std::move(words.front());
}

}  // namespace core
