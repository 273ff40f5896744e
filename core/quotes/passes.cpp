// Extractor: the passes, one for each way an article quotes someone.
#include "core/quotes/extractor.h"

#include "core/stopwords.h"
#include "core/text.h"
#include "core/quotes/words.h"

#include <optional>

namespace core::quotes_detail {
namespace {

constexpr std::size_t kMinQuoteWords = 3;

// The first byte of `"`, `«` (C2 AB), `„` and `“` (E2 80 ..): the only bytes
// where a quote mark can open, checked before the dearer quote_opening_at.
bool may_open_quote(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte == '"' || byte == 0xC2 || byte == 0xE2;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

}  // namespace

void Extractor::quoted_speech() {
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (!may_open_quote(text[at])) continue;
        const std::optional<QuotedSpan> span = quoted_words_at(at);
        if (!span) continue;
        const auto& [open, inside, close, after] = *span;
        bool attributed = false;
        if (word_count(inside, close) >= kMinQuoteWords) {
            Quotation quote;
            quote.text = std::string(text.substr(inside, close - inside));
            attributed = split_inside(quote, inside, close) || attribute_after(quote, after);
            // `комментарии Николая Дурманова:` / `«...» — заявил он`: a pronoun
            // with no antecedent yet yields to a colon introduction naming someone.
            if (!attributed || awaits_antecedent(quote)) {
                const Reference after_reference = reference;
                Quotation introduced = quote;
                reference.reset();
                if (attribute_before(introduced, open) && (!attributed || !introduced.speaker.empty())) {
                    quote = std::move(introduced);
                    attributed = true;
                } else {
                    reference = after_reference;
                }
            }
            if (attributed) add(std::move(quote), inside, close);
        }
        // A quotation nobody is said to have spoken may hold one that is
        // (`«Антон Красовский: «Я гей...»»`, the title of an article).
        at = attributed ? after - 1 : inside - 1;
    }
}

void Extractor::paragraphs_of_speech() {
    for (std::size_t open = 0; open < text.size(); ++open) {
        if (!may_open_quote(text[open])) continue;
        const QuotePair* pair = quote_opening_at(text, open, false);
        if (!pair || pair->open == "\"" || !opens_at_word_start(open, pair->open.size()) ||
            overlaps(open + pair->open.size(), open + pair->open.size() + 1) || quoted_words_at(open)) {
            continue;
        }
        if (auto quote = quotation_over_paragraphs(open, *pair)) {
            const auto [inside, close] = quote->second;
            add(std::move(quote->first), inside, close);
            open = close;
        }
    }
}

std::optional<std::pair<Quotation, std::pair<std::size_t, std::size_t>>> Extractor::quotation_over_paragraphs(std::size_t open,
                                                                                                            const QuotePair& pair) {
    constexpr int kMaxParagraphs = 6;
    const std::size_t inside = open + pair.open.size();
    std::size_t line_end = text.find('\n', inside);
    for (int paragraphs = 1; paragraphs < kMaxParagraphs && line_end != std::string_view::npos; ++paragraphs) {
        const std::size_t line = line_end + 1;
        line_end = text.find('\n', line);
        const std::size_t end = line_end == std::string_view::npos ? text.size() : line_end;
        // The closing mark of the last paragraph, the attribution after it.
        for (std::string_view closer : pair.close) {
            if (closer.empty()) continue;
            for (std::size_t close = text.find(closer, line); close < end; close = text.find(closer, close + 1)) {
                if (overlaps(inside, close)) return std::nullopt;
                Quotation quote;
                quote.text = std::string(text.substr(inside, close - inside));
                if (word_count(inside, close) >= kMinQuoteWords && attribute_after(quote, close + closer.size())) {
                    return std::make_pair(std::move(quote), std::make_pair(inside, close));
                }
                reference.reset();
                // `«Печально, – признал Джефф Роули. – ...` / `... двери».`: the
                // attribution inside the first paragraph.
                Quotation split;
                if (!has_opening_between(inside, close, pair) && split_inside(split, inside, close)) {
                    return std::make_pair(std::move(split), std::make_pair(inside, close));
                }
                reference.reset();
            }
        }
    }
    return std::nullopt;
}

bool Extractor::has_opening_between(std::size_t begin, std::size_t end, const QuotePair& pair) const {
    for (std::size_t at = text.find(pair.open, begin); at < end; at = text.find(pair.open, at + 1)) {
        if (opens_at_word_start(at, pair.open.size())) return true;
    }
    return false;
}

void Extractor::continued_speech() {
    // Only quotations attributed outright are continued: `«А что у вас ...?».
    // «Нет, ...!»` is a dialogue, not one speaker going on.
    const std::size_t attributed = out.size();
    for (std::size_t at = 0; at < text.size(); ++at) {
        // Most quotations are found by now: their marks are passed over before
        // the dearer search for the closing mark.
        if (!may_open_quote(text[at])) continue;
        const QuotePair* pair = quote_opening_at(text, at, false);
        if (!pair || overlaps(at + pair->open.size(), at + pair->open.size() + 1)) continue;
        const std::optional<QuotedSpan> span = quoted_words_at(at);
        if (!span) continue;
        const auto& [open, inside, close, after] = *span;
        at = after - 1;
        if (word_count(inside, close) < kMinQuoteWords || overlaps(inside, close) || !ends_sentence(after)) continue;
        std::size_t start = sentence_start(open);
        while (start < open && text[start] == ' ') ++start;
        if (start != open) continue;
        // The sentence before, in the same paragraph.
        std::size_t before = open;
        while (before > 0 && text[before - 1] == ' ') --before;
        if (before == 0) continue;
        if (text[before - 1] == '\n') {
            continue_after_paragraph(before, inside, close, after, attributed);
            continue;
        }
        const std::size_t previous = sentence_start(before - 1);
        if (continue_quotation_in(previous, before, inside, close, attributed)) continue;
        if (const auto person = only_person_named_in(previous, before)) {
            Quotation quote;
            quote.text = std::string(text.substr(inside, close - inside));
            set_speaker(quote, *person);
            add(std::move(quote), inside, close);
        }
    }
}

void Extractor::continue_after_paragraph(std::size_t line_start, std::size_t inside, std::size_t close, std::size_t after,
                                         std::size_t attributed) {
    // A sentence of its own: a subheading (`«Трампу не дадут стать
    // президентом»` on a line with no period) is no one's words here.
    std::size_t end = after;
    while (end < text.size() && text[end] == ' ') ++end;
    const char last = text[close - 1];
    if (!(end < text.size() && text[end] == '.') && last != '.' && last != '!' && last != '?') return;
    // The last sentence of the paragraph before reports one person's speech.
    std::size_t before = line_start;
    while (before > 0 && (text[before - 1] == '\n' || text[before - 1] == ' ')) --before;
    if (before == 0 || text[before - 1] == ':' || text[before - 1] == '?') return;
    const std::size_t previous = sentence_start(before - 1);
    if (has_quoted_words(previous, before)) return;
    // `По словам Юрия Вервекина, ... .` / `«Например, ...»`: one person's
    // reported words end the paragraph before.
    if (continue_quotation_in(previous, before, inside, close, attributed)) return;
    const std::size_t verb = first_finite_speech_verb(previous, before);
    if (verb >= before) return;
    // `Василий Зверев полагает, что ...`: the person stands before the verb.
    // (`..., заключил главред WikiLeaks` names the speaker after it.) Others
    // named after the verb in another case (`и оценил выход Романа Зобнина`)
    // are what the speaker spoke of.
    if (const auto person = only_subject_named_in(previous, before, verb); person && tokens[person->token].begin < verb) {
        Quotation quote;
        quote.text = std::string(text.substr(inside, close - inside));
        set_speaker(quote, *person);
        add(std::move(quote), inside, close);
    }
}

std::size_t Extractor::first_finite_speech_verb(std::size_t begin, std::size_t end) const {
    for (std::size_t i = token_at(tokens, begin); i < tokens.size() && tokens[i].begin < end; ++i) {
        if (is_finite_speech_verb(tokens[i].normalized) && !tokens[i].capitalized) return tokens[i].begin;
    }
    return end;
}

bool Extractor::has_quoted_words(std::size_t begin, std::size_t end) const {
    constexpr std::size_t kMaxNameWords = 3;
    for (std::size_t at = begin; at < end; ++at) {
        if (!may_open_quote(text[at]) || !quote_opening_at(text, at, false)) continue;
        const std::optional<QuotedSpan> span = quoted_words_at(at);
        if (!span) return true;
        const std::size_t first = token_at(tokens, span->inside);
        if (word_count(span->inside, span->close) > kMaxNameWords || first >= tokens.size() || !tokens[first].capitalized) return true;
        at = span->after - 1;
    }
    return false;
}

bool Extractor::continue_quotation_in(std::size_t begin, std::size_t end, std::size_t inside, std::size_t close,
                                      std::size_t attributed) {
    for (std::size_t i = attributed; i-- > 0;) {
        if (byte_begin[i] < begin || byte_begin[i] >= end || out[i].speaker.empty()) continue;
        Quotation quote;
        quote.text = std::string(text.substr(inside, close - inside));
        quote.speaker = out[i].speaker;
        quote.speaker_full = out[i].speaker_full;
        quote.speaker_title = out[i].speaker_title;
        reference = references[i];
        add(std::move(quote), inside, close);
        return true;
    }
    return false;
}

std::optional<Person> Extractor::only_person_named_in(std::size_t begin, std::size_t end) const {
    std::optional<Person> subject;
    for (const Mention& m : mentions) {
        const std::size_t at = tokens[m.person.token].begin;
        if (at < begin || at >= end) continue;
        if (subject && subject->surname != m.person.surname) return std::nullopt;
        if (!m.subject) return std::nullopt;
        subject = m.person;
    }
    return subject;
}

std::optional<Person> Extractor::only_subject_named_in(std::size_t begin, std::size_t end, std::size_t verb) const {
    std::optional<Person> subject;
    for (const Mention& m : mentions) {
        const std::size_t at = tokens[m.person.token].begin;
        if (at < begin || at >= end || (at > verb && !m.nominative)) continue;
        if (subject && subject->surname != m.person.surname) return std::nullopt;
        if (!m.subject) return std::nullopt;
        subject = m.person;
    }
    return subject;
}

void Extractor::dashed_speech() {
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        std::size_t at = line_start;
        while (at < line_end && text[at] == ' ') ++at;
        const std::string_view line = text.substr(at, line_end - at);
        if (line.substr(0, 3) == "—" || line.substr(0, 3) == "–") {
            const std::size_t inside = at + 3;
            for (std::size_t k = inside; k + 4 < line_end; ++k) {
                if (text[k] != ',' || (text.substr(k + 2, 3) != "—" && text.substr(k + 2, 3) != "–")) continue;
                Quotation quote;
                quote.text = std::string(trim_spaces(text.substr(inside, k - inside)));
                if (word_count(inside, k) >= kMinQuoteWords && !overlaps(inside, k) && attribute_after(quote, k)) {
                    add(std::move(quote), inside, k);
                }
                break;
            }
        }
        line_start = line_end + 1;
    }
}

