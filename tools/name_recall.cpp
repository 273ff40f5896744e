#include "tools/name_recall.h"

#include "core/query_builder.h"
#include "core/text.h"
#include "indexer/corpus_reader.h"
#include "indexer/index_builder.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace eval {
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::set<std::string> normalized_words(const std::string& text) {
    std::set<std::string> words;
    core::for_each_word(text, [&](const core::Word& w) { words.insert(w.normalized); });
    return words;
}

std::string lowercase(const std::string& word) { return core::normalize_text(word); }

void build_plain_snowball_index(const std::string& texts_dir, const std::string& db_path) {
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("russian"));
    indexer::ReadCallbacks callbacks;
    callbacks.on_article = [&](core::Article&& article) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(article.text);
        doc.add_boolean_term("Q" + article.id);
        doc.set_data(article.id);
        db.add_document(doc);
    };
    callbacks.on_skip = [](const indexer::Skip&) {};
    indexer::read_corpus(texts_dir, callbacks);
    db.commit();
}

}  // namespace

std::vector<NameMention> load_name_mentions(const std::string& annotations_dir, const std::string& texts_dir) {
    std::vector<NameMention> mentions;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(annotations_dir)) {
        if (entry.path().extension() == ".coref") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const std::string doc_id = file.stem().string();
        const fs::path text_path = fs::path(texts_dir) / (doc_id + ".txt");
        if (!fs::exists(text_path)) continue;
        const std::set<std::string> words = normalized_words(read_all(text_path));
        std::set<std::string> seen;
        std::istringstream lines(read_all(file));
        for (std::string line; std::getline(lines, line);) {
            std::istringstream fields(line);
            std::string key, surname;
            fields >> key >> surname;
            if ((key != "lastname" && key != "lastname1") || surname.empty() || !seen.insert(surname).second) continue;
            mentions.push_back({surname, doc_id, words.count(lowercase(surname)) == 0});
        }
    }
    return mentions;
}

std::vector<std::string> ordinary_words(const std::string& texts_dir, std::size_t count) {
    std::map<std::string, std::size_t> document_frequency;
    indexer::ReadCallbacks callbacks;
    callbacks.on_article = [&](core::Article&& article) {
        std::set<std::string> words;
        core::for_each_word(article.text, [&](const core::Word& w) {
            if (!w.capitalized && !core::is_latin_word(w.normalized) && core::utf8_length(w.normalized) >= 3) {
                words.insert(w.normalized);
            }
        });
        for (const std::string& word : words) ++document_frequency[word];
    };
    callbacks.on_skip = [](const indexer::Skip&) {};
    indexer::read_corpus(texts_dir, callbacks);
    std::vector<std::pair<std::size_t, std::string>> by_frequency;
    for (const auto& [word, df] : document_frequency) by_frequency.emplace_back(df, word);
    std::sort(by_frequency.rbegin(), by_frequency.rend());
    std::vector<std::string> words;
    // Half the most common words, half spread evenly over the rest.
    for (std::size_t i = 0; i < by_frequency.size() && words.size() < count / 2; ++i) words.push_back(by_frequency[i].second);
    const std::size_t step = std::max<std::size_t>(1, by_frequency.size() / std::max<std::size_t>(1, count / 2));
    for (std::size_t i = count / 2; i < by_frequency.size() && words.size() < count; i += step) {
        words.push_back(by_frequency[i].second);
    }
    return words;
}

std::string with_typo(const std::string& surname) {
    static const icu::UnicodeString kAlphabet = icu::UnicodeString::fromUTF8("абвгдежзийклмнопрстуфхцчшщыьэюя");
    icu::UnicodeString word = icu::UnicodeString::fromUTF8(surname);
    if (word.length() < 3) return surname;
    // FNV-1a: a fixed choice per surname on every platform.
    std::uint32_t hash = 2166136261u;
    for (unsigned char c : surname) hash = (hash ^ c) * 16777619u;
    const int32_t at = 1 + static_cast<int32_t>(hash % static_cast<std::uint32_t>(word.length() - 1));
    switch ((hash >> 8) % 3) {
        case 0: {  // wrong letter
            UChar replacement = kAlphabet[static_cast<int32_t>((hash >> 12) % static_cast<std::uint32_t>(kAlphabet.length()))];
            if (replacement == word[at]) replacement = replacement == u'а' ? u'о' : u'а';
            word.setCharAt(at, replacement);
            break;
        }
        case 1:  // missing letter
            word.remove(at, 1);
            break;
        default:  // doubled letter
            word.insert(at, word[at]);
            break;
    }
    std::string out;
    word.toUTF8String(out);
    return out;
}

std::string romanized(const std::string& cyrillic) {
    UErrorCode status = U_ZERO_ERROR;
    static const std::unique_ptr<icu::Transliterator> bgn(icu::Transliterator::createInstance(
        "Russian-Latin/BGN; NFD; [:Nonspacing Mark:] Remove; [\\u00B7\\u02B9\\u02BA\\u2019] Remove; NFC", UTRANS_FORWARD,
        status));
    if (!bgn) return cyrillic;
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(cyrillic);
    bgn->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

NameRecallEvaluation::NameRecallEvaluation(const std::string& texts_dir, const std::string& work_dir, Analysis analysis)
    : db_path_(work_dir + "/index"), analysis_(analysis) {
    fs::create_directories(work_dir);
    if (analysis == Analysis::PlainSnowball) {
        build_plain_snowball_index(texts_dir, db_path_);
        return;
    }
    fs::remove_all(db_path_);
    indexer::IndexBuilder builder(db_path_);
    indexer::ReadCallbacks callbacks;
    callbacks.on_article = [&](core::Article&& article) { builder.add(article); };
    callbacks.on_skip = [](const indexer::Skip&) {};
    indexer::read_corpus(texts_dir, callbacks);
    builder.publish();
}

std::set<std::string> NameRecallEvaluation::matching_ids(const std::string& word) {
    Xapian::Database db(db_path_);
    Xapian::Query query;
    if (analysis_ == Analysis::PlainSnowball) {
        Xapian::QueryParser parser;
        parser.set_stemmer(Xapian::Stem("russian"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_database(db);
        query = parser.parse_query(word);
    } else {
        core::RussianStemmer stemmer;
        core::QueryBuilder builder(db, stemmer);
        query = builder.build(core::parse_query(word)).query;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<std::string> ids;
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string data = it.get_document().get_data();
        ids.insert(analysis_ == Analysis::PlainSnowball ? data : core::deserialize_article(data).id);
    }
    return ids;
}

RecallFigures NameRecallEvaluation::measure(const std::vector<NameMention>& mentions, Casing casing) {
    RecallFigures figures;
    std::map<std::string, std::set<std::string>> cache;
    for (const NameMention& mention : mentions) {
        const std::string query = casing == Casing::Lowercase ? lowercase(mention.surname)
                                  : casing == Casing::Latin   ? romanized(mention.surname)
                                  : casing == Casing::Typo    ? with_typo(mention.surname)
                                                              : mention.surname;
        auto found = cache.find(query);
        if (found == cache.end()) found = cache.emplace(query, matching_ids(query)).first;
        const bool hit = found->second.count(mention.doc_id) > 0;
        ++figures.pairs;
        figures.found += hit;
        if (mention.hard) {
            ++figures.hard_pairs;
            figures.hard_found += hit;
        }
        if (!hit) figures.missed.push_back(mention);
    }
    return figures;
}

}  // namespace eval
