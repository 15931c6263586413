"""Plugs the cases layer into a running Runtime: its periodic jobs.

`install(runtime)` is an async startup hook (app.state.startup_hooks): it adds four jobs to
the workers: deliver team notifications, escalate unclaimed urgent cases, fetch media, and
open the cases of people none of whose replies reached them (bot.cases.unreached).
The event bus (`runtime.events`) is attached when the runtime is built. Idempotent. If the
workers are already running, it starts the jobs itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.cases import notify
from bot.cases.events import EventBus
from bot.cases.unreached import open_unreached
from bot.channels.graph import GraphClient
from bot.channels.media_hosts import MediaHosts
from bot.media import fetch_pending
from bot.runtime import Runtime

NOTIFY_PERIOD = 2.0  # "at once": a due notification waits at most this long
ESCALATE_PERIOD = 15.0
MEDIA_PERIOD = 3.0
UNREACHED_PERIOD = 15.0


def jobs(runtime: Runtime) -> list[tuple[float, Callable[[], Awaitable[object]]]]:
    settings = runtime.settings

    async def deliver_notifications() -> int:
        return await notify.deliver_due(
            runtime.db, runtime.http, secret=settings.notify_secret, public_url=settings.public_url
        )

    async def escalate_unclaimed() -> list[str]:
        return await notify.escalate_unclaimed(
            runtime.db, minutes=settings.unclaimed_urgent_minutes
        )

    async def fetch_media() -> int:
        hosts = MediaHosts(settings.graph_url, settings.media_hosts)
        graph = GraphClient(runtime.http, settings.graph_url, settings.graph_version, hosts)
        return await fetch_pending(
            runtime.db,
            graph,
            whatsapp_token=settings.whatsapp_token,
            messenger_token=settings.messenger_token,
            max_bytes=settings.max_media_bytes,
        )

    async def mark_unreached() -> list[str]:
        return await open_unreached(runtime.db, runtime.sink)

    return [
        (NOTIFY_PERIOD, deliver_notifications),
        (UNREACHED_PERIOD, mark_unreached),
        (ESCALATE_PERIOD, escalate_unclaimed),
        (MEDIA_PERIOD, fetch_media),
    ]


async def install(runtime: Runtime) -> EventBus:
    """Startup hook: the periodic jobs (once per runtime). Returns the runtime's event bus."""
    bus = runtime.events
    if runtime.cases_installed:
        return bus
    runtime.cases_installed = True
    runtime.workers.add_jobs(jobs(runtime))
    return bus
