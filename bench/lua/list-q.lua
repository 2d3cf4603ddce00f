-- GET /api/datasources?q=<term>&page=1&size=20, the term drawn at random from TERMS_FILE.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local paths

function init(args)
  common.seed()
  paths = {}
  for i, term in ipairs(common.lines(os.getenv("TERMS_FILE") or "bench/catalog-terms.txt")) do
    paths[i] = "/api/datasources?q=" .. term .. "&page=1&size=20"
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
