// Reading one article for quotations: the state shared by the passes that
// find them and by the attribution of each to its speaker.
//
// The methods are spread over four files:
//   extractor.cpp   the article's sentences and quote marks, and the
//                   quotations found so far (whom `он` refers back to);
//   speakers.cpp    who a phrase names: `министр иностранных дел Сергей
//                   Лавров`, `он`, `парламентарий`, `пресс-служба`;
//   attribution.cpp where the attribution stands: after the closing mark,
//                   before a colon, inside the quotation, `говорится в ...`;
//   passes.cpp      the passes, one for each way an article quotes.
#pragma once

#include "core/quote_marks.h"
#include "core/quotes.h"
#include "core/quotes/names.h"
#include "core/quotes/people.h"
#include "core/quotes/tokens.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace core::quotes_detail {

class Extractor {
public:
    explicit Extractor(std::string_view text);

    // ------------------------------------------------ the passes (passes.cpp) --
    // Each adds the quotations of one kind it finds and does not take words
    // an earlier pass took.

    // «...», — сказал Путин; Лавров: «...»; «Часть, — сказал он. — Часть».
    void quoted_speech();

    // A quotation over several paragraphs: `«Первый ...` / `Второй ...» — отметил
    // Оганесян`. The mark opens a quotation its paragraph does not close; the
    // closing mark of a later one (at most six) is followed by the
    // attribution, or the first paragraph holds it (`«..., – признал Роули. – ...`).
    void paragraphs_of_speech();

    // A quotation standing as a sentence of its own, with no attribution,
    // right after a sentence of the same paragraph that quotes someone
    // (`По словам Кириенко, конкурс станет «...». «Это лифт ...».`) or
    // that names one person only, as its subject (`Студент Роман Глебовски
    // праздновал ... «Я не видел ...»`): that person's words.
    void continued_speech();

    // A paragraph of direct speech: `— Мы готовы, — сказал он.`
    void dashed_speech();

    // `По словам Лаврова, ...`, `по его мнению, ...`, `по признанию
    // экс-худрука, ...` to the end of the sentence.
    void reported_speech();

    // `Как отметил депутат, ...`, `как сообщили в посольстве, ...`.
    void as_said_by();

    // `Кыргызстан продолжает ..., заявил советник посольства Манас Жолдошбеков.`
    // and `..., — заключил глава комитета.` without quote marks: the sentence
    // before a comma and a speech verb that ends it.
    void sentence_final_attribution();

    // `... . Об этом заявил Юрий Соловьёв.`: the sentence before is what
    // the speaker said.
    void about_this();

    // A short quoted fragment in reported speech: `Меркель признала, что
    // это "своего рода потеря"`, `охарактеризовал переговоры как «очень
    // сложные»`. It starts in lower case, stands after a speech verb whose
    // subject is a person, and ends the sentence (or is long enough not to
    // be a scare quote like "на полях").
    void embedded_fragments();

    // The passes find quotations out of order (`по словам` after «...»), so
    // `— отметил он` is read again, in the order of the text, once all are found.
    void resolve_references();

    // `— сказал Габриэле` where the article writes `Габриэле Тарквини`: a first
    // name given as the speaker becomes the surname that always follows it.
    void complete_first_names();

    // The quotations found, in the order they were found, less those whose
    // pronoun found no one to refer to.
    std::vector<Quotation> take_quotations();

private:
    // A speaker found by reference (`— сказал он`): the token of the
    // reference and the gender it asks for, to resolve again once every
    // quotation before it is known.
    using Reference = std::optional<std::pair<std::size_t, Gender>>;

    // Where a quotation opened by a quote mark stands, in bytes.
    struct QuotedSpan {
        std::size_t open = 0;    // the opening mark
        std::size_t inside = 0;  // just past it
        std::size_t close = 0;   // the closing mark
        std::size_t after = 0;   // just past that
    };

