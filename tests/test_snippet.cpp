#include "core/snippet.h"
#include "core/text.h"

#include <catch2/catch.hpp>

#include <string>

using core::HighlightTerms;
using core::make_snippet;

namespace {

// Terms matching each of `words` exactly (after normalisation) and by stem.
HighlightTerms terms_for(std::initializer_list<const char*> words, core::RussianStemmer& stemmer) {
    HighlightTerms terms;
    for (const char* word : words) {
        const int topic = terms.new_topic();
        const std::string normalized = core::normalize_text(word);
        terms.add_exact(normalized, topic);
        terms.add_stem(stemmer.stem(normalized), topic);
    }
    return terms;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The snippet's text as a reader sees it: marks removed, entities kept as one character each.
std::size_t visible_length(const std::string& html) {
    std::string text;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            i = html.find('>', i);
        } else if (html[i] == '&') {
            i = html.find(';', i);
            text += '?';
        } else {
            text += html[i];
        }
    }
    return core::utf8_length(text);
}

std::string filler(int sentences) {
    std::string text;
    for (int i = 0; i < sentences; ++i) text += "Погода оставалась тёплой, а ветер дул с востока над полями. ";
    return text;
}

}  // namespace

TEST_CASE("matched words are wrapped in mark tags") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"Лавров"}, stemmer);
    const std::string snippet = make_snippet("Министр Лавров прибыл в Бишкек.", terms, stemmer);
    CHECK(snippet == "Министр <mark>Лавров</mark> прибыл в Бишкек.");
}

TEST_CASE("other forms of a matched word are marked through its stem") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"переговоры"}, stemmer);
    const std::string snippet = make_snippet("Стороны провели переговоров больше, чем ожидали.", terms, stemmer);
    CHECK(snippet.find("<mark>переговоров</mark>") != std::string::npos);
}

TEST_CASE("a script in the article text is escaped in the snippet") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"новость"}, stemmer);
    const std::string snippet =
        make_snippet("Эта новость <script>alert('x')</script> & \"кавычки\" <b>жирно</b>.", terms, stemmer);
    CHECK(snippet.find("<script>") == std::string::npos);
    CHECK(snippet.find("<b>") == std::string::npos);
    CHECK(snippet.find("&lt;script&gt;") != std::string::npos);
    CHECK(snippet.find("&amp;") != std::string::npos);
    CHECK(snippet.find("&quot;") != std::string::npos);
    CHECK(snippet.find("<mark>новость</mark>") != std::string::npos);
}

TEST_CASE("markup split around a match is escaped on both sides of the mark") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"img"}, stemmer);
    const std::string snippet = make_snippet("<img src=x onerror=alert(1)>", terms, stemmer);
    CHECK(snippet.find("<img") == std::string::npos);
    CHECK(count(snippet, "<") == count(snippet, "<mark>") + count(snippet, "</mark>"));
}

TEST_CASE("a match deep in a long text is shown with ellipses at both cuts") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"Казакбаев"}, stemmer);
    const std::string text = filler(10) + "На встрече выступил Казакбаев с докладом. " + filler(10);
    const std::string snippet = make_snippet(text, terms, stemmer);
    CHECK(snippet.rfind("…", 0) == 0);
    CHECK(snippet.size() >= 3);
    CHECK(snippet.substr(snippet.size() - 3) == "…");
    CHECK(snippet.find("<mark>Казакбаев</mark>") != std::string::npos);
}

TEST_CASE("a snippet that starts at the beginning of the text has no leading ellipsis") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"Лавров"}, stemmer);
    const std::string snippet = make_snippet("Лавров прибыл в Бишкек. " + filler(10), terms, stemmer);
    CHECK(snippet.rfind("<mark>Лавров</mark>", 0) == 0);
    CHECK(snippet.substr(snippet.size() - 3) == "…");
}

TEST_CASE("a short text is shown whole, without ellipses") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"снег"}, stemmer);
    const std::string snippet = make_snippet("Выпал снег.", terms, stemmer);
    CHECK(snippet == "Выпал <mark>снег</mark>.");
    CHECK(snippet.find("…") == std::string::npos);
}

TEST_CASE("a snippet of a long text is about 200 to 300 characters") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"Казакбаев"}, stemmer);
    const std::string text = filler(20) + "Казакбаев выступил. " + filler(20);
    const std::size_t length = visible_length(make_snippet(text, terms, stemmer));
    CHECK(length >= 200);
    CHECK(length <= 300);
}

TEST_CASE("ё in the text is matched by е in the query and the snippet keeps ё") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"елка"}, stemmer);
    const std::string snippet = make_snippet("На площади поставили ёлку и ещё одну Ёлку.", terms, stemmer);
    CHECK(snippet.find("<mark>ёлку</mark>") != std::string::npos);
    CHECK(snippet.find("<mark>Ёлку</mark>") != std::string::npos);
    CHECK(snippet.find("елк") == std::string::npos);
}

TEST_CASE("the snippet prefers the passage where more of the query's words meet") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"Лавров", "Казакбаев"}, stemmer);
    const std::string text = "Лавров упомянут в начале. " + filler(8) + "Позже Лавров и Казакбаев подписали документ. " +
                             filler(8);
    const std::string snippet = make_snippet(text, terms, stemmer);
    CHECK(snippet.find("<mark>Казакбаев</mark>") != std::string::npos);
    CHECK(snippet.find("<mark>Лавров</mark> и <mark>Казакбаев</mark>") != std::string::npos);
}

TEST_CASE("a text with no match gives its beginning, unmarked") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"Казакбаев"}, stemmer);
    const std::string snippet = make_snippet(filler(10), terms, stemmer);
    CHECK(snippet.rfind("Погода", 0) == 0);
    CHECK(snippet.find("<mark>") == std::string::npos);
}

TEST_CASE("an empty text gives an empty snippet") {
    core::RussianStemmer stemmer;
    CHECK(make_snippet("", terms_for({"снег"}, stemmer), stemmer).empty());
}

TEST_CASE("highlighting a whole article marks every match and escapes the rest") {
    core::RussianStemmer stemmer;
    const auto terms = terms_for({"снег"}, stemmer);
    const std::string html = core::highlight_all("<p>Снег.\nСнова снег & ветер.", terms, stemmer, "first-match");
    CHECK(html == "&lt;p&gt;<mark id=\"first-match\">Снег</mark>.\nСнова <mark>снег</mark> &amp; ветер.");
}
