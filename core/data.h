// Data files from core/data, compiled into the library (see cmake/embed_file.cmake).
#pragma once

namespace core::data {

extern const char* const kAgencies;      // agencies.txt
extern const char* const kFirstNames;    // first_names.txt
extern const char* const kSpeechVerbs;   // speech_verbs.txt
extern const char* const kStopwords;     // stopwords.txt
extern const char* const kSynonyms;      // synonyms.txt
extern const char* const kTransliteration;  // transliteration.txt

}  // namespace core::data
