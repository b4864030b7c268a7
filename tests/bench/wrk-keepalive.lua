-- wrk script for tests/bench/run-wrk-hooks.sh: POSTs realistic StreamKeepAliveEvent bodies
-- (spec §11, §13.1) spread over N distinct streams (wrk ... -- N, default 10000), and prints
-- one summary line "wrk requests=... non2xx=... socketErrors=... p50ms=... p99ms=... rps=...".
local threads = {}
local streams = 10000
local counter = 0

function setup(thread)
    thread:set("tid", #threads)
    table.insert(threads, thread)
end

function init(args)
    streams = tonumber(args[1]) or 10000
    nthreads = tonumber(args[2]) or 1
end

function request()
    local i = (counter * nthreads + tid) % streams
    counter = counter + 1
    local body = string.format(
        '{"nodeId":"Qb3rAjf3lzoy6PEl1WZkUhRG1DsTykgj@192.168.1.10","appKey":"defaultApp",' ..
        '"sessionId":"/192.168.1.55:53412/192.168.1.10:8443",' ..
        '"mediaSessionId":"5f0c2b9e-77aa-4a51-8d0e-%012d","name":"stream-%d","published":true,' ..
        '"hasVideo":true,"hasAudio":true,"status":"PUBLISHING","mediaProvider":"WebRTC",' ..
        '"record":false,"width":1280,"height":720,"bitrate":0,"quality":0}', i, i)
    return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "wrk requests=%d non2xx=%d socketErrors=%d p50ms=%.3f p99ms=%.3f maxms=%.3f rps=%.0f\n",
        summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        summary.requests / (summary.duration / 1e6)))
end