void Extractor::reported_speech() {
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (tokens[i].normalized != "по" || quoted[i]) continue;
        const std::string& next = tokens[i + 1].normalized;
        const bool pronoun = next == "его" || next == "ее" || next == "их";
        const std::size_t noun = pronoun ? i + 2 : i + 1;
        if (!is_reporting_noun(tokens[noun].normalized)) continue;
        const std::size_t speaker = pronoun ? i + 1 : i + 2;
        auto words = reported_words_after(tokens[noun].end);
        if (!words || (!pronoun && !extend_over_appositive(*words))) continue;
        Quotation quote;
        quote.text = std::string(text.substr(words->inside, words->end - words->inside));
        const std::size_t phrase_end = pronoun ? i + 2 : token_at(tokens, words->comma);
        if (!attribute(quote, speaker, phrase_end, false, true)) continue;
        // `по данным переписи`, `по данным Росстата`: a document or a body,
        // not a speaker, unless the article shows it is a person.
        if (!reports_words(tokens[noun].normalized) && !(named_directly && find_known(known, normalize_text(quote.speaker)))) {
            continue;
        }
        add(std::move(quote), words->inside, words->end);
    }
}

void Extractor::as_said_by() {
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (tokens[i].normalized != "как" || quoted[i] || !is_finite_speech_verb(tokens[i + 1].normalized)) continue;
        if (tokens[i + 1].begin != tokens[i].end + 1) continue;
        auto words = reported_words_after(tokens[i + 1].end);
        if (!words || !extend_over_appositive(*words)) continue;
        Quotation quote;
        quote.text = std::string(text.substr(words->inside, words->end - words->inside));
        if (attribute_after_verb(quote, i + 1, token_at(tokens, words->comma))) add(std::move(quote), words->inside, words->end);
    }
}

