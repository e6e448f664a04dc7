-- 0014: a request's first handling is sought, not searched for. The daily
-- log and the reports read, for every request, the time of its first change
-- of status (the first handling: MIN(at) of its events with a from_status),
-- and request_events_request held the events of a request by id only, so
-- each request's events were each read from the table to learn their time
-- and status. This partial index holds the handlings alone, by request and
-- time: the first is the index's first entry for the request, read from the
-- index itself. A year's 200,000 requests (medians of three): 0.89 s to
-- 0.35 s; the file grows 4.5%.

CREATE INDEX request_events_first ON request_events (request_id, at, from_status) WHERE from_status <> '';
