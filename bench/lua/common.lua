-- Shared by the catalog wrk scripts: the constant-rate pacing and the result line.
--
-- Pacing: when RATE (requests/s for the whole run) and THREADS (wrk -t) are set, each wrk thread
-- hands out send slots every THREADS/RATE seconds through wrk's delay() hook, so the run offers a
-- constant rate no matter how fast responses come back (as long as some connection is free).
-- wrk starts each latency sample when the request is written, i.e. at its slot.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local common = {}

-- Every request signs in with HTTP Basic (DSM_AUTHORIZATION, set by catalog.sh): the service
-- remembers a verified password, so this costs an HMAC per request, not a PBKDF2.
common.authorization = os.getenv("DSM_AUTHORIZATION")
if common.authorization then
  wrk.headers["Authorization"] = common.authorization
end

local rate = tonumber(os.getenv("RATE") or "")
local threads = tonumber(os.getenv("THREADS") or "")
if rate and rate > 0 then
  assert(threads and threads > 0, "RATE needs THREADS (the wrk -t value)")
  local interval = threads * 1000 / rate
  local next_at
  function delay()
    local now = now_ms()
    next_at = (next_at or now) + interval
    if next_at < now - 1000 then
      next_at = now -- more than a second behind: do not burst to catch up
    end
    local wait = next_at - now
    return wait > 0 and math.floor(wait) or 0
  end
end

-- Numbers each thread (setup runs in wrk's main Lua state, once per thread).
local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_no", thread_count)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
      .. "status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end

-- The lines of a file, for ids and search terms.
function common.lines(path)
  local list = {}
  for line in io.lines(path) do
    if line ~= "" then list[#list + 1] = line end
  end
  assert(#list > 0, path .. " is empty")
  return list
end

function common.seed()
  math.randomseed(os.time() * 100 + (thread_no or 0))
end

return common
