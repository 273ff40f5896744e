// `--version` on every program, from project(VERSION) in CMakeLists.txt.
#include "core/version.h"
#include "tests/support/process.h"

#include <catch2/catch.hpp>

#include <regex>

TEST_CASE("every program prints its name and the project version with --version and exits 0") {
    REQUIRE(std::regex_match(std::string(core::kVersion), std::regex(R"(\d+\.\d+\.\d+)")));
    for (const char* name : {"server", "indexer", "explain", "name_recall", "quote_attribution", "reprint_pairs",
                             "reprint_clusters"}) {
        INFO(name);
        const auto result = test_support::run_program({test_support::program(name).string(), "--version"});
        CHECK(result.exit_code == 0);
        CHECK(result.out == std::string(name) + " (newsearch) " + std::string(core::kVersion) + "\n");
    }
}

TEST_CASE("the version option wins over other arguments, so it never starts a server or touches an index") {
    const auto result =
        test_support::run_program({test_support::program("server").string(), "--db", "/nonexistent", "--version"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(std::string(core::kVersion)) != std::string::npos);
}
