"""Files the app writes hold what people told us: only the service's own user may read them.

SQLite gives its `-wal` and `-shm` files the mode of the database file, so a database created
0600 keeps its side files 0600 as well.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def create_private(path: str | Path) -> None:
    """Create `path` empty with mode 0600 if it is missing; tighten it to 0600 if it is ours."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE))
    except FileExistsError:
        if os.stat(path).st_uid == os.getuid():
            os.chmod(path, PRIVATE)
    except OSError:
        return  # a missing folder or no permission: the caller's open says so clearly


def write_private(path: str | Path, text: str) -> None:
    """Write `text` (UTF-8) to `path`, which is 0600 from its creation on, never readable by
    others even for a moment."""
    create_private(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
