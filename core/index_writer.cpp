#include "core/index_writer.h"

#include "core/index_location.h"
#include "core/schema.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace core {
namespace fs = std::filesystem;

namespace {

constexpr const char* kHolderFile = "newsearch-writer";

std::string read_holder(const std::string& generation) {
    std::ifstream in(fs::path(generation) / kHolderFile);
    std::string holder;
    std::getline(in, holder);
    return holder;
}

std::string locked_message(const std::string& db_path, const std::string& generation) {
    const std::string holder = read_holder(generation);
    return "the index at " + db_path + " is being written by " + (holder.empty() ? "another process" : holder) +
           "; one writer at a time";
}

// The generation to write into; a new empty one published when nothing is
// at `db_path` and the caller asked for it.
std::string writable_generation(const std::string& db_path, bool create_if_missing) {
    std::string generation = current_generation(db_path);
    if (generation.empty() && create_if_missing) {
        generation = new_generation_path(db_path);
        Xapian::WritableDatabase created(generation, Xapian::DB_CREATE);
        created.set_metadata(schema::kCopiesMarkedMetadataKey, "1");  // empty: every article comes marked
        created.commit();
        publish_generation(db_path, generation);
        generation = current_generation(db_path);
    }
    if (generation.empty()) throw std::runtime_error("no index at " + db_path);
    if (!fs::is_directory(generation)) {
        throw std::runtime_error(db_path + " is a stub of shards; write to each shard's index instead");
    }
    // Xapian replaces and deletes a document through its term list.
    if (fs::exists(fs::path(generation) / "iamglass") && !fs::exists(fs::path(generation) / "termlist.glass")) {
        throw std::runtime_error("the index at " + db_path +
                                 " was built without term lists (indexer --no-termlists), which replacing and "
                                 "deleting articles need: build it again without --no-termlists");
    }
    return generation;
}

Xapian::WritableDatabase open_for_writing(const std::string& db_path, const std::string& generation) {
    try {
        return Xapian::WritableDatabase(generation, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLocked(locked_message(db_path, generation));
    } catch (const Xapian::Error& e) {
        throw std::runtime_error("cannot open the index at " + db_path + " for writing: " + e.get_description());
    }
}

// The size of a database folder's files (Xapian's tables and the rest).
std::uintmax_t folder_bytes(const std::string& folder) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    }
    return total;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& db_path, const std::string& holder, bool create_if_missing)
    : db_path_(db_path),
      generation_(writable_generation(db_path, create_if_missing)),
      holder_(holder),
      holder_file_((fs::path(generation_) / kHolderFile).string()),
      db_(open_for_writing(db_path, generation_)) {
    for (auto it = db_.spellings_begin(); it != db_.spellings_end(); ++it) spelling_table_.insert(*it);
    std::ofstream(holder_file_, std::ios::trunc) << holder << "\n";
}

IndexWriter::~IndexWriter() {
    std::error_code ec;
    fs::remove(holder_file_, ec);
}

PreparedArticle prepare_article(Article article) {
    // One builder a thread: its stemmer keeps a cache of the words it has seen.
    thread_local DocumentBuilder documents{ClusterAssignment::ByCaller};
    Xapian::Document document = documents.build(article);
    auto spelling = spelling_words(article);
    return PreparedArticle{std::move(article), std::move(document), std::move(spelling)};
}

void IndexWriter::put(const Article& article) {
    put(PreparedArticle{article, documents_.build(article), spelling_words(article)});
}

void IndexWriter::put(const PreparedArticle& prepared) {
    begin();
    const std::string term = id_term(prepared.article.id);
    Xapian::PostingIterator old = db_.postlist_begin(term);
    const bool replacing = old != db_.postlist_end(term);
    if (replacing) remove_spelling(deserialize_article(db_.get_document(*old).get_data()));
    Xapian::Document doc = prepared.document;
    assign_cluster(db_, prepared.article.id, doc);  // a copy joins its story's cluster, whenever it arrives
    // A new id is added without Xapian looking the id term up again.
    if (replacing) db_.replace_document(term, doc);
    else db_.add_document(doc);
    add_spelling(prepared.spelling);
}

