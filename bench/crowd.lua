-- wrk script of bench/crowd.sh: every request is the next line of a list written by
-- server/examples/crowd.rs (`METHOD \t path \t cookie \t body`), so that a run is many people on
-- many pages, never one cookie on one URL. Each thread starts at its own place in the list.
-- Answers are counted by class; `done` prints them on one line for crowd.sh to read. Requests say
-- which encodings they take as Chromium does (a browser always sends it), unless told otherwise:
--   wrk -s bench/crowd.lua ... http://host:port -- list.txt ["gzip, deflate, br, zstd" | ""]

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  local encoding = args[2] or "gzip, deflate, br, zstd"
  for l in io.lines(args[1]) do
    local method, path, cookie, body = l:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if method then
      local headers = { ["Accept"] = "text/html" }
      if cookie ~= "" then headers["Cookie"] = cookie end
      if encoding ~= "" then headers["Accept-Encoding"] = encoding end
      if method == "POST" then
        headers["Accept"] = "application/json"
        headers["Content-Type"] = "application/x-www-form-urlencoded"
      else
        body = nil
      end
      table.insert(requests, wrk.format(method, path, headers, body))
    end
  end
  -- Spread the threads over the list.
  i = (id * 7919) % #requests
  s2, s3, s4, s5, bytes = 0, 0, 0, 0, 0
end

function request()
  i = i + 1
  if i > #requests then i = 1 end
  return requests[i]
end

function response(status, headers, body)
  if status < 300 then s2 = s2 + 1
  elseif status < 400 then s3 = s3 + 1
  elseif status < 500 then s4 = s4 + 1
  else s5 = s5 + 1 end
  if body then bytes = bytes + #body end
end

function done(summary, latency, requests)
  local t = { 0, 0, 0, 0, 0 }
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("s2")
    t[2] = t[2] + thread:get("s3")
    t[3] = t[3] + thread:get("s4")
    t[4] = t[4] + thread:get("s5")
    t[5] = t[5] + thread:get("bytes")
  end
  local n = math.max(t[1] + t[2] + t[3] + t[4], 1)
  io.write(string.format("CROWD 2xx=%d 3xx=%d 4xx=%d 5xx=%d avgbody=%d p50=%.2f p90=%.2f p99=%.2f\n",
    t[1], t[2], t[3], t[4], t[5] / n,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
