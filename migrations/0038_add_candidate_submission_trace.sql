-- The W3C traceparent of the request that submitted a candidate's pending revision (null when tracing is off), so that
-- its vetting, in a background job's own trace, links back to the submission (decision 0055). Vetting clears it.
alter table candidates add column submission_trace text;