    std::string_view text;
    std::vector<Token> tokens;
    KnownPersons known;
    std::vector<Mention> mentions;  // outside quote marks, in order
    std::vector<bool> quoted;       // per token: inside quote marks
    std::vector<Quotation> out;     // the quotations found so far
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // byte ranges already quoted
    std::vector<std::size_t> byte_begin;                     // of each quotation in `out`
    std::vector<Reference> references;                       // of each quotation in `out`
    // Of each quotation in `out`: attributed to a pronoun with no antecedent
    // yet (`По словам X, ...` may be found by a later pass); kept only if
    // resolve_references finds one.
    std::vector<bool> pending;
    // The title words of each bare role a quotation was attributed by
    // (`— продолжил парламентарий`), by the role's token, asked again by
    // resolve_references.
    std::map<std::size_t, std::vector<std::string>> role_references;
    std::vector<std::size_t> paragraph_breaks;               // bytes of the line breaks that end a paragraph
    Reference reference;                   // of the attribution being read
    bool named_directly = false;           // the attribution being read names its speaker
    Gender verb_gender = Gender::unknown;  // what the verb of the attribution asks for

    // ------------------------------- the text and its quotations (extractor.cpp) --

    // `Замдиректора Центра Фаридун Усмонов отметил ... — сказал эксперт`:
    // between the last mention of `person` and token `reference` stand two
    // capitalised words that read as the name of someone we do not know (no
    // first name of ours); the reference may be theirs.
    bool someone_unread_between(const Person& person, std::size_t reference) const;

    // `Источник «Медузы» в компании сказал, что ... «...», — добавил он`:
    // between token `from` and token `reference` someone unnamed is the
    // subject of a verb of speech; the reference is theirs.
    bool unnamed_speaker_between(std::size_t from, std::size_t reference) const;

    // Whether the name at tokens[name_begin, name_end] is joined to another
    // by `и` (`Хиллари Клинтон и Дональд Трамп`, `Путин и Меркель`).
    bool coordinated(std::size_t name_begin, std::size_t name_end) const;

    // Fills `paragraph_breaks`.
    void find_paragraph_breaks();

    // How many paragraphs stand before byte `byte`.
    std::size_t paragraph_of(std::size_t byte) const;

    // Code points of the text before byte `byte` (Quotation's offsets).
    std::size_t chars_before(std::size_t byte) const;

    // Whether bytes [begin, end) overlap a quotation already found.
    bool overlaps(std::size_t begin, std::size_t end) const;

    // Tokens starting in bytes [begin, end).
    std::size_t word_count(std::size_t begin, std::size_t end) const;

    // Whether a period or other mark at `at`, followed by a space, ends a
    // sentence: not after an abbreviation (`10-15 тыс. рублей`), where a
    // lower-case word follows.
    bool ends_sentence_at(std::size_t at) const;

    // Where the sentence holding `byte` ends (., !, ?, newline), exclusive.
    std::size_t sentence_end(std::size_t byte) const;

    // Where the sentence holding `byte` starts: after a newline, or at the
    // space after the mark that ends the sentence before.
    std::size_t sentence_start(std::size_t byte) const;

    // Where the subject of the sentence holding byte `at` may stand: after
    // the sentence start and after any quotation closed before `at`.
    std::size_t subject_start(std::size_t at) const;

    // Where the attribution after byte `from` ends: the end of its sentence,
    // or of a short line after it when a line break cuts the sentence (RT's
    // links: `— заявил секретарь СНБО` / `Александр Турчинов` / `Однако ...`).
    std::size_t phrase_end(std::size_t from_byte) const;

    // Tokens of the speaker phrase after byte `from`: up to the end of the
    // sentence or clause. Quoted names inside it (`представитель
    // «министерства обороны» ДНР`) do not end it.
    std::size_t phrase_end_token(std::size_t from_byte) const;

    // Bytes of `, —`, `, –` or `, -` at `at`, or 0.
    std::size_t comma_and_dash_at(std::size_t at) const;

    // Whether the character before byte `at` is a letter or digit
    // (`меры"`: a mark after a word closes).
    bool after_letter(std::size_t at) const;

    // An opening mark stands before a word, after a space, a bracket or
    // another mark (`«„`, `—«`), not after a letter.
    bool opens_at_word_start(std::size_t at, std::size_t size) const;

    // Where the quotation opened at `at` by `pair` closes, within its
    // paragraph, or npos. A straight quote left open by nested straight
    // quotes (`"Я "за" ... "жмутся", - заметил он`) closes at the mark
    // followed by the attribution.
    std::size_t closing_of(std::size_t at, const QuotePair& pair, std::size_t& closer_size) const;

