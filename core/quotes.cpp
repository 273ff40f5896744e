// Quotations and their speakers: the public functions and the order of the
// passes. The work is done in core/quotes/ (see extractor.h for a map).
#include "core/quotes.h"

#include "core/quotes/extractor.h"
#include "core/quotes/names.h"
#include "core/text.h"

#include <algorithm>

namespace core {

namespace {

// No-break and thin spaces read as plain ones (`плохо,\u00A0— написал он`).
// Each is one code point either way, so the offsets of the quotations,
// counted in code points, hold for the original text.
std::string plain_spaces(std::string_view text) {
    std::string out(text);
    std::size_t w = 0;
    for (std::size_t r = 0; r < out.size();) {
        const std::string_view rest = std::string_view(out).substr(r);
        if (rest.substr(0, 2) == "\xC2\xA0") {
            out[w++] = ' ';
            r += 2;
        } else if (rest.substr(0, 3) == "\xE2\x80\x89" || rest.substr(0, 3) == "\xE2\x80\xAF") {
            out[w++] = ' ';
            r += 3;
        } else {
            out[w++] = out[r++];
        }
    }
    out.resize(w);
    return out;
}

}  // namespace

std::vector<Quotation> extract_quotations(std::string_view original) {
    const std::string text = plain_spaces(original);
    quotes_detail::Extractor extractor(text);
    extractor.quoted_speech();
    extractor.paragraphs_of_speech();
    extractor.dashed_speech();
    extractor.reported_speech();
    extractor.as_said_by();
    extractor.sentence_final_attribution();
    extractor.about_this();
    extractor.embedded_fragments();
    extractor.continued_speech();
    extractor.resolve_references();
    extractor.complete_first_names();
    std::vector<Quotation> quotations = extractor.take_quotations();
    std::sort(quotations.begin(), quotations.end(), [](const Quotation& a, const Quotation& b) { return a.begin < b.begin; });
    return quotations;
}

std::string speaker_key(std::string_view name) {
    // `Сергей Лавров` and `Лавров` are one speaker: the surname decides.
    std::string normalized;
    for_each_word(name, [&](const Word& w) { normalized = w.normalized; });
    return quotes_detail::name_key(normalized);
}

std::string citation_line(const Quotation& quote, std::string_view source, std::string_view date, std::string_view url) {
    std::string line = "«" + quote.text + "»";
    const std::string& who = !quote.speaker_full.empty() ? quote.speaker_full : quote.speaker_title;
    bool first = true;
    for (std::string_view part : {std::string_view(who), source, date, url}) {
        if (part.empty()) continue;
        line += first ? " — " : ", ";
        line += part;
        first = false;
    }
    return line;
}

}  // namespace core
