"""Everything one process holds while it runs: settings, database, catalogs, flows, workers.

The composition root: `build_runtime` builds every service here, in one place, and the app's
lifespan (or the CLI) keeps the result; the routers reach it through `bot.web.deps`. Case
actions get it as their `CaseHost` (resume a chat, wake the sender).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from sqlalchemy import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.cases.events import EventBus, attach
from bot.cases.sink import CaseSink
from bot.channels.graph import GraphClient
from bot.channels.http import graph_http_client
from bot.config import Settings
from bot.engine.registry import FlowRegistry
from bot.flowtools.check import is_flow_file
from bot.groups.towns import Towns, gazetteer_for
from bot.i18n.catalog import Catalogs
from bot.i18n.words import Lexicon
from bot.pipeline import outbox
from bot.pipeline.brain import AckBrain, FlowBrain
from bot.pipeline.circuits import Circuits
from bot.pipeline.conversations import Pipeline, resume
from bot.pipeline.intake import Intake, webhook_intake
from bot.pipeline.pacing import SharedPacer
from bot.pipeline.sending import Pacer, Paces, Sender
from bot.pipeline.workers import Workers
from bot.store import crypto
from bot.store.db import Database
from bot.store.insert_if_absent import insert_if_absent
from bot.store.models import Conversation, FlowSource, utcnow

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    settings: Settings
    db: Database
    catalogs: Catalogs
    sink: CaseSink
    pipeline: Pipeline
    workers: Workers
    http: httpx.AsyncClient
    intake: Intake  # the webhook's writer: bodies arriving together share one commit
    events: EventBus  # case events for the inbox's live updates (SSE)
    towns: Towns  # employer towns read for groups; remembers what it read
    session_secret: str  # signs web sessions: from settings, else random for this process
    registry: FlowRegistry | None = None
    lexicon: Lexicon | None = None
    # Set by the app's lifespan: `/readyz` says ready once it is done.
    warming: asyncio.Future[None] | None = None
    cases_installed: bool = False  # the cases layer's periodic jobs are among the workers'
    # Tasks started by start-up hooks (e.g. the demo's banner), kept so they are not lost.
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def kick(self) -> None:
        self.workers.kick()

    def kick_outbound(self) -> None:
        self.workers.kick_outbound()

    async def resume(self, session: AsyncSession, conv: Conversation) -> None:
        await resume(self.pipeline, session, conv)

    async def close(self) -> None:
        await self.workers.stop()
        await self.http.aclose()
        await self.db.dispose()


def load_flows(settings: Settings) -> tuple[FlowRegistry | None, Lexicon | None]:
    """The flow registry and answer lexicon, or (None, None) when there are no flows."""
    flows_dir = settings.flows_dir
    if not (flows_dir / "distress.yaml").is_file():
        log.warning("no flows in %s: answering with a fixed acknowledgement", flows_dir)
        return None, None
    return FlowRegistry(flows_dir), Lexicon(settings.locales_dir)


async def remember_flow_versions(db: Database, registry: FlowRegistry | None) -> None:
    """Store the current flow sources, and feed back every version ever stored."""
    if registry is None:
        return
    async with db.session() as session, session.begin():
        stored = (await session.execute(select(FlowSource))).scalars().all()
        known = {(s.flow_id, s.version) for s in stored}
        for src in stored:
            registry.add_source(src.source, src.path or f"{src.flow_id}.yaml")
        for path in sorted(registry.flows_dir.glob("*.yaml")):
            if not is_flow_file(path):
                continue  # places, replies, templates, emergency numbers live here too
            try:
                flow = registry.latest(path.stem)
            except Exception:  # noqa: BLE001 - `sauti flows check` reports broken files
                log.exception("flow %s cannot be loaded", path.name)
                continue
            if (flow.id, flow.version) not in known:
                known.add((flow.id, flow.version))
                # Several processes start at once (`serve --workers N`, replicas): the first
                # one stores the version, the others must not fail on it.
                await session.execute(
                    insert_if_absent(session, FlowSource.__table__, "flow_id", "version").values(
                        flow_id=flow.id,
                        version=flow.version,
                        source=flow.source,
                        path=flow.path,
                        created_at=utcnow(),
                    )
                )


def pacer_for(db: Database, settings: Settings) -> Paces:
    """In memory with one writer (one process); otherwise shared by every process."""
    burst, rate = settings.contact_burst, settings.business_rate
    if db.one_writer:
        return Pacer(contact_burst=burst, business_rate=rate)
    return SharedPacer(db, contact_burst=burst, business_rate=rate)


def build_runtime(settings: Settings, *, http: httpx.AsyncClient | None = None) -> Runtime:
    crypto.configure(settings.data_keys, settings.hash_key)
    db = Database(settings.database_url)
    catalogs = Catalogs(settings.locales_dir)
    registry, lexicon = load_flows(settings)
    brain: FlowBrain | AckBrain
    if registry is not None and lexicon is not None:
        brain = FlowBrain(
            registry,
            catalogs,
            lexicon,
            org=settings.org_name,
            retention_days=settings.retention_days,
            flows_dir=settings.flows_dir,
            hotline=settings.hotline,
            numbers_max_age_months=settings.numbers_max_age_months,
        )
    else:
        brain = AckBrain(catalogs)
    sink = CaseSink()
    pipeline = Pipeline(
        db=db, brain=brain, sink=sink, catalogs=catalogs, flood_per_minute=settings.flood_per_minute
    )
    client = http or graph_http_client(
        httpx.Timeout(10.0, connect=5.0), max_connections=settings.send_concurrency * 2
    )
    graph = GraphClient(client, settings.graph_url, settings.graph_version)
    gate = Circuits(db)
    sender = Sender(
        graph=graph,
        whatsapp_token=settings.whatsapp_token,
        messenger_token=settings.messenger_token,
        pacer=pacer_for(db, settings),
        gate=gate,
    )
    workers = Workers(
        pipeline=pipeline,
        send=sender,
        circuits=gate,
        outbox_settings=outbox.OutboxSettings(
            stale_after=timedelta(seconds=settings.outbox_stale_seconds),
        ),
        poll_interval=settings.poll_interval,
        send_concurrency=settings.send_concurrency,
        max_chars=settings.max_text_chars,
        max_body_bytes=settings.max_body_bytes,
        listen=settings.listen_notify,
    )
    events = EventBus()
    attach(db, events)
    return Runtime(
        settings=settings,
        db=db,
        catalogs=catalogs,
        sink=sink,
        pipeline=pipeline,
        workers=workers,
        http=client,
        intake=webhook_intake(db),
        events=events,
        towns=Towns(gazetteer_for(settings.flows_dir)),
        session_secret=settings.session_secret or secrets.token_urlsafe(32),
        registry=registry,
        lexicon=lexicon,
    )