bool IndexWriter::erase(const std::string& id) {
    const std::string term = id_term(id);
    Xapian::PostingIterator old = db_.postlist_begin(term);
    if (old == db_.postlist_end(term)) return false;
    begin();
    remove_spelling(deserialize_article(db_.get_document(*old).get_data()));
    db_.delete_document(term);
    return true;
}

// Each batch is one Xapian transaction: a failed commit (a full disk) is
// cancelled whole, and the writer goes on from the last committed state.
void IndexWriter::begin() {
    if (in_transaction_) return;
    db_.begin_transaction(true);
    in_transaction_ = true;
}

void IndexWriter::commit() {
    if (!in_transaction_) return;
    try {
        db_.commit_transaction();
        in_transaction_ = false;
    } catch (...) {
        cancel();
        throw;
    }
}

void IndexWriter::cancel() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    try {
        db_.cancel_transaction();
    } catch (const Xapian::Error&) {
        // Already ended by the failure that brought us here.
    }
}

Compaction IndexWriter::compact() {
    if (in_transaction_) throw std::logic_error("compact() between commits only");
    const auto started = std::chrono::steady_clock::now();
    Compaction result;
    result.bytes_before = folder_bytes(generation_);
    const std::string fresh_path = new_generation_path(db_path_);
    const std::string fresh_holder = (fs::path(fresh_path) / kHolderFile).string();
    Xapian::WritableDatabase fresh;
    try {
        db_.compact(fresh_path, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::DBCOMPACT_MULTIPASS);
        fresh = Xapian::WritableDatabase(fresh_path, Xapian::DB_OPEN);  // our lock there before anyone sees it
        std::ofstream(fresh_holder, std::ios::trunc) << holder_ << "\n";
        publish_generation(db_path_, fresh_path);
    } catch (...) {
        fresh.close();
        std::error_code ec;
        fs::remove_all(fresh_path, ec);
        throw;
    }
    db_.close();
    std::error_code ec;
    fs::remove(holder_file_, ec);
    db_ = std::move(fresh);
    generation_ = current_generation(db_path_);
    holder_file_ = fresh_holder;
    result.bytes_after = folder_bytes(generation_);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::unordered_map<std::string, std::string> IndexWriter::content_hashes() const {
    std::unordered_map<Xapian::docid, std::string> hashes;
    for (auto it = db_.valuestream_begin(schema::kContentHashSlot); it != db_.valuestream_end(schema::kContentHashSlot);
         ++it) {
        hashes.emplace(it.get_docid(), *it);
    }
    std::unordered_map<std::string, std::string> by_id;
    const std::string prefix = schema::kIdPrefix;
    for (auto term = db_.allterms_begin(prefix); term != db_.allterms_end(prefix); ++term) {
        const std::string id = (*term).substr(prefix.size());
        auto posting = db_.postlist_begin(*term);
        if (posting == db_.postlist_end(*term)) continue;
        auto hash = hashes.find(*posting);
        by_id.emplace(id, hash == hashes.end() ? std::string() : hash->second);
    }
    return by_id;
}

void IndexWriter::add_spelling(const std::unordered_map<std::string, Xapian::termcount>& words) {
    for (const auto& [word, count] : words) {
        if (spelling_table_.count(word)) db_.add_spelling(word, count);
    }
}

// Takes the article's counts back; a word whose count reaches 0 leaves the
// table (Xapian removes it), and so stops being suggested.
void IndexWriter::remove_spelling(const Article& article) {
    for (const auto& [word, count] : spelling_words(article)) {
        if (!spelling_table_.count(word)) continue;
        db_.remove_spelling(word, count);
    }
}

std::string index_writer_holder(const std::string& db_path) {
    const std::string generation = current_generation(db_path);
    return generation.empty() ? std::string() : read_holder(generation);
}

void check_no_writer(const std::string& db_path) {
    const std::string generation = current_generation(db_path);
    if (generation.empty() || !fs::is_directory(generation) || !fs::exists(fs::path(generation) / "iamglass")) return;
    try {
        Xapian::WritableDatabase probe(generation, Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLocked(locked_message(db_path, generation));
    }
}

}  // namespace core
