"""Compiled flows by (flow id, version).

`latest(flow_id)` serves `flows/<id>.yaml` and recompiles it when the file changes, so an
NGO admin's edit is live for new conversations. Older versions stay available by version
for the conversations that started on them: the host keeps each version's source in its
database and feeds it back with `add_source` after a restart.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from pathlib import Path

from bot.engine.compile import CompiledFlow, compile_flow, flow_version
from bot.engine.state import ConversationState
from bot.engine.validate import FlowError

log = logging.getLogger(__name__)

_MISSING = {errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP}


class FlowRegistry:
    def __init__(self, flows_dir: Path | str) -> None:
        self.flows_dir = Path(flows_dir)
        self._by_version: dict[tuple[str, str], CompiledFlow] = {}
        self._latest: dict[str, tuple[tuple[int, int], CompiledFlow]] = {}
        self._candidates: dict[str, tuple[Path, Path]] = {}

    def path_of(self, flow_id: str) -> Path:
        return self._path_and_stat(flow_id)[0]

    def _path_and_stat(self, flow_id: str) -> tuple[Path, os.stat_result]:
        """The flow's file (.yaml before .yml) and its stat, in as few system calls as the
        common case allows: this runs on every message."""
        candidates = self._candidates.get(flow_id)
        if candidates is None:
            yaml, yml = (self.flows_dir / f"{flow_id}{s}" for s in (".yaml", ".yml"))
            candidates = self._candidates[flow_id] = (yaml, yml)
        for path in candidates:
            try:
                found = path.stat()
            except OSError as exc:
                if exc.errno not in _MISSING:  # as Path.is_file: other errors are real
                    raise
                continue
            except ValueError:  # e.g. a NUL in the name, as Path.is_file
                continue
            if stat.S_ISREG(found.st_mode):
                return path, found
        raise FileNotFoundError(f"no flow '{flow_id}' in {self.flows_dir}")

    def latest(self, flow_id: str) -> CompiledFlow:
        """The current version of `flows/<flow_id>.yaml`; recompiled when the file changed.

        A broken edit raises on first load; later, the last good version keeps serving
        (and the error is logged) so a typo never stops the line.
        """
        path, found = self._path_and_stat(flow_id)
        stamp = (found.st_mtime_ns, found.st_size)
        cached = self._latest.get(flow_id)
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            flow = self.add_source(path.read_text(encoding="utf-8"), str(path))
        except FlowError as exc:
            if cached is None:
                raise
            log.error("flow %s has errors, still serving %s: %s", flow_id, cached[1].version, exc)
            self._latest[flow_id] = (stamp, cached[1])
            return cached[1]
        self._latest[flow_id] = (stamp, flow)
        return flow

    def get(self, flow_id: str, version: str) -> CompiledFlow | None:
        found = self._by_version.get((flow_id, version))
        if found is None and flow_id not in self._latest:
            try:
                self.latest(flow_id)  # the file on disk may be that version
            except (FileNotFoundError, FlowError):
                return None
            found = self._by_version.get((flow_id, version))
        return found

    def add_source(self, text: str, path: str = "<flow>") -> CompiledFlow:
        """Compile a flow's source (cached by its version) and make it available."""
        version = flow_version(text)
        for (_fid, v), flow in self._by_version.items():
            if v == version and flow.source == text:
                return flow
        flow = compile_flow(text, path)
        self._by_version[(flow.id, flow.version)] = flow
        return flow

    def for_state(
        self, state: ConversationState | None, default_flow: str = "distress"
    ) -> CompiledFlow:
        """The flow a conversation runs on: its own version while it is running, else the
        latest (a new or ended conversation starts on the newest version)."""
        if state and not state.ended and state.flow and state.flow_version:
            found = self.get(state.flow, state.flow_version)
            if found is not None:
                return found
            log.warning("flow %s version %s unknown, using latest", state.flow, state.flow_version)
        return self.latest((state.flow if state else None) or default_flow)
