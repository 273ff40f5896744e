#include "server/people_api.h"

#include "core/people.h"
#include "core/text.h"
#include "server/json.h"
#include "server/json_objects.h"

namespace server {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr std::size_t kMaxNameChars = 200;

void write_counts(JsonWriter& json, const char* name, const std::vector<core::FacetValue>& values) {
    json.key(name).begin_array();
    for (const core::FacetValue& v : values) {
        json.begin_object().field("value", v.value).field("count", std::uint64_t{v.count}).end_object();
    }
    json.end_array();
}

}  // namespace

std::string person_name_problem(const std::string& name) {
    if (!core::is_valid_utf8(name)) return "the name is not UTF-8";
    if (core::utf8_length(name) > kMaxNameChars) return "a name of at most 200 characters";
    return {};
}

Reply api_person(const Request& http, IndexHandle& index) {
    const std::string& name = http.path_value;
    if (const std::string problem = person_name_problem(name); !problem.empty()) return error_reply(400, problem);
    if (is_blank(name)) return error_reply(400, "give a name: /api/people/Лавров");
    const core::Person person = index.run([&](core::Searcher& s) { return core::find_person(s, name); });
    if (person.articles == 0 && person.quotations.empty()) return error_reply(404, "no article names " + name);
    std::string body;
    JsonWriter json(body);
    json.begin_object().field("name", person.name).field("key", person.key);
    write_counts(json, "spellings", person.spellings);
    json.field("articles", std::uint64_t{person.articles});
    write_counts(json, "months", person.months);
    json.key("quotations").begin_array();
    for (const core::QuoteHit& hit : person.quotations) write_quote_hit(json, hit);
    json.end_array();
    write_counts(json, "named_with", person.named_with);
    json.end_object();
    return Reply{200, kJson, std::move(body)};
}

Reply api_people(const Request& http, IndexHandle& index) {
    const std::string& prefix = http.param("prefix");
    if (const std::string problem = person_name_problem(prefix); !problem.empty()) return error_reply(400, problem);
    if (is_blank(prefix)) return error_reply(400, "give prefix=, e.g. prefix=Лав");
    const auto people =
        index.run([&](core::Searcher& s) { return core::suggest_people(s.database(), prefix); });
    std::string body;
    JsonWriter json(body);
    json.begin_object().field("prefix", prefix).key("people").begin_array();
    for (const core::FacetValue& person : people) {
        json.begin_object().field("name", person.value).field("articles", std::uint64_t{person.count}).end_object();
    }
    json.end_array().end_object();
    return Reply{200, kJson, std::move(body)};
}

}  // namespace server