    // The quotation whose opening mark stands at `at`, closed within its
    // paragraph; none when no mark opens there or none closes it.
    std::optional<QuotedSpan> quoted_span_at(std::size_t at) const;

    // Fills `quoted`: which tokens stand inside quote marks.
    void mark_quoted_tokens();

    // quoted_span_at, with `inside` and `close` past the spaces inside the
    // marks: `« Мы создали ... »`.
    std::optional<QuotedSpan> quoted_words_at(std::size_t at) const;

    // After a closing mark: the end of the sentence, or `и «...»` going on.
    bool ends_sentence(std::size_t after) const;

    // Keeps `quote`, the words at bytes [begin, end), with the reference
    // its speaker was found by, if any.
    void add(Quotation quote, std::size_t begin, std::size_t end);

    // Whether `quote`, being read, names no one yet but a pronoun whose
    // antecedent resolve_references will look for.
    bool awaits_antecedent(const Quotation& quote) const {
        return reference && quote.speaker.empty() && quote.speaker_title.empty();
    }

    // Gives `quote` the speaker `person`, or none.
    void set_speaker(Quotation& quote, const Person& person) const;
    static void clear_speaker(Quotation& quote);

    // The speaker of an attributed quotation, with what the article tells of them.
    Person person_of(const Quotation& quote) const;

    // The person a pronoun or a role word before token `at` refers to: the
    // speaker of the last quotation or the last person named as a subject
    // (in the nominative, outside quotations), whichever comes nearer, of
    // the `wanted` gender. `Путин встретился с Меркель. «...», — сказала она`
    // is Меркель's.
    // `self`, when given, is the quotation being attributed: the people named
    // inside its words (`Майкл Джексон совершил переворот, считает маэстро`)
    // are not who said them.
    std::optional<Person> previous_speaker(std::size_t at, Gender wanted = Gender::unknown,
                                           std::size_t self = std::string_view::npos) const;

    // ------------------------------------- who a phrase names (speakers.cpp) --

    // The speaker named by tokens[from, to), the words after a speech verb
    // (`министр иностранных дел Сергей Лавров`) or before a colon.
    bool attribute(Quotation& quote, std::size_t from, std::size_t to, bool nominative, bool first_position);

    // The words of tokens[from, to), at most kMaxTitleWords, appended to the
    // speaker's title: `глава Комитета СФ`, `в посольстве КР`.
    void add_title_words(Quotation& quote, std::size_t from, std::size_t to) const;

    // `он`, `она`; `его`/`ее` alone (`по его словам`, `приводит его
    // «Росбалт»`), not as a possessive (`ее гендиректор Максим Орлов`).
    bool is_personal_pronoun_phrase(std::size_t from, std::size_t to) const;

    // `— сказал он`, `по ее словам`.
    bool attribute_to_antecedent(Quotation& quote, std::size_t pronoun);

    // How surely a run of capitalised words tokens[begin, end) names a
    // person: a surname the article shows to be a person's, a first name in
    // it, a surname suffix, or a bare word right after the verb (`сказал
    // Шойгу`). 0: not a person (`Комитета`, `Президент` opening a sentence,
    // `с Владиславом Сурковым` where the speaker stands in the nominative).
    int person_score(std::size_t begin, std::size_t end, bool first_position, bool nominative, std::string& first_name) const;

    // `Трубецкой`: the word is the nominative of a person the article names
    // in full (`Андрей Трубецкой`), whatever its ending suggests.
    bool is_known_nominative(const Token& word) const;

    // Whether tokens[at] opens a sentence: not after a line broken inside
    // one (a word in lower case, no mark, one line break).
    bool opens_sentence(std::size_t at) const;

    // `комиссар Озогуз`: token `at` is a surname standing alone after a title.
    bool surname_after_title(std::size_t at) const;

    // `Пашиняну`, `Захаровой`: a known person's surname in a form other than
    // its nominative, in the dative or the instrumental (or a woman's
    // genitive): not the subject of a verb.
    bool in_dative_or_instrumental(const Token& word) const;

