#include "core/dictionary.h"

#include "core/text.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace core {
namespace {

std::string dictionary_dir() {
    const char* dir = std::getenv("NEWSEARCH_HUNSPELL_DIR");
    return dir && *dir ? dir : "/usr/share/hunspell";
}

// The size set_cached_words chose, and the dictionary once it is loaded.
std::atomic<std::size_t> process_cached_words{RussianDictionary::kDefaultCachedWords};
std::atomic<const RussianDictionary*> loaded_instance{nullptr};

}  // namespace

const RussianDictionary& RussianDictionary::instance() {
    static const RussianDictionary dictionary(dictionary_dir() + "/ru_RU.aff", dictionary_dir() + "/ru_RU.dic",
                                              process_cached_words.load());
    if (loaded_instance.load(std::memory_order_relaxed) == nullptr) loaded_instance.store(&dictionary);
    return dictionary;
}

std::jthread RussianDictionary::load_in_background() {
    return std::jthread([] { instance(); });
}

RussianDictionary::RussianDictionary(const std::string& aff_path, const std::string& dic_path,
                                     std::size_t cached_words)
    : lemma_cache_(cached_words), cached_words_(cached_words) {
    std::error_code error;
    if (std::filesystem::is_regular_file(aff_path, error) && std::filesystem::is_regular_file(dic_path, error)) {
        hunspell_ = std::make_unique<Hunspell>(aff_path.c_str(), dic_path.c_str());
    }
}

RussianDictionary::~RussianDictionary() = default;

bool RussianDictionary::knows(std::string_view word) const {
    if (!hunspell_ || word.empty()) return false;
    std::lock_guard lock(mutex_);
    return hunspell_->spell(std::string(word));
}

std::vector<std::string> RussianDictionary::lemmas(std::string_view word) const {
    if (!hunspell_ || word.empty()) return {};
    std::lock_guard lock(mutex_);
    return lemma_cache_.get(std::string(word), [this](const std::string& w) { return ask_lemmas(w); });
}

void RussianDictionary::set_cached_words(std::size_t words) {
    static std::atomic<bool> decided{false};
    if (decided.exchange(true)) {
        throw std::logic_error("the dictionary's lemma cache is sized once per process, at start-up");
    }
    process_cached_words.store(words);
    const RussianDictionary* dictionary = loaded_instance.load();
    if (dictionary == nullptr) return;  // instance() will be loaded with this size
    std::lock_guard lock(dictionary->mutex_);
    dictionary->lemma_cache_.set_capacity(words);
    dictionary->cached_words_ = words;
}

std::size_t RussianDictionary::cached_words() const {
    std::lock_guard lock(mutex_);
    return cached_words_;
}

// Under mutex_.
std::vector<std::string> RussianDictionary::ask_lemmas(const std::string& word) const {
    const std::vector<std::string> stems = hunspell_->stem(word);
    std::vector<std::string> lemmas;
    for (const std::string& stem : stems) {
        std::string lemma = normalize_text(stem);
        if (!lemma.empty() && std::find(lemmas.begin(), lemmas.end(), lemma) == lemmas.end()) {
            lemmas.push_back(std::move(lemma));
        }
    }
    return lemmas;
}

}  // namespace core