void Extractor::sentence_final_attribution() {
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        const std::string& verb = tokens[i].normalized;
        const bool document = is_document_verb(verb);
        if (!(is_finite_speech_verb(verb) || is_source_verb(verb) || document) || tokens[i].capitalized || quoted[i]) continue;
        const std::size_t at = skip_spaces_and_dashes_back(text, tokens[i].begin);
        if (at == 0 || text[at - 1] != ',') continue;
        const std::size_t comma = at - 1;
        const std::size_t start = sentence_start(comma);
        const std::size_t inside = start + (text[start] == ' ' ? 1 : 0);
        if (word_count(inside, comma) < kMinQuoteWords || overlaps(inside, comma)) continue;
        // A quotation in marks that makes the whole clause is found as such.
        if (quote_opening_at(text, inside, false)) continue;
        // `Об этом, в частности, рассказал X`: about the sentence before, read by about_this().
        const std::size_t opening = token_at(tokens, inside);
        if (opening + 1 < i && tokens[opening].normalized == "об" && tokens[opening + 1].normalized == "этом") continue;
        const std::size_t end_token = phrase_end_token(tokens[i].end);
        if (!attribution_closes_sentence(end_token) || takes_a_topic(i + 1)) continue;
        Quotation quote;
        quote.text = std::string(text.substr(inside, comma - inside));
        if (document ? !attribute_to_document(quote, i + 1, end_token) : !attribute_after_verb(quote, i, end_token)) continue;
        // `..., сообщает «Интерфакс»`: a medium is no speaker.
        // `..., сказал он.` with its antecedent still to be found is kept.
        if (quote.speaker.empty() && !document && !awaits_antecedent(quote) && !names_a_body(i + 1, end_token)) continue;
        add(std::move(quote), inside, comma);
    }
}