    // person_score before the dictionary is asked whether a single word is
    // a common word or a place (`Однако`, `Афины`).
    int name_score(std::size_t begin, std::size_t end, bool first_position, bool nominative, std::string& first_name) const;

    // The person named in tokens[from, to): the run of capitalised words that
    // reads most surely as a name. `nominative` says the phrase names them in
    // the nominative (`сказал Лавров`) rather than another case (`по словам Лаврова`).
    std::optional<Person> find_person(std::size_t from, std::size_t to, bool nominative, bool first_position) const;

    // `кандидата Григория Явлинского Елена Морозова`: a first name in the
    // nominative at token `at`, after a word that is no first name, opens a
    // second name; the run before it is someone else's, in the genitive, or
    // no name (`Вечером Ирина Соколова`).
    bool starts_second_name(std::size_t at) const;

    // `МГУ им. М.В. Ломоносова`, `Института имени Пушкина`: the name opening
    // at token `name_begin` is whom a body is named after, no speaker.
    bool names_eponym(std::size_t name_begin) const;

    // `Хамиш де Бреттон-Гордон`, `Урсула фон дер Ляйен`: a lowercase particle
    // at token `at` inside a name, before a capitalised word (before `to`).
    bool name_particle_at(std::size_t at, std::size_t to) const;

    // The person whose surname is token `surname`: the known one, or one made
    // from the word itself and the `first_name` before it.
    Person person_named_by(std::size_t surname, const std::string& first_name, bool nominative) const;

    // The person a title (`министр`, `глава Комитета СФ`) or a bare role
    // word (`парламентарий`) in tokens[from, to) refers to.
    std::optional<Person> person_with_title(std::size_t from, std::size_t to, bool nominative);

    // `собеседник RT`, `эксперт`, `топ-менеджер` alone (core/data/referring_roles.txt).
    bool is_referring_role(std::size_t from, std::size_t to) const;

    // A short title in lower case (`парламентарий`, `российский лидер`),
    // naming no one and no organisation.
    bool is_role_phrase(std::size_t from, std::size_t to, bool nominative) const;

    // Whether the article gives a word of the role to someone it names in a
    // way we cannot read (`Патриарх Московский и всея Руси Кирилл`): then
    // `— заявил патриарх` may be that one, and the speaker stays unknown.
    bool role_names_someone_else(const std::string& role_head, std::size_t before) const;

    // Whether the article titles `person` with another country's or body's
    // adjective than `title_words` have (`итальянского` for `российского`).
    bool titled_otherwise(const Person& person, const std::vector<std::string>& title_words) const;

    // Whether the article gives `person` a role (core/data/person_roles.txt)
    // and never the one `title_words` name: `— сказал госсекретарь` is not
    // the words of the `глава МИД` quoted before, while `— сказал министр` is.
    bool titled_as_other_role(const Person& person, const std::vector<std::string>& title_words) const;

    // `пресс-служба президента`, `посольство КР`: a body, not a person, even
    // when a person's name follows in the genitive.
    // `РАЭК`, `ФАС`: an abbreviation alone is a body too.
    bool names_a_body(std::size_t from, std::size_t to) const;

    // `изданию`, `агентству`, `газете`: a medium told the words, in the dative.
    bool is_dative_medium(const Token& word) const;

    // `агентства`, `издания`: a medium in the genitive (`собеседник агентства`).
    bool is_genitive_medium(const Token& word) const;

    // Whether a quotation found before token `token` is the words of `person`.
    bool quoted_before(const Person& person, std::size_t token) const;

    // `представитель компании`, `источник`: tokens[from, to) name someone
    // new whom the article does not name.
    bool names_unnamed_speaker(std::size_t from, std::size_t to) const;

    // `в интервью Fox глава ведомства Джон Керри`, `на брифинге вице-премьер`:
    // where and how, before the speaker.
    std::size_t skip_adverbial(std::size_t from, std::size_t to) const;

    // The title proper: up to a preposition after its first word
    // (`глава государства к членам правительства`).
    std::size_t title_end_token(std::size_t from, std::size_t to) const;

