"""`sauti flows check` for flows/replies.yaml: every canned reply names a message that
exists, and a reply marked `requires_consent: <recipient>` has the question that asks the
person for that consent (`share-<recipient>-prompt`, with the `share-yes`/`share-no` buttons).
"""

from __future__ import annotations

from pathlib import Path

from bot.consent import SHARE_NO, SHARE_YES, prompt_id
from bot.engine.loader import YamlError, load_yaml
from bot.engine.validate import Problem
from bot.i18n.catalog import Catalogs

ENTRY_KEYS = {"message", "requires_consent"}


def check_replies(path: Path | str, locales_dir: Path | str) -> list[Problem]:
    file = str(path)
    try:
        doc = load_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return [Problem(file, None, f"cannot read: {exc}")]
    except YamlError as exc:
        return [Problem(file, exc.line, exc.message)]
    replies = doc.data.get("replies") if isinstance(doc.data, dict) else None
    if not isinstance(replies, dict):
        return [Problem(file, 1, "expected 'replies:' with one line per canned reply")]
    catalogs = Catalogs(Path(locales_dir))
    problems: list[Problem] = []
    for reply_id, entry in replies.items():
        line = doc.line_of(("replies", reply_id))
        spec = entry if isinstance(entry, dict) else {"message": entry}
        unknown = sorted(set(spec) - ENTRY_KEYS)
        if unknown:
            problems.append(Problem(file, line, f"reply '{reply_id}': unknown key {unknown}"))
        message = str(spec.get("message") or "")
        if not catalogs.has(message, "en"):
            problems.append(
                Problem(file, line, f"reply '{reply_id}': message '{message}' is not in en")
            )
        recipient = spec.get("requires_consent")
        if recipient is not None:
            for needed in (prompt_id(str(recipient)), SHARE_YES, SHARE_NO):
                if not catalogs.has(needed, "en"):
                    problems.append(
                        Problem(
                            file,
                            line,
                            f"reply '{reply_id}' requires consent for '{recipient}', but "
                            f"there is no message '{needed}' to ask the person",
                        )
                    )
    return problems
