"""Plugs the cases layer into a running Runtime: the event bus and the periodic jobs.

`install(runtime)` is an async startup hook (app.state.startup_hooks): it attaches an
EventBus to the runtime's sessions (runtime.extras["events"]) and adds four jobs to the
workers: deliver team notifications, escalate unclaimed urgent cases, fetch media, and open
the cases of people none of whose replies reached them (bot.cases.unreached).
Idempotent. If the workers are already running, it starts the jobs itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from bot.cases import notify
from bot.cases.events import EventBus, attach

EVENTS_KEY = "events"
NOTIFY_PERIOD = 2.0  # "at once": a due notification waits at most this long
ESCALATE_PERIOD = 15.0
MEDIA_PERIOD = 3.0
UNREACHED_PERIOD = 15.0


def events_of(runtime: Any) -> EventBus:
    """The runtime's event bus (installed on first use, e.g. outside the app)."""
    bus = runtime.extras.get(EVENTS_KEY)
    if bus is None:
        bus = EventBus()
        runtime.extras[EVENTS_KEY] = bus
        attach(runtime.db, bus)
    return bus  # type: ignore[no-any-return]


def jobs(runtime: Any) -> list[tuple[float, Callable[[], Awaitable[object]]]]:
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
        from bot.channels.graph import GraphClient
        from bot.channels.media_hosts import MediaHosts
        from bot.media import fetch_pending

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
        from bot.cases.unreached import open_unreached

        return await open_unreached(runtime.db, runtime.sink)

    return [
        (NOTIFY_PERIOD, deliver_notifications),
        (UNREACHED_PERIOD, mark_unreached),
        (ESCALATE_PERIOD, escalate_unclaimed),
        (MEDIA_PERIOD, fetch_media),
    ]


async def install(runtime: Any) -> EventBus:
    """Startup hook: the bus and the periodic jobs (once per runtime)."""
    bus = events_of(runtime)
    if runtime.extras.get("cases_installed"):
        return bus
    runtime.extras["cases_installed"] = True
    workers = runtime.workers
    new_jobs = jobs(runtime)
    workers.extra_jobs.extend(new_jobs)
    if workers._tasks:  # noqa: SLF001 - already started: start ours alongside
        for period, job in new_jobs:
            workers._tasks.append(asyncio.create_task(workers._periodic(period, job)))  # noqa: SLF001
    return bus


async def run_jobs_once(runtime: Any) -> None:
    """Run each job once now (tests, one-shot tools)."""
    for _period, job in jobs(runtime):
        await job()