    // The head of a title: its first word that is no adjective
    // (`японского чиновника`, `главы либерал-демократов`).
    std::size_t head_of(std::size_t from, std::size_t to) const;

    // The words of a medium after `цитирует`: `РБК`, `«Росбалт»`,
    // `Лента.ру`, `РИА Новости`. Returns the first token after them.
    std::size_t skip_medium(std::size_t i, std::size_t last) const;

    // How many tokens from `i` spell one of `agencies` (`РИА Новости`), or 0.
    std::size_t agency_words_at(std::size_t i, const std::vector<std::string>& agencies) const;

    // ------------------------- where the attribution stands (attribution.cpp) --

    // After the closing mark: `, — сказал Путин`, `, — Путин сказал`, or
    // without the dash `", заявил Шувалов`.
    bool attribute_after(Quotation& quote, std::size_t after);

    // The speaker after a speech verb at token `verb`, up to token `last`.
    // `сказала` asks for a woman; `заявили` for no one person.
    bool attribute_after_verb(Quotation& quote, std::size_t verb, std::size_t last);

    // The person named in apposition after the comma before token `after`:
    // `, генерал-лейтенант Бен Ходжес` ending the sentence; none when no
    // first name and surname close it.
    std::optional<Person> name_in_apposition(std::size_t after) const;

    // Before the opening mark: `Лавров: «...»`, `Глава МИД заявил: «...»`.
    bool attribute_before(Quotation& quote, std::size_t open);

    // A colon clause without a speech verb that reports someone's words:
    // `По словам X, ...:`, `комментарии экс-главы РУСАДА Николая Дурманова:`.
    bool attribute_to_words_of(Quotation& quote, std::size_t first, std::size_t last);

    // The start of a colon clause: its sentence, or the quotation it stands
    // in (`«Антон Красовский: «Я гей...»»`, a title of an article).
    std::size_t clause_start(std::size_t colon) const;

    // The person whose first name and surname are the last words before
    // token `end`, or none (a surname alone, a title, a place).
    std::optional<Person> full_name_ending_at(std::size_t end) const;

    // `Юрий Любимов о предложении вернуться: "..."`: a headline naming the
    // speaker and the topic. Returns the token of `о`, or `last`.
    std::size_t headline_topic(std::size_t first, std::size_t last) const;

    // `Например, исследовательница говорит:`: without a name, the subject is
    // sought in the clause of the verb, after the last comma before it.
    std::size_t clause_after_last_comma(std::size_t first, std::size_t verb) const;

    // `говорится в статье Лапина`, `в заявлении МИД Украины`: tokens[in, last)
    // open with `в` and the document; its author or source follows in the
    // genitive. True when a person or a named source is given.
    bool attribute_to_document(Quotation& quote, std::size_t in, std::size_t last);

    // `..., говорится в статье.` with no author named: the person quoted or
    // named as a subject just before, whose text the article discusses.
    bool attribute_to_author_discussed(Quotation& quote, std::size_t document);

    // «Часть первая, — сказал Путин. — Часть вторая»: the attribution inside.
    bool split_inside(Quotation& quote, std::size_t inside, std::size_t close);

    // The speaker of a quoted fragment opened at byte `open`: the subject
    // (a pronoun or a name) of the speech verb before it in its sentence.
    bool attribute_fragment(Quotation& quote, std::size_t open);

    // The first speech verb (or one of proposing or naming) among tokens[from, last), or `last`.
    std::size_t fragment_verb(std::size_t from, std::size_t last) const;

    // The speaker of a fragment after tokens[verb]: the pronoun, the person or
    // the title (pointing back) that is its subject among tokens[first, verb).
    // A title is read only when `title` (the first verb's subject).
    bool attribute_to_subject(Quotation& quote, std::size_t first, std::size_t verb, bool title);

    // Whether tokens[from, to) give a person's role of the table
    // (person_roles.txt), or are one referring role word alone (`эксперт`).
    bool names_known_role(std::size_t from, std::size_t to) const;

    // Whether the verb at tokens[verb] is plural or neuter: said by several, or by a body.
    bool has_body_subject(std::size_t verb) const;

    // A pronoun or a name among tokens[from, verb), or `verb`.
    std::size_t subject_before_verb(std::size_t from, std::size_t verb) const;

