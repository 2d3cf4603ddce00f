-- GET /api/datasources?page=1&size=20 (default order: newest first).
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
require("common")
wrk.method = "GET"
wrk.path = "/api/datasources?page=1&size=20"
