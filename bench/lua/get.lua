-- GET /api/datasources/{id}, the id drawn at random from IDS_FILE (one stored id per line).
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local paths

function init(args)
  common.seed()
  paths = {}
  for i, id in ipairs(common.lines(assert(os.getenv("IDS_FILE"), "IDS_FILE is required"))) do
    paths[i] = "/api/datasources/" .. id
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
