-- POST /api/datasources with a new identifier each time: w<RUN_TAG>t<thread>n<counter>.
package.path = (os.getenv("BENCH_LUA") or "bench/lua") .. "/?.lua;" .. package.path
local common = require("common")
local run_tag = os.getenv("RUN_TAG") or tostring(os.time())
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = common.authorization }
local hosts = { "10.12.0.7", "pg-orders-03.eu-west-1.corp.example", "10.40.3.19", "pg-billing-11.us-east-1.corp.example" }
local dbs = { "orders", "billing", "ledger_prod", "inventory" }
local counter = 0

function init(args)
  common.seed()
end

function request()
  counter = counter + 1
  local i = math.random(#hosts)
  local body = string.format(
    '{"identifier":"w%st%dn%d","type":"POSTGRESQL","attribute":"PRIMARY","host":"%s","port":5432,'
      .. '"username":"migrator","password":"bench-pw-%d","databaseName":"%s","remarks":"created by the catalog benchmark"}',
    run_tag, thread_no, counter, hosts[i], math.random(1e9), dbs[i])
  return wrk.format("POST", "/api/datasources", headers, body)
end