void Extractor::about_this() {
    for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
        if (!tokens[i].sentence_start || quoted[i]) continue;
        const std::size_t named_statement = statement_verb_at(i);
        if (named_statement == 0 && (tokens[i].normalized != "об" || tokens[i + 1].normalized != "этом")) continue;
        const std::size_t end_token = phrase_end_token(tokens[i].end);
        std::size_t verb = named_statement;
        if (verb == 0) {
            verb = i + 2;
            while (verb < end_token && !is_finite_speech_verb(tokens[verb].normalized) && !is_source_verb(tokens[verb].normalized)) {
                ++verb;
            }
        }
        // `Такое заявление сделал глава польской правящей...`: a linked
        // article's teaser cut short names no one we can read.
        if (named_statement != 0 && text.substr(tokens[end_token - 1].end, 3) == "...") continue;
        // `Об этом было заявлено`: no one is named. `Об этом еще Агата Кристи
        // писала`: one writes about a topic, not the words before.
        if (verb >= end_token || ends_with(tokens[verb].normalized, "но") || tokens[verb].normalized.rfind("писал", 0) == 0) {
            continue;
        }
        const std::size_t end = sentence_start(tokens[i].begin);
        if (end < 2 || text[end - 1] == '\n') continue;  // a statement in the same paragraph
        const std::size_t start = sentence_start(end - 2);
        const std::size_t inside = start + (text[start] == ' ' ? 1 : 0);
        const std::size_t stop = text[end - 1] == ' ' ? end - 1 : end;
        if (word_count(inside, stop) < kMinQuoteWords || overlaps(inside, stop) || quote_opening_at(text, inside, false) ||
            has_speech_verb(inside, stop)) {
            continue;
        }
        Quotation quote;
        quote.text = std::string(text.substr(inside, stop - inside));
        // `Об этом он заявил`; `Об этом в интервью заявил Соловьёв`.
        const std::size_t subject = subject_before_verb(i + 2, verb);
        const bool attributed = subject < verb ? attribute(quote, subject, verb, true, true)
                                               : attribute_after_verb(quote, verb, end_token);
        if (attributed && (!quote.speaker.empty() || names_a_body(verb + 1, end_token))) add(std::move(quote), inside, stop);
    }
}

std::size_t Extractor::statement_verb_at(std::size_t i) const {
    // `Такое заявление сделал X`, `Такую оценку дала X`, `С таким
    // заявлением выступил X`: a demonstrative and a noun of what was said,
    // then a verb of one person in the past tense.
    std::size_t noun = i + 1;
    const std::string& first = tokens[i].normalized;
    if (first == "с" && i + 1 < tokens.size() && (tokens[i + 1].normalized == "таким" || tokens[i + 1].normalized == "такой")) {
        ++noun;
    } else if (first != "такое" && first != "такую" && first != "подобное") {
        return 0;
    }
    if (noun + 1 >= tokens.size() || tokens[noun].sentence != tokens[i].sentence ||
        !(is_speech_noun(tokens[noun].normalized) || tokens[noun].normalized.rfind("оценк", 0) == 0 ||
          tokens[noun].normalized.rfind("прогноз", 0) == 0)) {
        return 0;
    }
    const std::string& verb = tokens[noun + 1].normalized;
    for (std::string_view stem : {"сделал", "высказал", "озвучил", "выступил", "дал"}) {
        if (verb.rfind(stem, 0) == 0 && gender_of_verb(verb) != Gender::unknown) return noun + 1;
    }
    return 0;
}

