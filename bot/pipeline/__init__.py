"""The message pipeline: from a stored webhook body to a message sent through the Graph API.

Stages, in the order a message goes through them (each is retried from the database, so a
crash loses nothing and a duplicate changes nothing):

- `intake`        raw webhook bodies committed before the 200 (bodies arriving together share
                  one commit); the endpoint is `bot.web.webhook`
- `ingest`        stored webhook bodies → deduplicated inbound messages and delivery receipts
  `ingest_batch`  the same for a claimed batch, in a handful of statements
- `conversations` one conversation at a time, locked, through the flow engine
  `brain`         adapter between a conversation row and the flow engine
- `replies`       a channel-neutral Reply → transcript and outbox rows (nothing is sent here)
- `outbox`        claims what is due, sends it, records the outcome, retries with backoff
- `sending`       how one outbox row reaches its platform (Graph API or simulator), paced
  `pacing`        per-number and per-contact token buckets shared by processes (PostgreSQL)
  `circuits`      per business number: hold its queue while the Graph API fails, then release
- `workers`       the background loops of one process that run the stages above
  `wake`          PostgreSQL LISTEN/NOTIFY: wakes other processes' workers when work is stored
  `warm_up`       a new process rehearses conversations in memory before it is ready

`bot.runtime.build_runtime` builds and wires them; docs/architecture.md draws the whole
data path.
"""
