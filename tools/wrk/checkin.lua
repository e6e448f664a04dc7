-- each request a check-in with a one-time key of its own, as a phone sends it.
-- A phone's key is the one the server wrote into its form (store.NewKey), whose
-- first characters are the time it was made, so keys arrive in about the order
-- of time; these keep that order by putting the request's count first and the
-- thread second (with the thread first, the two threads' keys went into the
-- middle of the submission_keys index, as no phone's do).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n, form, headers = 0, nil, {["Content-Type"] = "application/x-www-form-urlencoded"}
function init(args)
  form = os.getenv("FORM") .. "&key=w"
end
function request()
  n = n + 1
  return wrk.format("POST", "/f/checkin", headers, form .. string.format("%015d%03d", n, tid))
end
