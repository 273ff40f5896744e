// A small writer of HTML where escaping is the default: text() and attr()
// escape whatever they are given; markup that is already safe (snippets with
// <mark>, a title_html, a fixed block of help) goes in only through raw(),
// so every unescaped insertion can be found with `grep -n 'raw('`.
#pragma once

#include <string>
#include <string_view>

namespace server::pages {

class Html {
public:
    // "<tag"; attributes may follow until the next content closes it with ">".
    Html& open(std::string_view tag);
    // ` name="value"` on the tag just opened, the value escaped.
    Html& attr(std::string_view name, std::string_view value);
    // A boolean attribute: ` name`.
    Html& attr(std::string_view name);
    // "</tag>".
    Html& close(std::string_view tag);
    // Text between tags, escaped.
    Html& text(std::string_view text);
    Html& text(long long number);
    // Markup that is already safe, appended as it is.
    Html& raw(std::string_view markup);
    // What another writer wrote (escaped there).
    Html& append(Html& part);
    bool empty() const { return out_.empty(); }
    // The markup written so far.
    const std::string& str();

private:
    void end_tag();  // writes the ">" of a tag still open for attributes
    std::string out_;
    bool in_tag_ = false;
};

}  // namespace server::pages
