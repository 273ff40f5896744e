// Data files from core/data, compiled into the library (see cmake/embed_file.cmake).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core::data {

extern const char* const kAgencies;      // agencies.txt
extern const char* const kFirstNames;    // first_names.txt
extern const char* const kSpeechVerbs;   // speech_verbs.txt
extern const char* const kStopwords;     // stopwords.txt
extern const char* const kSynonyms;      // synonyms.txt
extern const char* const kTransliteration;  // transliteration.txt
extern const char* const kReportingNouns;   // reporting_nouns.txt
extern const char* const kSourceVerbs;      // source_verbs.txt
extern const char* const kSpeakerBodies;    // speaker_bodies.txt
extern const char* const kUnnamedSpeakers;  // unnamed_speakers.txt
extern const char* const kEastAsianSurnames;  // east_asian_surnames.txt
extern const char* const kDocumentVerbs;     // document_verbs.txt
extern const char* const kAuthoredTexts;     // authored_texts.txt
extern const char* const kSpeechNouns;       // speech_nouns.txt
extern const char* const kReferringRoles;    // referring_roles.txt
extern const char* const kNumberWords;       // number_words.txt
extern const char* const kCommonWordPairs;   // common_word_pairs.txt
extern const char* const kIntroducingVerbs;  // introducing_verbs.txt
extern const char* const kPersonRoles;       // person_roles.txt

// The lines of a data file that hold data: trimmed, without blank lines and
// `#` comments.
std::vector<std::string_view> lines(std::string_view file);
// Every word of those lines, normalized (normalize_text).
std::vector<std::string> words(std::string_view file);

}  // namespace core::data
