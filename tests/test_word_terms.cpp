// The terms of an article's words (core/word_terms.h): counted per article,
// they must be exactly what adding every term at every word gives.
#include "core/dictionary.h"
#include "core/russian.h"
#include "core/schema.h"
#include "core/word_terms.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace {

struct TermEntry {
    Xapian::termcount wdf = 0;
    std::vector<Xapian::termpos> positions;
    bool operator==(const TermEntry&) const = default;
};

std::map<std::string, TermEntry> terms_of(const Xapian::Document& doc) {
    std::map<std::string, TermEntry> terms;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        TermEntry& entry = terms[*term];
        entry.wdf = term.get_wdf();
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) entry.positions.push_back(*pos);
    }
    return terms;
}

// Every term added at every word, as schema.h describes them.
void add_word_by_word(Xapian::Document& doc, std::string_view text, bool is_title, Xapian::termpos& position) {
    Xapian::Stem stemmer("russian");
    const Xapian::termcount wdf = is_title ? core::schema::kTitleWdf : 1;
    core::for_each_word(text, [&](const core::Word& word) {
        ++position;
        const std::string stem = stemmer(word.normalized);
        const std::string name = word.capitalized ? core::surname_base(word.normalized) : std::string();
        doc.add_posting(core::schema::kExactPrefix + word.normalized, position, wdf);
        doc.add_term(core::schema::kStemPrefix + stem, wdf);
        if (!name.empty()) doc.add_term(core::schema::kNamePrefix + name, wdf);
        for (const std::string& lemma : core::RussianDictionary::instance().lemmas(word.normalized)) {
            doc.add_term(core::schema::kLemmaPrefix + lemma, wdf);
        }
        if (is_title) {
            doc.add_posting(core::schema::kTitlePrefix + word.normalized, position);
            doc.add_term(core::schema::kTitleStemPrefix + stem);
            if (!name.empty()) doc.add_term(core::schema::kTitleNamePrefix + name);
        }
    });
}

void add_counted(core::WordTerms& words, Xapian::Document& doc, std::string_view text, bool is_title,
                 Xapian::termpos& position) {
    core::for_each_word(text, [&](const core::Word& word) { words.add(doc, word, is_title, ++position); });
    words.finish(doc);
}

const std::string kTitle = "Лавров встретился с Лавровым";
const std::string kBody =
    "Сергей Лавров заявил, что Лаврова ждут. Стали говорить о санкциях: санкции, санкциями, стали. "
    "Лавров повторил: «Санкции не помогут». Вертинская и Вертинской, Москва и Москвы, МИД и мид.";

}  // namespace

TEST_CASE("an article's words give the terms, wdfs and positions of adding every term at every word") {
    Xapian::Document expected;
    Xapian::termpos position = 0;
    add_word_by_word(expected, kTitle, true, position);
    add_word_by_word(expected, kBody, false, position);

    core::WordTerms words;
    Xapian::Document counted;
    position = 0;
    add_counted(words, counted, kTitle, true, position);
    add_counted(words, counted, kBody, false, position);

    CHECK(terms_of(counted) == terms_of(expected));
    CHECK(terms_of(counted).at(core::schema::kStemPrefix + Xapian::Stem("russian")("санкции")).wdf >= 3);
}

TEST_CASE("forgetting remembered words between articles changes no document") {
    core::WordTerms remembering;
    core::WordTerms forgetting(1);  // a new generation after every article
    core::WordTerms aging(8);       // words move back from the previous generation
    for (const std::string& text : {kBody, kTitle, kBody, kTitle, kBody}) {
        Xapian::Document a, b, c;
        Xapian::termpos pa = 0, pb = 0, pc = 0;
        add_counted(remembering, a, text, false, pa);
        add_counted(forgetting, b, text, false, pb);
        add_counted(aging, c, text, false, pc);
        CHECK(terms_of(a) == terms_of(b));
        CHECK(terms_of(a) == terms_of(c));
    }
}
