"""What the bot says about whom to call: only checked numbers, each with its service named,
the safer services first (and why, in one line), or honestly that we have none.

The numbers come from the host's emergency book through `Context.emergency`; which ones
may be given (verified, recent, trusted) is decided there (`bot.geo.numbers_policy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.engine import context as tools
from bot.engine.effects import PlaceMatch
from bot.engine.render import text

if TYPE_CHECKING:
    from bot.engine.turn import Turn

AT_SEA = "at_sea"


def give(turn: Turn, location: PlaceMatch, again: bool = False) -> None:
    """Say the checked numbers for where `location` is (a country, or at sea off one).
    `again`: said once already; only checked numbers are worth a second message."""
    ctx, lang = turn.ctx, turn.lang
    cc = location.country_code
    at_sea = location.situation == AT_SEA
    advice = tools.emergency_advice(ctx, "sea" if at_sea else cc, near=cc if at_sea else None)
    country = tools.country_name(ctx, cc, lang) if cc else ""
    if advice.numbers:
        lines = "\n".join(_line(turn, n) for n in advice.numbers)
        turn.say("emergency-number-sea" if at_sea else "emergency-number", country=country,
                 numbers=lines)  # fmt: skip
        for risk in advice.risks:
            turn.say(f"risk-{risk}-why")
        return
    if again:
        return
    turn.say("emergency-none-sea" if at_sea else "emergency-none", country=country)
    hotline(turn)


def hotline(turn: Turn) -> None:
    """The NGO's own line, when it has one."""
    if turn.ctx.hotline:
        turn.say("emergency-hotline", hotline=turn.ctx.hotline)


def _line(turn: Turn, number: Any) -> str:
    """ "ambulance: 15"; at sea "coast guard (Italy): 1530"; the area when not everywhere."""
    ctx, lang = turn.ctx, turn.lang
    service = text(ctx, lang, f"service-{number.service}-name")
    where = [tools.country_name(ctx, number.country, lang)] if number.country else []
    if number.area:
        where.append(number.area)
    label = f"{service} ({', '.join(where)})" if where else service
    return f"{label}: {number.number}"
