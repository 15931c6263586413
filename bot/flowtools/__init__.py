"""Tools around the flow engine, for people who write and review flows; nothing here runs
when the bot answers a message (the engine, bot/engine/, is the runtime and never imports
this package).

    check.py          `sauti flows check`: a flow's problems as file:line, before it goes live
    check_replies.py  `sauti flows check` for flows/replies.yaml (canned replies, consent)
    scripts.py        conversation scripts (`sauti flows test`) and a context on real catalogs
    draw.py           `sauti flows draw`: Mermaid, and the one reading of a flow's ways
    draw_svg.py       the same drawing as SVG, HTML or PNG (the admin area's flow page too)
    terminal_chat.py  `sauti chat`: talk to a flow in the terminal
"""
