-- wrk script: rotates through the query mix in $BENCH_QUERIES (lines
-- "kind<TAB>query") as GET /api/search?q=...&limit=10 requests, each wrk
-- thread starting at a different point of the list. Without
-- $BENCH_QUERIES it requests the URL given to wrk (e.g. /healthz).
-- done() prints one machine-readable line: "RESULT requests=... qps=...".

local queries = {}

local function url_encode(text)
    return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function load_queries(path)
    local list = {}
    for line in io.lines(path) do
        local query = line:match("^[^\t]*\t(.+)$")
        if query then list[#list + 1] = "/api/search?limit=10&q=" .. url_encode(query) end
    end
    return list
end

local query_file = os.getenv("BENCH_QUERIES")
local extra = os.getenv("BENCH_EXTRA_PARAMS") or ""  -- e.g. "&offset=1000"
if query_file and query_file ~= "" then queries = load_queries(query_file) end

local thread_count = 0
function setup(thread)
    thread:set("first", thread_count)
    thread_count = thread_count + 1
end

local position = 0
function init(args)
    -- Spread the threads over the list so they do not ask the same thing at once.
    if #queries > 0 then position = (first * 7919) % #queries end
end

function request()
    if #queries == 0 then return wrk.format(nil) end
    position = position % #queries + 1
    return wrk.format("GET", queries[position] .. extra)
end

function done(summary, latency, requests)
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "RESULT requests=%d seconds=%.2f qps=%.1f p50_ms=%.3f p99_ms=%.3f mean_ms=%.3f errors=%d non2xx=%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.mean / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
