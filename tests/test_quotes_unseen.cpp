// Forms of attribution read from the fifth round's development misses
// (issue #15), each with sentences written for the test.
#include "core/quotes.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using core::extract_quotations;

TEST_CASE("a neuter verb ('— заявило министерство', 'заявило посольство:') gives no person the words") {
    const auto body = extract_quotations(
        "Министр Иван Соколов провел совещание.\n«Запасы топлива в стране выросли на треть», — заявило Минэнерго.\n");
    REQUIRE(body.size() == 1);
    CHECK(body[0].speaker.empty());
    const auto colon = extract_quotations(
        "Министр Иван Соколов провел совещание. О помощи Украине заявило посольство в Киеве: «Мы выделим средства на оборону».");
    for (const auto& q : colon) CHECK(q.speaker.empty());
}
