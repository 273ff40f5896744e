// Telegram posts arrive with Markdown (`**bold**`, `__italic__`,
// `[text](https://t.me/...)`, code fences). They are read as markup: the
// title, the snippets and the reprint signature see plain text.
#pragma once

#include "core/article.h"

#include <string>
#include <string_view>

namespace core {

// `**x**`, `__x__`, `~~x~~` and `` `x` `` become x, `[text](url)` becomes
// text, a line of ``` goes; everything else is kept as written.
std::string markdown_to_plain(std::string_view text);

// True for an article from a Telegram channel (source "telegram").
bool is_telegram(const Article& article);

// Reads the title and text of a Telegram post as Markdown (plain text in both).
void read_telegram_markup(Article& article);

}  // namespace core
