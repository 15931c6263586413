"""The conversation engine: NGO flow YAML → a pure `step(flow, state, event, ctx)`.

    schema.py    the flow format (pydantic)        loader.py    YAML with lines
    validate.py  problems as file:line             compile.py   → python-statemachine, per version
    registry.py  flows by (id, version)            runner.py    step(): the pure engine
    turn.py      moving through a flow             answers.py   answers by step kind
    matching.py  typed text → answer ids           render.py    message ids → Replies
    places.py    where the person is (typed, pins) where.py     what we noted, said back
    emergency.py whom to call (checked numbers)
    priority.py  priority rules                    timers.py    timeouts, writing first
    state.py     the conversation state, versioned effects.py   what a step asks of the host
    host.py      apply_effects: how every host applies a step (the pipeline, the scripts)
    context.py   what the engine needs from outside (places, languages: bot.geo, bot.i18n)

The tooling around flows (checker, script runner, drawings, terminal chat) is in
bot/flowtools/: it imports the engine, never the other way round.

Nothing here does I/O on its own account beyond reading flow files: no web framework, no
database, no network, and message text is never logged.
"""