    // ------------------------------------------ helpers of the passes (passes.cpp) --

    // The quotation opened by `pair` at byte `open` and closed in a later
    // paragraph, attributed, with its byte range.
    std::optional<std::pair<Quotation, std::pair<std::size_t, std::size_t>>> quotation_over_paragraphs(std::size_t open,
                                                                                                   const QuotePair& pair);

    // Whether `pair` opens a quotation in bytes [begin, end).
    bool has_opening_between(std::size_t begin, std::size_t end, const QuotePair& pair) const;

    // Keeps bytes [inside, close) as words of the speaker of a quotation
    // found in bytes [begin, end), if there is one with a speaker among the
    // first `attributed` of `out`.
    bool continue_quotation_in(std::size_t begin, std::size_t end, std::size_t inside, std::size_t close, std::size_t attributed);

    // A quotation making a paragraph of its own, at bytes [inside, close), the
    // paragraph starting at `line_start`: `Историк Василий Зверев полагает, что
    // ... .` / `«Французы помнят эту битву ...».`. The last sentence of the
    // paragraph before names one person as its subject, before a verb of
    // speech, and holds no quotation of its own: that person's words.
    // The paragraph before may also end in one person's reported words
    // (`По словам X, ... .`), found among the first `attributed` of `out`.
    void continue_after_paragraph(std::size_t line_start, std::size_t inside, std::size_t close, std::size_t after,
                                  std::size_t attributed);

    // The byte of the first verb of speech in a finite form in bytes
    // [begin, end), or `end`.
    std::size_t first_finite_speech_verb(std::size_t begin, std::size_t end) const;

    // Whether someone's words stand in quote marks in bytes [begin, end):
    // not a short name (`«Адмирал Кузнецов»`, `«Единая Россия»`).
    bool has_quoted_words(std::size_t begin, std::size_t end) const;

    // The one person named in bytes [begin, end), as the subject; none when
    // no one or several are.
    std::optional<Person> only_person_named_in(std::size_t begin, std::size_t end) const;

    // only_person_named_in, but people named after byte `verb` in another
    // case than the nominative do not count.
    std::optional<Person> only_subject_named_in(std::size_t begin, std::size_t end, std::size_t verb) const;

    // The words reported after an attribution (`по словам Лаврова, ...`): from
    // its comma to the end of the sentence. `comma` is that comma's byte.
    struct ReportedWords {
        std::size_t comma = 0, inside = 0, end = 0;
    };

    // The words after the first comma past byte `from`, in the sentence of
    // `from`, up to its end; none when there are too few or they are taken.
    std::optional<ReportedWords> reported_words_after(std::size_t from) const;

    // `По мнению эксперта FOX, генерала Джека Кина, ...`, `Как отметил глава
    // комитета, Андрей Клишас, ...`: a name between commas after the
    // attribution belongs to it; `words` then start after it. False when too
    // few words are left.
    bool extend_over_appositive(ReportedWords& words) const;

    // Whether what follows an attribution at token `end_token` still belongs
    // to it: the sentence ends, or a source follows (`, передает РИА
    // Новости`), not a clause of its own (`, что ...`).
    bool attribution_closes_sentence(std::size_t end_token) const;

    // `..., сообщил о проведении торгов`: the verb goes on to its topic; the
    // words before the comma are not what was said.
    bool takes_a_topic(std::size_t after_verb) const;

    // `Такое заявление сделал X`, `С таким заявлением выступил X` opening at
    // token `i`: the token of its verb, or 0.
    std::size_t statement_verb_at(std::size_t i) const;

    // `Кандидат ... заявил, что ...`: the sentence reports speech itself and
    // is no statement `Об этом` could refer to.
    bool has_speech_verb(std::size_t begin, std::size_t end) const;

    // `в рамках "большой двадцатки"`, `на "полях"`: a preposition within two
    // words before the mark makes the quoted words a name, not speech.
    bool after_preposition(std::size_t first_inside) const;

    // `"на полях"`, `«в целом»`: two words opening with a preposition are a
    // set phrase in quote marks, not someone's words.
    bool is_set_phrase(std::size_t first, std::size_t close) const;
};

}  // namespace core::quotes_detail
