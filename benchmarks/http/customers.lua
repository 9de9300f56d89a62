-- wrk script for the churnwatch HTTP benchmark: GET /customers/{id}, cycling through the ids of a key file
-- (one per line) given after "--" on wrk's command line:
--   wrk -t2 -c32 -d30s --latency -s benchmarks/http/customers.lua http://127.0.0.1:8080/ -- keys-local.txt
-- Each thread starts at its own offset, so the threads do not ask for the same customer at the same moment.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

local keys = {}
local next_key = 0

function init(args)
  local path = args[1]
  if path == nil then
    error("give the key file after --, e.g. wrk ... URL -- keys-local.txt")
  end
  for line in io.lines(path) do
    if #line > 0 then
      keys[#keys + 1] = line
    end
  end
  if #keys == 0 then
    error("no keys in " .. path)
  end
  next_key = (offset or 0) % #keys
end

function request()
  next_key = next_key % #keys + 1
  return wrk.format("GET", "/customers/" .. keys[next_key])
end
