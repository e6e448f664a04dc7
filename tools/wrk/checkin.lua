-- each request a check-in with a one-time key of its own, as a phone sends it
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n, form, headers = 0, nil, {["Content-Type"] = "application/x-www-form-urlencoded"}
function init(args)
  form = os.getenv("FORM") .. "&key=" .. string.format("w%03d", tid)
end
function request()
  n = n + 1
  return wrk.format("POST", "/f/checkin", headers, form .. string.format("%015d", n))
end
