// The pages' HTML writer (server/pages/html.h): text and attribute values are
// escaped unless written through raw().
#include "server/pages/html.h"

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
