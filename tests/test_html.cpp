// The pages' HTML writer (server/pages/html.h): text and attribute values are
// escaped unless written through raw(); the speaker line and pagination built with it.
#include "server/pages/html.h"
#include "server/pages/parts.h"

#include <catch2/catch.hpp>

using server::pages::Html;

TEST_CASE("text between tags is escaped") {
    Html html;
    html.open("p").text("<script>alert('x') & \"y\"</script>").close("p");
    CHECK(html.str() == "<p>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</p>");
}

TEST_CASE("an attribute value cannot leave its quotes") {
    Html html;
    html.open("a").attr("href", "/search?q=a&b=\"><script>").attr("title", "it's").text("ссылка").close("a");
    CHECK(html.str() == "<a href=\"/search?q=a&amp;b=&quot;&gt;&lt;script&gt;\" title=\"it&#39;s\">ссылка</a>");
}

TEST_CASE("markup written through raw stays as it is") {
    Html html;
    html.open("p").attr("class", "snippet").raw("министр <mark>Лавров</mark> &amp; другие").close("p");
    CHECK(html.str() == "<p class=\"snippet\">министр <mark>Лавров</mark> &amp; другие</p>");
}

TEST_CASE("a tag left open for attributes is closed by what follows it") {
    Html html;
    html.open("input").attr("type", "hidden").attr("value", "a<b").open("span").text(42).close("span");
    CHECK(html.str() == "<input type=\"hidden\" value=\"a&lt;b\"><span>42</span>");
    Html last;
    last.open("br");
    CHECK(last.str() == "<br>");
}

TEST_CASE("Russian text passes through unchanged apart from the five special characters") {
    Html html;
    html.text("Ёлка «ёж» — 5 > 3");
    CHECK(html.str() == "Ёлка «ёж» — 5 &gt; 3");
}

TEST_CASE("a boolean attribute has no value and another writer's markup is appended as written") {
    Html part;
    part.open("b").text("a&b").close("b");
    Html html;
    html.open("textarea").attr("readonly").append(part).close("textarea");
    CHECK(html.str() == "<textarea readonly><b>a&amp;b</b></textarea>");
}

TEST_CASE("the speaker line escapes the speaker and says when no author is known only where asked") {
    core::Quotation quote;
    quote.speaker = "Лавров";
    quote.speaker_full = "Сергей <Лавров>";
    quote.speaker_title = "министр \"иностранных\" дел";
    Html named;
    server::pages::speaker_line(named, quote, "/search?q=a&b", true);
    CHECK(named.str() == "<a class=\"speaker\" href=\"/search?q=a&amp;b\">Сергей &lt;Лавров&gt;</a>, "
                         "<span class=\"meta\">министр &quot;иностранных&quot; дел</span>");
    quote.speaker.clear();
    Html unknown;
    server::pages::speaker_line(unknown, quote, "", true);
    CHECK(unknown.str() == "<span class=\"meta\">автор не установлен</span>, <span class=\"meta\">министр "
                           "&quot;иностранных&quot; дел</span>");
    Html silent;
    server::pages::speaker_line(silent, quote, "", false);
    CHECK(silent.str() == "<span class=\"meta\">министр &quot;иностранных&quot; дел</span>");
}

TEST_CASE("pagination links the pages around the current one, which is not a link") {
    Html html;
    server::pages::pagination(html, "/p?o=0", {{1, "/p?o=0"}, {2, ""}}, "");
    CHECK(html.str() == "<nav class=\"pages\" aria-label=\"Страницы\"><a rel=\"prev\" href=\"/p?o=0\">← Назад</a>"
                        "<a href=\"/p?o=0\">1</a><span class=\"current\" aria-current=\"page\">2</span></nav>");
}
