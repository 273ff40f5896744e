// Equivalent names and abbreviations (core/data/synonyms.txt): `Киргизия` =
// `Кыргызстан` = `Киргизская Республика`, `МИД` = `министерство иностранных дел`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

class Synonyms {
public:
    // One variant of a group: its words, normalized, and their stems.
    struct Variant {
        std::vector<std::string> words;
        std::vector<std::string> stems;
    };
    struct Match {
        std::size_t group = 0;
        std::size_t variant = 0;
        std::size_t length = 0;  // query words covered
    };

    // Parses the file format: one group a line, variants separated by "|".
    static Synonyms parse(std::string_view text);
    // The groups compiled in from core/data/synonyms.txt.
    static const Synonyms& builtin();

    // The longest variant whose stems equal `stems[start...]`, if any.
    std::optional<Match> match(const std::vector<std::string>& stems, std::size_t start) const;
    const std::vector<Variant>& group(std::size_t index) const { return groups_.at(index); }
    std::size_t size() const { return groups_.size(); }

private:
    std::vector<std::vector<Variant>> groups_;
};

}  // namespace core
