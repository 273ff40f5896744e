#include "indexer/corpus_reader.h"

#include "core/article_json.h"
#include "core/text.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

namespace indexer {
namespace fs = std::filesystem;

namespace {

bool has_extension(const fs::path& path, const char* extension) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext == extension;
}

bool read_file(const fs::path& path, std::string& bytes, std::string& reason) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        reason = "cannot open the file";
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = std::move(buffer).str();
    return true;
}

std::string convert_to_utf8(const std::string& bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(charset, &status), ucnv_close);
    if (U_FAILURE(status)) return {};
    std::string out(bytes.size() * 3 + 1, '\0');
    const int32_t length = ucnv_toAlgorithmic(UCNV_UTF8, converter.get(), out.data(),
                                              static_cast<int32_t>(out.size()), bytes.data(),
                                              static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return {};
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string detect_cyrillic_charset(const std::string& bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
    if (U_FAILURE(status)) return {};
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) return {};
    for (int32_t i = 0; i < count; ++i) {
        const std::string name = ucsdet_getName(matches[i], &status);
        if (name == "windows-1251" || name == "KOI8-R") return name;
    }
    return {};
}

void read_text_file(const fs::path& path, const ReadCallbacks& callbacks) {
    const std::string where = path.string();
    std::string bytes, reason;
    std::error_code ec;
    // Checked before reading, so a huge file is never loaded whole.
    if (fs::file_size(path, ec) > kMaxArticleBytes && !ec) return callbacks.on_skip({where, "larger than 20 MB"});
    if (!read_file(path, bytes, reason)) return callbacks.on_skip({where, reason});
    if (bytes.size() > kMaxArticleBytes) return callbacks.on_skip({where, "larger than 20 MB"});
    if (!decode_text(bytes, reason)) return callbacks.on_skip({where, reason});
    if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) return callbacks.on_skip({where, "empty file"});
    core::Article article;
    article.id = path.stem().string();
    article.text = std::move(bytes);
    core::extract_metadata(article);
    callbacks.on_article(std::move(article));
}

void read_jsonl_file(const fs::path& path, const ReadCallbacks& callbacks) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return callbacks.on_skip({path.string(), "cannot open the file"});
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = path.string() + ":" + std::to_string(number);
        std::string reason;
        core::Article article;
        if (!core::article_from_json(line, article, reason)) {
            callbacks.on_skip({where, reason});
            continue;
        }
        callbacks.on_article(std::move(article));
    }
}

void read_one(const fs::path& path, const ReadCallbacks& callbacks) {
    if (has_extension(path, ".txt")) read_text_file(path, callbacks);
    else if (has_extension(path, ".jsonl")) read_jsonl_file(path, callbacks);
}

}  // namespace

bool decode_text(std::string& bytes, std::string& reason) {
    if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
    if (bytes.find('\0') != std::string::npos) {
        reason = "binary file (contains NUL bytes)";
        return false;
    }
    if (core::is_valid_utf8(bytes)) return true;
    const std::string charset = detect_cyrillic_charset(bytes);
    if (charset.empty()) {
        reason = "not UTF-8, Windows-1251 or KOI8-R";
        return false;
    }
    std::string converted = convert_to_utf8(bytes, charset.c_str());
    if (converted.empty()) {
        reason = "cannot convert from " + charset;
        return false;
    }
    bytes = std::move(converted);
    return true;
}

bool read_corpus(const std::string& path, const ReadCallbacks& callbacks) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return false;
    if (!fs::is_directory(status)) {
        read_one(path, callbacks);
        return true;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) read_one(file, callbacks);
    return true;
}

}  // namespace indexer
