// Shards on Xapian's remote backend, end to end: the corpus indexed whole and
// in two shards, each shard served by its own xapian-tcpsrv on 127.0.0.1,
// and the server searching the two as one through a stub file. Then one
// shard stops, hangs and comes back.
#include "core/shards.h"
#include "server/url.h"
#include "tests/support/http_client.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

using nlohmann::json;
using test_support::ServerProcess;
using test_support::ShardServerProcess;
namespace fs = std::filesystem;

namespace {

constexpr const char* kLavrovArticle = "001_d8841eb2ca9e328e";

// Names in several cases, a phrase in quotes, Latin input, a prefix, a
// common word, a misspelling, a field filter.
const std::vector<std::string> kQueries = {
    "Казакбаев Лавров", "лавров",          "«остаются партнерами и союзниками»", "Kazakbaev Lavrov",
    "интеграц*",        "Россия",          "Казакбаеф",                           "source:Sputnik Киргизия",
    "Путин OR Жапаров", "выборы президента"};

json get_json(unsigned short port, const std::string& target) {
    const auto response = test_support::http_get(port, target);
    INFO(target << " → " << response.status << " " << response.body);
    REQUIRE(response.status == 200);
    return json::parse(response.body);
}

json search(unsigned short port, const std::string& query) {
    return get_json(port, "/api/search?limit=20&q=" + server::percent_encode(query));
}

struct Hit {
    std::string id;
    double score;
    std::string snippet;
};

// Hits ordered by score, then id: two databases may order equal scores
// differently (by their own document numbers).
std::vector<Hit> hits_of(const json& answer) {
    std::vector<Hit> hits;
    for (const json& hit : answer["hits"]) hits.push_back({hit["id"], hit["score"], hit["snippet"]});
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        const bool same_score = std::abs(a.score - b.score) < 1e-9 * std::max(1.0, std::abs(a.score));
        return same_score ? a.id < b.id : a.score > b.score;
    });
    return hits;
}

void check_same_answer(const json& single, const json& sharded) {
    CHECK(sharded.value("partial", false) == false);
    // Totals are Xapian's estimates once over 100 matches, made per shard.
    if (single["total"] < 100) CHECK(single["total"] == sharded["total"]);
    else CHECK(sharded["total"] >= 100);
    CHECK(single.value("suggestion", "") == sharded.value("suggestion", ""));
    const auto expected = hits_of(single);
    const auto actual = hits_of(sharded);
    REQUIRE(expected.size() == actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("rank " << i);
        CHECK(actual[i].id == expected[i].id);
        CHECK(actual[i].score == Approx(expected[i].score).epsilon(1e-9));
        CHECK(actual[i].snippet == expected[i].snippet);
    }
}

// The corpus indexed whole and in two shards, the shards served by
// xapian-tcpsrv, and three servers: over the single index, over the local
// shards folder and over a stub naming the two remote shards.
struct Cluster {
    test_support::TempDir dir;
    std::unique_ptr<ShardServerProcess> shard0, shard1;
    std::unique_ptr<ServerProcess> single, local, remote;

    Cluster() {
        const std::string corpus = test_support::corpus_dir().string();
        require_ok(test_support::run_indexer(dir / "single", {corpus}));
        require_ok(test_support::run_program({test_support::program("indexer").string(), "--quiet", "--db",
                                              (dir / "sharded").string(), "--shards", "2", corpus}));
        // Idle connections closed after 3 s (xapian-tcpsrv's default is 60 s).
        const std::vector<std::string> idle_timeout = {"--idle-timeout", "3000"};
        shard0 = std::make_unique<ShardServerProcess>(dir / "sharded" / "shard-0", idle_timeout);
        shard1 = std::make_unique<ShardServerProcess>(dir / "sharded" / "shard-1", idle_timeout);
        std::ofstream(dir / "remote.stub") << "remote tcp 127.0.0.1 " << shard0->port() << "\n"
                                            << "remote 127.0.0.1:" << shard1->port() << "\n";
        single = std::make_unique<ServerProcess>(dir / "single");
        local = std::make_unique<ServerProcess>(dir / "sharded");
        remote = std::make_unique<ServerProcess>(dir / "remote.stub",
                                                 std::vector<std::string>{"--shard-timeout", "2000"});
    }
    static void require_ok(const test_support::RunResult& result) {
        if (result.exit_code != 0) throw std::runtime_error("indexer failed: " + result.err);
    }
    std::string shard1_label() const { return "127.0.0.1:" + std::to_string(shard1->port()); }
};