void Extractor::embedded_fragments() {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const std::optional<QuotedSpan> span = quoted_words_at(at);
        if (!span) continue;
        const auto& [open, inside, close, after] = *span;
        const std::size_t first = token_at(tokens, inside);
        if (first < tokens.size() && tokens[first].begin < close && !tokens[first].capitalized && !overlaps(inside, close) &&
            (ends_sentence(after) || word_count(inside, close) >= 4)) {
            Quotation quote;
            quote.text = std::string(text.substr(inside, close - inside));
            if (!after_preposition(first) && !is_set_phrase(first, close) && attribute_fragment(quote, open)) {
                add(std::move(quote), inside, close);
            }
        }
        at = after - 1;
    }
}

std::optional<Extractor::ReportedWords> Extractor::reported_words_after(std::size_t from) const {
    const std::size_t comma = text.find(',', from);
    if (comma == std::string_view::npos || comma >= sentence_end(from)) return std::nullopt;
    ReportedWords words{comma, comma + 1, sentence_end(comma)};
    while (words.inside < words.end && text[words.inside] == ' ') ++words.inside;
    if (word_count(words.inside, words.end) < kMinQuoteWords || overlaps(words.inside, words.end)) return std::nullopt;
    return words;
}

bool Extractor::extend_over_appositive(ReportedWords& words) const {
    constexpr std::size_t kMaxTitleWords = 3;
    std::size_t i = token_at(tokens, words.inside);
    const std::size_t title = i;
    while (i < tokens.size() && i - title < kMaxTitleWords && !tokens[i].capitalized && !is_stopword(tokens[i].normalized)) {
        // `по данным СМИ, зовут Казимбек Батыров, ...`: a verb naming someone.
        const std::string& w = tokens[i].normalized;
        if (w.rfind("зов", 0) == 0 || w.rfind("зва", 0) == 0 || is_finite_speech_verb(w)) return true;
        ++i;
    }
    const std::size_t name = i;
    bool first_name = false;
    while (i < tokens.size() && may_start_name(tokens[i]) && tokens[i].begin < words.end) {
        first_name = first_name || !first_name_nominative(tokens[i].normalized).empty();
        ++i;
    }
    // `генерала Джека Кина, ...`: a name (with a first name) and a comma.
    if (i == name || i - name > 3 || !(first_name || i - name >= 2) || i >= tokens.size()) return true;
    const std::size_t comma = text.find_first_not_of(' ', tokens[i - 1].end);
    if (comma == std::string_view::npos || comma >= words.end || text[comma] != ',') return true;
    ReportedWords rest{comma, comma + 1, words.end};
    while (rest.inside < rest.end && text[rest.inside] == ' ') ++rest.inside;
    if (word_count(rest.inside, rest.end) < kMinQuoteWords) return false;
    words = rest;
    return true;
}

bool Extractor::attribution_closes_sentence(std::size_t end_token) const {
    if (end_token >= tokens.size()) return true;
    const std::size_t after = tokens[end_token - 1].end;
    if (sentence_end(after) <= tokens[end_token].begin) return true;
    if (text[after] != ',') return true;
    const std::string& next = tokens[end_token].normalized;
    return is_source_verb(next) || is_speech_verb(next);
}

bool Extractor::takes_a_topic(std::size_t after_verb) const {
    if (after_verb >= tokens.size()) return false;
    const std::string& next = tokens[after_verb].normalized;
    return next == "о" || next == "об" || next == "про" || next == "что";
}

bool Extractor::has_speech_verb(std::size_t begin, std::size_t end) const {
    for (std::size_t i = token_at(tokens, begin); i < tokens.size() && tokens[i].begin < end; ++i) {
        if (is_speech_verb(tokens[i].normalized)) return true;
    }
    return false;
}

bool Extractor::after_preposition(std::size_t first_inside) const {
    for (std::size_t k = first_inside; k > 0 && first_inside - k < 2;) {
        --k;
        if (is_preposition(tokens[k].normalized)) return true;
    }
    return false;
}

bool Extractor::is_set_phrase(std::size_t first, std::size_t close) const {
    return is_preposition(tokens[first].normalized) && word_count(tokens[first].begin, close) <= 2;
}

}  // namespace core::quotes_detail
