// What single words tell the extractor: verbs of speech and of sources,
// the nouns of `по словам`, prepositions, and endings of case and part of
// speech.
#pragma once

#include <string>

namespace core::quotes_detail {

// ------------------------------------------------------------- verbs --

// A form of a verb of speech (`заявил`, `считает`, `заявление`): its stem
// is in core/data/speech_verbs.txt.
bool is_speech_verb(const std::string& normalized);

// `заявил`, `заявила`, `считает`, `говорят`, `уверен`: endings of a
// finite verb (or short participle), not of a noun (`заявлением`).
bool has_verb_ending(const std::string& normalized);

// `назвал встречу «хорошей»`, `охарактеризовал переговоры как «сложные»`.
bool is_characterising_verb(const std::string& normalized);

// A speech verb as a finite verb (`заявил`, `считает`), not a gerund or
// participle (`считая`, `отметив`, `считающий`, `заявлено`), which does
// not attribute the words before it.
bool is_finite_speech_verb(const std::string& normalized);

// `предложил`, `разместила` (core/data/introducing_verbs.txt): a verb that
// introduces words before a colon, and only there.
bool is_introducing_verb(const std::string& normalized);

// `отвечая`, `выступая`, `отметив`, `улыбнувшись`: a gerund, opening a
// clause of its own between commas.
bool is_gerund(const std::string& normalized);

// `заявили`, `считают`, `говорят`: said by several.
bool is_plural_verb(const std::string& normalized);

// `заявило`, `сообщалось`: a neuter past verb, whose subject is a body or
// no one (`сообщило министерство`), never a person.
bool is_neuter_past(const std::string& normalized);

// Verbs that name a medium rather than a speaker: `, пишет NEWSru.com`,
// `Об этом сообщает пресс-служба`.
bool is_source_verb(const std::string& normalized);

// A verb whose object is the speaker: `— цитирует РБК режиссера`,
// `— приводит его «Росбалт»`.
bool quotes_its_object(const std::string& verb);

// `говорится`, `сообщается`: a document speaks (`говорится в статье`).
bool is_document_verb(const std::string& normalized);

// `статье`, `книге`: a text with an author, whom `говорится в статье` with
// no author named refers to.
bool is_authored_text(const std::string& normalized);

// ------------------------------------------------------------- nouns --

// Words after `по` that report what someone said: `По словам Лаврова, ...`,
// `по его мнению, ...`, `по данным министерства, ...`.
bool is_reporting_noun(const std::string& normalized);

// `комментарии`, `заявление`, `слова`, `ответ`: a noun for what someone said
// (core/data/speech_nouns.txt).
bool is_speech_noun(const std::string& normalized);

// `по словам`, `по мнению`, `по подсчетам автора` report someone's words;
// `по данным`, `по информации`, `по сведениям` often name a document or a
// body (`по данным переписи`, `по данным прессы`), so they count only with
// a person named outright.
bool reports_words(const std::string& noun);

// ----------------------------------------------------- other words --

// `в`, `на`, `по`, `о` ...: a preposition that opens a phrase of place,
// time or topic.
bool is_preposition(const std::string& normalized);

// `он`, `она`: a pronoun that is the subject of its clause.
bool is_he_or_she(const std::string& normalized);

// A word of core/data/unnamed_speakers.txt (`представитель`, `источник`)
// opening `normalized`: someone the article does not name.
bool is_unnamed_speaker_word(const std::string& normalized);

// ----------------------------------------------------------- endings --

bool ends_like_oblique_noun(const std::string& normalized);

bool looks_adjectival(const std::string& normalized);

// `России`, `Украины`, `Москвы`: feminine genitives, the case of places and
// bodies; a man's surname in the genitive ends in -а/-я instead, a woman's
// in -ой (`Ивановой`).
bool looks_like_place_genitive(const std::string& normalized);

// After `цитирует` or `по словам` a person stands in the genitive or
// accusative (`режиссера`, `главы`, `автора`), a thing often not
// (`поручение`, `год`).
bool looks_like_person_in_oblique_case(const std::string& head);

}  // namespace core::quotes_detail