// Polls `condition` for up to `limit`.
template <class Condition>
bool eventually(Condition condition, std::chrono::seconds limit = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

bool shard_is(const json& health, const std::string& label, const std::string& state) {
    for (const json& shard : health["shards"]) {
        if (shard["shard"] == label) return shard["state"] == state;
    }
    return false;
}

}  // namespace

TEST_CASE("remote and local shards answer exactly as the single index, and survive a shard going away") {
    Cluster cluster;
    const unsigned short remote = cluster.remote->port();

    SECTION("every query of the mix ranks, scores and highlights alike") {
        for (const std::string& query : kQueries) {
            INFO("query: " << query);
            const json single = search(cluster.single->port(), query);
            check_same_answer(single, search(cluster.local->port(), query));
            check_same_answer(single, search(remote, query));
        }
        CHECK(search(remote, "Казакбаев Лавров")["hits"][0]["id"] == kLavrovArticle);
    }

    SECTION("articles are served from whichever shard holds them") {
        for (const char* id : {"001_d8841eb2ca9e328e", "000_45e618fe6b6cb5b2", "book_424", "book_3574"}) {
            INFO(id);
            const json expected = get_json(cluster.single->port(), std::string("/api/doc/") + id);
            CHECK(get_json(remote, std::string("/api/doc/") + id) == expected);
        }
    }

    SECTION("health lists each shard with its documents") {
        const json health = get_json(remote, "/healthz");
        CHECK(health["status"] == "ok");
        CHECK(health["documents"] == get_json(cluster.single->port(), "/healthz")["documents"]);
        REQUIRE(health["shards"].size() == 2);
        CHECK(shard_is(health, cluster.shard1_label(), "up"));
    }

    SECTION("a stopped shard gives partial answers from the other, then it comes back by itself") {
        search(remote, "Россия");  // both shards connected
        cluster.shard1->stop();

        const json partial = search(remote, "Россия");
        CHECK(partial["partial"] == true);
        CHECK(partial["failed_shards"] == json::array({cluster.shard1_label()}));
        REQUIRE_FALSE(partial["hits"].empty());
        for (const json& hit : partial["hits"]) CHECK(core::shard_of(hit["id"].get<std::string>(), 2) == 0);

        const auto page = test_support::http_get(remote, "/search?q=" + server::percent_encode("Россия"));
        CHECK(page.status == 200);
        CHECK(page.body.find("id=\"partial\"") != std::string::npos);

        const json health = get_json(remote, "/healthz");
        CHECK(health["status"] == "degraded");
        CHECK(shard_is(health, cluster.shard1_label(), "down"));

        cluster.shard1->start();
        CHECK(eventually([&] { return get_json(remote, "/healthz")["status"] == "ok"; }));
        CHECK(eventually([&] { return !search(remote, "Россия").contains("partial"); }));
        check_same_answer(search(cluster.single->port(), "Россия"), search(remote, "Россия"));
    }

    SECTION("a shard that hangs is left out after the shard timeout") {
        search(remote, "Лавров");
        cluster.shard1->pause();
        const auto started = std::chrono::steady_clock::now();
        const json partial = search(remote, "Лавров");
        const auto waited = std::chrono::steady_clock::now() - started;
        cluster.shard1->resume();
        CHECK(partial["partial"] == true);
        // --shard-timeout 2000: one wait for the hung shard (generous, for a
        // loaded test machine), well under the clients' own timeouts.
        CHECK(waited >= std::chrono::milliseconds(1900));
        CHECK(waited < std::chrono::seconds(6));
        CHECK(eventually([&] { return !search(remote, "Лавров").contains("partial"); }));
    }

    SECTION("a connection the shard closed while idle is opened again without a partial answer") {
        search(remote, "Лавров");
        std::this_thread::sleep_for(std::chrono::milliseconds(3500));
        const json answer = search(remote, "Лавров");
        CHECK_FALSE(answer.contains("partial"));
        check_same_answer(search(cluster.single->port(), "Лавров"), answer);
    }

    SECTION("with every shard down the answer is 503 with a JSON error") {
        cluster.shard0->stop();
        cluster.shard1->stop();
        CHECK(eventually([&] {
            const auto response = test_support::http_get(remote, "/api/search?q=Lavrov");
            return response.status == 503 && json::parse(response.body).contains("error");
        }));
        const auto health = test_support::http_get(remote, "/healthz");
        CHECK(health.status == 503);
        CHECK(json::parse(health.body)["status"] == "unavailable");
    }
}
