// The HTML pages for people in a browser. They work without JavaScript and
// load nothing from elsewhere: the style sheet and the small script that adds
// keyboard shortcuts come from server/assets, embedded in the program.
#pragma once

#include "server/index_handle.h"
#include "server/reply.h"
#include "server/request.h"

namespace server {

// GET / and GET /search?q=...&offset=...; the filters source=, place=, from=
// and to= (dates) narrow the matches like the query's source:, place:, date:.
Reply search_page(const Request& request, IndexHandle& index);
// GET /doc/{id}?q=...: the whole article with every match highlighted.
Reply article_page(const Request& request, IndexHandle& index);
// GET /person/{name}: a person's mentions per month, quotations and company.
Reply person_page(const Request& request, IndexHandle& index);
// GET /assets/{name}: style.css and app.js.
Reply asset(const Request& request, IndexHandle& index);
// An HTML page saying what went wrong, with the given status.
Reply error_page(int status, const std::string& message);

}  // namespace server
