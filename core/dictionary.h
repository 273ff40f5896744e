// Debian's Russian Hunspell dictionary (package hunspell-ru): whether a word
// is an ordinary Russian word, and its dictionary forms (lemmas). Snowball
// splits forms such as пишет/писала or рынок/рынках; the dictionary joins
// them, and it tells a capitalised common word (Однако) from a name.
#pragma once

#include "core/word_cache.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

class Hunspell;

namespace core {

class RussianDictionary {
public:
    // The process's dictionary, loaded once on first use from
    // $NEWSEARCH_HUNSPELL_DIR or /usr/share/hunspell (ru_RU.aff, ru_RU.dic).
    // Where the files are missing, available() is false and every question
    // answers "unknown".
    static const RussianDictionary& instance();

    // Loads the dictionary from `aff_path` and `dic_path` (for tests).
    RussianDictionary(const std::string& aff_path, const std::string& dic_path,
                      std::size_t cached_words = kDefaultCachedWords);
    ~RussianDictionary();
    RussianDictionary(const RussianDictionary&) = delete;
    RussianDictionary& operator=(const RussianDictionary&) = delete;

    bool available() const { return hunspell_ != nullptr; }

    // Whether the dictionary accepts the word as written. Case matters the
    // way Hunspell's does: `однако` and `Однако` are known, `Лаврова` is not.
    bool knows(std::string_view word) const;

    // The word's dictionary forms (`санкциями` -> `санкция`), lower-cased
    // with ё as е, as every indexed word is; empty when the word is unknown.
    std::vector<std::string> lemmas(std::string_view word) const;

    // How many words' lemmas the process keeps (a Hunspell question costs
    // about 40,000 instructions). Shared by every thread: the indexer's
    // analysis threads each keep a smaller cache of their own (WordTerms),
    // and a word one of them forgot, or the other already met, is found
    // here instead of asked again (issue #18).
    static constexpr std::size_t kDefaultCachedWords = 100000;
    // The size of instance()'s cache, decided once by the program at
    // start-up (the indexer from its --memory, the server its default), not
    // by each index builder: with several shards in one process each would
    // set it and the last would win. A second call throws std::logic_error.
    // It does not load the dictionary: called before the first use (and
    // before load_in_background), it sizes the cache the dictionary is loaded with.
    static void set_cached_words(std::size_t words);
    std::size_t cached_words() const;

    // Loads instance() on a thread of its own, so that a server answers
    // while the dictionary (about a third of a second) is read; a question
    // asked before it is ready waits for it. The returned thread joins when
    // it goes out of scope.
    static std::jthread load_in_background();

private:
    std::vector<std::string> ask_lemmas(const std::string& word) const;

    std::unique_ptr<Hunspell> hunspell_;
    // Hunspell keeps scratch state in the object: one question at a time.
    // The cache is guarded by the same lock.
    mutable std::mutex mutex_;
    mutable WordCache<std::vector<std::string>> lemma_cache_{kDefaultCachedWords};
    mutable std::size_t cached_words_ = kDefaultCachedWords;
};

}  // namespace core
