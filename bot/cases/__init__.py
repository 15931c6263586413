"""Cases and the caseworker takeover: everything between "a person in danger answered" and
"the chat is back with the bot".

- sink.py     the pipeline's EffectsSink: open/update cases, route to a team, queue notices
- actions.py  the service layer (list, view, claim, write, note, release, resolve, media)
- compose.py  a caseworker's message: window rules, canned replies, templates
- access.py   who sees which case; errors.py  refusals; audit.py  the append-only trail
- views.py    case/message JSON; window.py  the platforms' messaging windows
- events.py   the in-process event bus (SSE); notify.py  team webhooks and escalation
- replies.py  flows/replies.yaml and flows/templates.yaml; wiring.py  startup hook and jobs
"""
