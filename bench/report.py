"""The benchmark report: a Markdown page with the tables and the targets met or missed, and a
PNG chart (matplotlib), both written next to results.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.measure import Phase

HALF = 0.5
READY_S = 3.0  # issue 27: a fresh process ready within 3 s
RSS_MB = 250  # and at most 250 MB resident per process once warmed up


def one_line(p: Phase) -> str:
    line = (
        f"{p.target:18} {p.phase:7} sent {p.sent:6} acked {p.acked:6} "
        f"ack/s {p.ack_rate:8.1f} p50 {p.p50_ms:7.1f} ms p99 {p.p99_ms:7.1f} ms"
    )
    if p.answered or p.e2e_rate:
        line += f" answered {p.answered} e2e/s {p.e2e_rate:.1f} dup {p.duplicate_replies}"
    return line + f" cpu {p.cpu_ms_per_msg:.2f} ms/msg"


def _by(phases: list[dict], phase: str) -> dict[str, dict]:
    return {p["target"]: p for p in phases if p["phase"] == phase}


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}×" if a and b else "–"


def verdicts(data: dict[str, Any]) -> list[str]:
    phases, ceiling = data["phases"], data["ceiling"]
    bursts = _by(phases, "burst")
    bare, pywa = bursts.get("bare"), bursts.get("pywa")
    sauti = {k: v for k, v in bursts.items() if k.startswith("sauti")}
    out = []
    for name, row in sauti.items():
        ack = row["ack_rate"] / bare["ack_rate"] if bare else None
        e2e = row["e2e_rate"] / pywa["e2e_rate"] if pywa and pywa["e2e_rate"] else None
        half = [
            p
            for p in phases
            if p["target"] == name
            and p["phase"] == "ladder"
            and ceiling
            and abs(p["offered_rate"] / ceiling - HALF) < 1e-6
        ]
        p99 = half[0]["p99_ms"] if half else None
        out.append(
            f"| {name} | {_mark(ack, 0.5)} {_num(ack, '×')} | {_mark(e2e, 1.0)} {_num(e2e, '×')} "
            f"| {_mark(p99, 100, below=True)} {_num(p99, ' ms', 1)} "
            f"| {row['acked'] - row['answered']} | {row['duplicate_replies']} |"
        )
    return out


def _num(value: float | None, unit: str, digits: int = 2) -> str:
    return "not measured" if value is None else f"{value:.{digits}f}{unit}"


def _mark(value: float | None, goal: float, below: bool = False) -> str:
    if value is None:
        return "–"
    return "✅" if (value < goal if below else value >= goal) else "❌"


def scale_lines(phases: list[dict]) -> tuple[list[str], list[str]]:
    rows = [p for p in phases if p["phase"] == "scale"]
    lines, verdict = [], []
    for p in rows:
        lines.append(
            f"| {p['target']} | {p['stored']:,} | {p['acked']} | {p['e2e_rate']:.1f} "
            f"| {p['cpu_ms_per_msg']:.2f} | {p['p99_ms']:.1f} |"
        )
    for target in sorted({p["target"] for p in rows}):
        mine = sorted((p for p in rows if p["target"] == target), key=lambda p: p["stored"])
        if len(mine) >= 2:
            first, last = mine[0], mine[-1]
            growth = last["cpu_ms_per_msg"] / first["cpu_ms_per_msg"]
            verdict.append(
                f"- {target}: CPU per message {first['cpu_ms_per_msg']:.2f} ms at "
                f"{first['stored']:,} stored conversations, {last['cpu_ms_per_msg']:.2f} ms at "
                f"{last['stored']:,} ({growth:.2f}×) {_mark(growth, 1.25, below=True)}"
            )
    return lines, verdict


def steady_lines(phases: list[dict]) -> list[str]:
    """Whether people are answered while a steady stream lasts: the last reply should come
    about when the last message went, not long after."""
    rows = [p for p in phases if p["phase"] == "steady"]
    if not rows:
        return []
    rate = rows[0]["offered_rate"]
    out = [
        "",
        f"## A steady stream at a busy helpline's pace ({rate:.0f} webhooks/s)",
        "",
        "| target | sent | acked | p99 ack ms | answered | replies/s "
        "| last reply after the last message, s |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in rows:
        lasted = p["sent"] / p["offered_rate"]
        behind = f"{p['e2e_seconds'] - lasted:.1f}" if p["e2e_seconds"] else "–"
        out.append(
            f"| {p['target']} | {p['sent']} | {p['acked']} | {p['p99_ms']:.1f} "
            f"| {p['answered']} | {p['e2e_rate']:.1f} | {behind} |"
        )
    return out


def startup_lines(startup: dict[str, dict[str, float]]) -> list[str]:
    """How long a fresh server took to say ready (flows, catalogs, place index, rehearsal),
    and the resident memory of its largest process once warmed up. The CPU it used until
    ready says what the start costs where other work shares the cores."""
    if not startup:
        return []
    out = [
        "",
        f"## Start and memory (targets: ready in ≤ {READY_S:.0f} s, ≤ {RSS_MB} MB per process)",
        "",
        "| target | start to ready, s | CPU used by then, s "
        "| resident memory per process after warm-up, MB |",
        "|---|---|---|---|",
    ]
    for name, s in startup.items():
        ready = f"{'✅' if s['ready_s'] <= READY_S else '❌'} {s['ready_s']:.1f}"
        rss = f"{'✅' if s['rss_mb'] <= RSS_MB else '❌'} {s['rss_mb']:.0f}"
        out.append(f"| {name} | {ready} | {s.get('ready_cpu_s', 0):.1f} | {rss} |")
    return out


def markdown(data: dict[str, Any]) -> str:
    phases, ceiling = data["phases"], data["ceiling"]
    bursts = _by(phases, "burst")
    bare, pywa = bursts.get("bare"), bursts.get("pywa")
    m = data["machine"]
    out = [
        "# Sauti load test",
        "",
        f"Profile `{data['profile']}`, {data['started']}, {data['seconds']} s; "
        f"{m['cpus']} CPUs, {m['memory_gb']} GB, Python {m['python']}, {m['system']}.",
        "Signed WhatsApp text webhooks, each from a first-time contact, over real HTTP on "
        "127.0.0.1; a Graph API stand-in in its own process answers each send after 50 ms. "
        "Load generator, stand-in, server and database share the same cores.",
        "",
        "## Targets",
        "",
        "| Sauti | ack throughput vs bare (≥ 0.5×) | replies/s vs pywa (≥ 1×) "
        f"| p99 ack at half the bare ceiling ({HALF * (ceiling or 0):.0f}/s) (< 100 ms) "
        "| acked, not answered | answered twice |",
        "|---|---|---|---|---|---|",
        *verdicts(data),
        "",
        "## Burst: as fast as acknowledged, then until every reply reached the stand-in",
        "",
        "| target | sent | ack/s | vs bare | p50 ms | p99 ms | answered | replies/s | vs pywa "
        "| answered twice | CPU ms/msg | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, p in bursts.items():
        answered = str(p["answered"]) if name != "bare" else "–"
        e2e = f"{p['e2e_rate']:.1f}" if name != "bare" else "–"
        out.append(
            f"| {name} | {p['sent']} | {p['ack_rate']:.0f} "
            f"| {_ratio(p['ack_rate'], bare and bare['ack_rate'])} "
            f"| {p['p50_ms']:.1f} | {p['p99_ms']:.1f} | {answered} | {e2e} "
            f"| {_ratio(p['e2e_rate'], pywa and pywa['e2e_rate']) if name != 'bare' else '–'} "
            f"| {p['duplicate_replies'] if name != 'bare' else '–'} "
            f"| {p['cpu_ms_per_msg']:.2f} | {p['peak_rss_mb']:.0f} |"
        )
    out += [
        "",
        "CPU counts the server's processes and, for PostgreSQL, the database server's, from "
        "the first request until the last reply; it is divided by the messages acknowledged.",
        "",
        "## Rising rates (open loop; latency counted from when each request was due)",
        "",
        "| target | offered/s | of bare ceiling | acked/s | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in phases:
        if p["phase"] == "ladder":
            share = p["offered_rate"] / ceiling if ceiling else 0
            out.append(
                f"| {p['target']} | {p['offered_rate']:.0f} | {share:.2f} | {p['ack_rate']:.0f} "
                f"| {p['p50_ms']:.1f} | {p['p99_ms']:.1f} | {p['errors']} |"
            )
    out += steady_lines(phases)
    out += startup_lines(data.get("startup") or {})
    lines, verdict = scale_lines(phases)
    if lines:
        out += [
            "",
            "## Cost per message as stored conversations grow",
            "",
            "| target | stored conversations | messages | replies/s | CPU ms/msg | p99 ack ms |",
            "|---|---|---|---|---|---|",
            *lines,
            "",
            *verdict,
        ]
    if data["notes"]:
        out += ["", "## Notes", "", *(f"- {n}" for n in data["notes"])]
    out += ["", "![chart](chart.png)", ""]
    return "\n".join(out)


def chart(data: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    phases = data["phases"]
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    ladder = [p for p in phases if p["phase"] == "ladder"]
    for target in dict.fromkeys(p["target"] for p in ladder):
        mine = [p for p in ladder if p["target"] == target]
        axes[0].plot(
            [p["offered_rate"] for p in mine],
            [p["p99_ms"] for p in mine],
            marker="o",
            label=target,
        )
    axes[0].axhline(100, color="grey", linestyle="--", linewidth=0.8)
    axes[0].set(
        xlabel="offered webhooks/s",
        ylabel="p99 acknowledgement (ms)",
        yscale="log",
        title="Acknowledgement latency",
    )
    axes[0].legend(fontsize=7)
    bursts = [p for p in phases if p["phase"] == "burst"]
    names = [p["target"] for p in bursts]
    xs = range(len(names))
    axes[1].bar([x - 0.2 for x in xs], [p["ack_rate"] for p in bursts], 0.4, label="acks/s")
    axes[1].bar([x + 0.2 for x in xs], [p["e2e_rate"] for p in bursts], 0.4, label="replies/s")
    axes[1].set_xticks(list(xs), names, rotation=30, ha="right", fontsize=7)
    axes[1].set(yscale="log", title="Burst throughput")
    axes[1].legend(fontsize=7)
    scale = [p for p in phases if p["phase"] == "scale"]
    for target in dict.fromkeys(p["target"] for p in scale):
        mine = [p for p in scale if p["target"] == target]
        axes[2].plot(
            [p["stored"] for p in mine],
            [p["cpu_ms_per_msg"] for p in mine],
            marker="o",
            label=target,
        )
    axes[2].set(
        xscale="log",
        xlabel="stored conversations",
        ylabel="CPU ms per message",
        title="Cost per message",
    )
    axes[2].set_ylim(bottom=0)
    if scale:
        axes[2].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write(data: dict[str, Any], out: Path) -> None:
    try:
        chart(data, out / "chart.png")
    except ImportError:  # matplotlib is in the `bench` group: `uv sync --group bench`
        data["notes"].append("matplotlib not installed (uv sync --group bench): no chart")
    (out / "report.md").write_text(markdown(data))
