#include "server/pages/html.h"

#include "core/text.h"

namespace server::pages {

void Html::end_tag() {
    if (!in_tag_) return;
    out_ += '>';
    in_tag_ = false;
}

Html& Html::open(std::string_view tag) {
    end_tag();
    out_ += '<';
    out_ += tag;
    in_tag_ = true;
    return *this;
}

Html& Html::attr(std::string_view name, std::string_view value) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    core::append_html_escaped(out_, value);
    out_ += '"';
    return *this;
}

Html& Html::attr(std::string_view name) {
    out_ += ' ';
    out_ += name;
    return *this;
}

Html& Html::close(std::string_view tag) {
    end_tag();
    out_ += "</";
    out_ += tag;
    out_ += '>';
    return *this;
}

Html& Html::text(std::string_view text) {
    end_tag();
    core::append_html_escaped(out_, text);
    return *this;
}

Html& Html::text(long long number) { return text(std::to_string(number)); }

Html& Html::raw(std::string_view markup) {
    end_tag();
    out_ += markup;
    return *this;
}

Html& Html::append(Html& part) {
    end_tag();
    out_ += part.str();
    return *this;
}

const std::string& Html::str() {
    end_tag();
    return out_;
}

}  // namespace server::pages
