"""Where the CPU of one first-contact message goes, stage by stage, in one process.

    uv run python -m bench.profile_pipeline [--n 500] [--db URL] [--profile STAGE]

Builds the real runtime (flows, catalogs, gazetteer) on a fresh database, answers Graph sends
instantly from an httpx MockTransport, and times each stage of the pipeline over N signed
webhooks from first-time contacts: intake (signature + commit of the raw body), ingest
(parse into messages), process (flow, case, outbox rows) and send (claim, request, record).
`--profile intake|ingest|process|send` prints the cProfile top functions of that stage.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import tempfile
import time
from pathlib import Path

import httpx
from cryptography.fernet import Fernet

from bench.payloads import APP_SECRET, PHONE_ID, encode, text_event
from bot.app import create_app
from bot.config import Settings
from bot.runtime import Runtime

ROOT = Path(__file__).resolve().parent.parent


def _graph(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    if body.get("status") == "read":
        return httpx.Response(200, json={"success": True})
    return httpx.Response(200, json={"messages": [{"id": "wamid.X"}]})


async def run(n: int, url: str, profile: str | None, batch: int) -> None:
    settings = Settings(
        database_url=url,
        app_secret=APP_SECRET,
        verify_token="v",
        data_key=Fernet.generate_key().decode(),
        session_secret="s",
        whatsapp_token="t",
        flows_dir=ROOT / "flows",
        locales_dir=ROOT / "locales",
        business_rate=100000,
        send_concurrency=64,
        log_level="WARNING",
    )
    http = httpx.AsyncClient(transport=httpx.MockTransport(_graph))
    app = create_app(settings, http=http, create_tables=True, start_workers=False)

    async with app.router.lifespan_context(app):
        rt: Runtime = app.state.runtime
        await asyncio.to_thread(rt.pipeline.brain.gazetteer)  # type: ignore[attr-defined]

        def bodies_for(first: int, count: int) -> list[tuple[bytes, str]]:
            return [
                encode(text_event(first + i, f"wamid.prof.{first + i}.{time.time_ns()}"))
                for i in range(count)
            ]

        bodies = bodies_for(1, 20)  # the warm-up round: caches, catalogs, first queries
        w = rt.workers
        intake = rt.intake
        from bot.channels.signature import verify

        async def do_intake() -> None:
            async def one(body: bytes, sig: str) -> None:
                assert verify(APP_SECRET, body, sig)
                await intake.submit(body)

            await asyncio.gather(*(one(b, s) for b, s in bodies))

        async def do_ingest() -> None:
            from bot.pipeline import ingest

            while await ingest.ingest_pending(rt.db, batch=50, max_chars=4096):
                pass

        async def do_process() -> None:
            from bot.pipeline import conversations

            # In chunks, as the workers apply them once a burst's webhooks are in.
            while ids := await conversations.pending_conversations(rt.db):
                for i in range(0, len(ids), batch):
                    await conversations.process_conversations(rt.pipeline, ids[i : i + batch])

        async def do_send() -> None:
            while await w.outbound_once():
                pass

        stages = [("intake", do_intake), ("ingest", do_ingest), ("process", do_process),
                  ("send", do_send)]  # fmt: skip
        for _, fn in stages:
            await fn()
        bodies = bodies_for(10_000, n)
        total = 0.0
        for name, fn in stages:
            # CPU time, not wall: waits (the database, a loaded machine) would drown it.
            prof = cProfile.Profile(time.process_time) if profile == name else None
            start, wall = time.process_time(), time.perf_counter()
            if prof:
                prof.enable()
            await fn()
            if prof:
                prof.disable()
            cpu = time.process_time() - start
            total += cpu
            print(f"{name:8} {cpu * 1000 / n:7.2f} ms CPU/msg   "
                  f"{(time.perf_counter() - wall) * 1000 / n:7.2f} ms wall/msg")  # fmt: skip
            if prof:
                out = io.StringIO()
                stats = pstats.Stats(prof, stream=out).sort_stats("cumulative")
                stats.print_stats(45)
                print(out.getvalue())
                out = io.StringIO()
                pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(30)
                print(out.getvalue())
        print(f"{'total':8} {total * 1000 / n:7.2f} ms CPU/msg  ({PHONE_ID})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--db", default="")
    parser.add_argument("--profile", choices=["intake", "ingest", "process", "send"])
    parser.add_argument(
        "--batch", type=int, default=8, help="conversations per transaction (Workers.process_batch)"
    )
    args = parser.parse_args()
    url = args.db or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/prof.db"
    asyncio.run(run(args.n, url, args.profile, args.batch))


if __name__ == "__main__":
    main()
