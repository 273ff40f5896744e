#include "core/fields.h"

#include "core/quotes.h"
#include "core/schema.h"
#include "core/text.h"

#include <array>

namespace core {
namespace {

constexpr std::array kFields = {
    Field{"title", "заголовок", FieldKind::Text, "Заголовок",
          {schema::kTitlePrefix, schema::kTitleStemPrefix, schema::kTitleNamePrefix}},
    Field{"source", "источник", FieldKind::Term, "Источник", {"", "", ""}, schema::kSourcePrefix, schema::kSourceSlot,
          &Article::source},
    Field{"place", "место", FieldKind::Term, "Место", {"", "", ""}, schema::kPlacePrefix, schema::kPlaceSlot,
          &Article::place},
    Field{"date", "дата", FieldKind::DateRange, "Дата", {"", "", ""}, "", schema::kDateSlot},
    Field{"speaker", "спикер", FieldKind::Speaker, "Кто сказал", {"", "", ""}, schema::kSpeakerPrefix},
};

}  // namespace

std::span<const Field> fields() { return kFields; }

const Field* find_field(std::string_view name) {
    for (const Field& field : kFields) {
        if (field.name == name || field.alias == name) return &field;
    }
    return nullptr;
}

TextPrefixes body_prefixes() { return {schema::kExactPrefix, schema::kStemPrefix, schema::kNamePrefix}; }

std::string filter_term(const Field& field, std::string_view value) {
    if (field.kind == FieldKind::Speaker) return field.prefix + speaker_key(value);
    return field.prefix + normalize_text(value);
}

}  // namespace core
