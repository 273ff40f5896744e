// A bounded cache of what a word costs to compute (its stem, its lemmas).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

namespace core {

// Holds at most `capacity` words in two generations: new words go into the
// current one; when it is full it becomes the previous one and the one before
// is dropped. A word found in the previous generation moves back into the
// current one, so the words a text keeps using stay while rare ones age out
// (most of an index's vocabulary is words seen once), at the cost of a hash
// map of bookkeeping, not a list per entry as an exact LRU would. Memory is
// bounded by the capacity, not by the vocabulary of the corpus (issue #18).
template <typename Value>
class WordCache {
public:
    explicit WordCache(std::size_t capacity) { set_capacity(capacity); }

    void set_capacity(std::size_t capacity) { generation_size_ = capacity / 2 > 0 ? capacity / 2 : 1; }

    // The cached value of `word`, computed by `compute(word)` when absent. The
    // reference stays valid until the next call.
    template <typename Compute>
    const Value& get(const std::string& word, Compute&& compute) {
        if (auto found = current_.find(word); found != current_.end()) return found->second;
        Value value;
        if (auto found = previous_.find(word); found != previous_.end()) {
            value = std::move(found->second);
        } else {
            value = compute(word);
        }
        if (current_.size() >= generation_size_) {
            previous_ = std::move(current_);
            current_.clear();
        }
        return current_.emplace(word, std::move(value)).first->second;
    }

private:
    std::size_t generation_size_ = 1;
    std::unordered_map<std::string, Value> current_;
    std::unordered_map<std::string, Value> previous_;
};

}  // namespace core
