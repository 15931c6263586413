"""`sauti locales check`: every catalog and word list is complete and well formed.

For each locale under `locales/`: `bot.ftl` parses with no junk, has exactly the ids of
English with the same `$variables`, plural selectors where English has them (with only
categories the language has in CLDR), button labels that fit WhatsApp (20 characters);
`words.yaml` parses, has all global keywords and only known answer ids.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.i18n.catalog import CATALOG_FILE, SOURCE_LOCALE, fallback_chain
from bot.i18n.wordlists import (
    ANSWER_IDS,
    KEYWORDS,
    OPTIONAL_KEYWORDS,
    OPTIONAL_SECTIONS,
    WORDS_FILE,
    read_yaml,
)

__all__ = ["BUTTON_MAX", "Problem", "check_locales", "run_check"]

BUTTON_MAX = 20  # WhatsApp reply-button title and list-button text limit
LIST_ROW_MAX = 24  # WhatsApp list-row title limit (the language menu shows language-name)
_JUNK_ID = re.compile(r"\s*(-?[a-zA-Z][\w-]*)\s*=")


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class _Entry:
    line: int
    variables: frozenset[str]
    selectors: frozenset[str]  # variables that select a variant, e.g. { $n -> ... }
    variant_keys: dict[str, frozenset[str]]  # selector variable → its variant keys
    text: str | None  # the plain text, when the value has no placeables


class _Collect(Visitor):
    def __init__(self) -> None:
        self.variables: set[str] = set()
        self.variant_keys: dict[str, set[str]] = {}

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.variables.add(node.id.name)

    def visit_SelectExpression(self, node: ast.SelectExpression) -> None:  # noqa: N802
        selector = node.selector
        if isinstance(selector, ast.FunctionReference) and selector.arguments.positional:
            selector = selector.arguments.positional[0]
        if isinstance(selector, ast.VariableReference):
            keys = self.variant_keys.setdefault(selector.id.name, set())
            for variant in node.variants:
                key = variant.key
                keys.add(key.name if isinstance(key, ast.Identifier) else key.value)
        self.generic_visit(node)


def _line(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _plain_text(entry: ast.Message | ast.Term) -> str | None:
    if entry.value is None:
        return None
    parts = entry.value.elements
    if all(isinstance(p, ast.TextElement) for p in parts):
        return "".join(p.value for p in parts)
    return None


def _read_ftl(path: Path, problems: list[Problem]) -> dict[str, _Entry] | None:
    """Message and term ids of one catalog; junk and duplicates are added to `problems`."""
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(Problem(path, 1, f"cannot read: {exc.strerror}"))
        return None
    entries: dict[str, _Entry] = {}
    for node in FluentParser(with_spans=True).parse(source).body:
        # The id's own position: a message's span starts at its comment.
        start = node.id.span if isinstance(node, ast.Message | ast.Term) else node.span
        line = _line(source, start.start) if start else 1
        if isinstance(node, ast.Junk):
            why = "; ".join(a.message for a in node.annotations) or "syntax error"
            named = _JUNK_ID.match(node.content)
            what = f"{named.group(1)}: " if named else ""
            problems.append(Problem(path, line, f"{what}does not parse: {why}"))
            continue
        if not isinstance(node, ast.Message | ast.Term):
            continue
        name = ("-" if isinstance(node, ast.Term) else "") + node.id.name
        if name in entries:
            problems.append(Problem(path, line, f"{name}: defined twice"))
        collect = _Collect()
        collect.visit(node)
        entries[name] = _Entry(
            line=line,
            variables=frozenset(collect.variables),
            selectors=frozenset(collect.variant_keys),
            variant_keys={k: frozenset(v) for k, v in collect.variant_keys.items()},
            text=_plain_text(node),
        )
    return entries


def _plural_categories(lang: str) -> frozenset[str] | None:
    """CLDR plural categories of `lang` (through its chain: ary → ar), "other" included."""
    for tag in fallback_chain(lang):
        try:
            return frozenset(Locale.parse(tag.replace("-", "_")).plural_form.tags | {"other"})
        except (UnknownLocaleError, ValueError):
            continue
    return None


def _is_button(msg_id: str) -> bool:
    """Option labels ("safety-danger_now", "consent-yes", "location-other") and buttons."""
    if "-" not in msg_id:
        return False
    last = msg_id.rsplit("-", 1)[-1]
    return last in ANSWER_IDS or "_" in last or last in ("button", "other")


def _compare(
    path: Path, lang: str, source: dict[str, _Entry], entries: dict[str, _Entry]
) -> Iterator[Problem]:
    for name in source.keys() - entries.keys():
        yield Problem(path, 1, f"{name}: missing (it is in {SOURCE_LOCALE})")
    for name in entries.keys() - source.keys():
        yield Problem(path, entries[name].line, f"{name}: not in {SOURCE_LOCALE} (extra id)")
    categories = _plural_categories(lang)
    for name in sorted(source.keys() & entries.keys()):
        want, have = source[name], entries[name]
        if want.variables != have.variables:
            yield Problem(
                path,
                have.line,
                f"{name}: variables {_show(have.variables)}, {SOURCE_LOCALE} has "
                f"{_show(want.variables)}",
            )
        for var in sorted(want.selectors - have.selectors):
            yield Problem(path, have.line, f"{name}: no plural selector on ${var}")
        for var, keys in sorted(have.variant_keys.items()):
            wrong = {k for k in keys if not k.replace(".", "").isdigit()} - (categories or keys)
            if wrong:
                yield Problem(
                    path,
                    have.line,
                    f"{name}: ${var} variants {_show(wrong, '')} are not plural categories "
                    f"of {lang} ({_show(categories or frozenset(), '')})",
                )
        if _is_button(name) and have.text is not None and len(have.text) > BUTTON_MAX:
            yield Problem(
                path,
                have.line,
                f"{name}: button label has {len(have.text)} characters, "
                f"WhatsApp allows {BUTTON_MAX}",
            )
        if name == "language-name" and have.text and len(have.text) > LIST_ROW_MAX:
            yield Problem(path, have.line, f"{name}: longer than {LIST_ROW_MAX} characters")


def _show(names: frozenset[str] | set[str], sigil: str = "$") -> str:
    return ", ".join(sigil + n for n in sorted(names)) or "none"


def _key_line(path: Path, key: str) -> int:
    """The line where `key:` first appears in a YAML file (1 when not found)."""
    pattern = re.compile(rf"(^|[\s{{,]){re.escape(str(key))}\s*:")
    try:
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(text.split("#", 1)[0]):
                return number
    except OSError:
        pass
    return 1


def _check_words(path: Path) -> Iterator[Problem]:
    try:
        data = read_yaml(path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        yield Problem(path, mark.line + 1 if mark else 1, f"does not parse: {exc}")
        return
    except OSError as exc:
        yield Problem(path, 1, f"cannot read: {exc.strerror}")
        return
    if not isinstance(data, dict):
        yield Problem(path, 1, "must be a mapping with `keywords:` and `answers:`")
        return
    for key in data.keys() - {"keywords", "answers", *OPTIONAL_SECTIONS}:
        yield Problem(path, _key_line(path, key), f"unknown section `{key}`")
    sections = {
        "keywords": KEYWORDS, "answers": ANSWER_IDS, "alone": ANSWER_IDS,
        "doubtful": ANSWER_IDS, "concepts": ANSWER_IDS,
    }  # fmt: skip
    for section, known in sections.items():
        body = data.get(section)
        if section in ("alone", "doubtful", "concepts") and body is None:
            continue  # optional
        if not isinstance(body, dict):
            yield Problem(path, _key_line(path, section), f"`{section}:` must be a mapping")
            continue
        for key, words in body.items():
            if key not in known:
                yield Problem(path, _key_line(path, key), f"{section}: unknown id `{key}`")
            elif not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                yield Problem(path, _key_line(path, key), f"{section}.{key}: must be a list")
        if section == "keywords":
            for key in KEYWORDS:
                if key not in OPTIONAL_KEYWORDS and not body.get(key):
                    yield Problem(path, _key_line(path, section), f"keywords: `{key}` missing")
    groups = data.get("keyword_words", {})
    if not isinstance(groups, dict):
        yield Problem(path, _key_line(path, "keyword_words"), "keyword_words: must be a mapping")
        groups = {}
    for key, body in groups.items():
        if str(key).split(".")[0] not in KEYWORDS:  # "stop.negated": more groups for stop
            yield Problem(path, _key_line(path, key), f"keyword_words: unknown keyword `{key}`")
        elif (
            not isinstance(body, list)
            or not body
            or not all(
                isinstance(g, list) and g and all(isinstance(w, str) for w in g) for g in body
            )
        ):
            yield Problem(
                path, _key_line(path, key), f"keyword_words.{key}: must be a list of word lists"
            )
    ordinals = data.get("ordinals", [])
    if not isinstance(ordinals, list) or not all(isinstance(o, list) for o in ordinals):
        yield Problem(path, _key_line(path, "ordinals"), "ordinals: must be a list of lists")
    for key in ("negation", "negation_after", "filler", "neutral", "asking"):
        if not isinstance(data.get(key, []), list):
            yield Problem(path, _key_line(path, key), f"{key}: must be a list")


def check_locales(locales_dir: Path) -> list[Problem]:
    """Every problem in the catalogs and word lists under `locales_dir`."""
    locales_dir = Path(locales_dir)
    problems: list[Problem] = []
    source_path = locales_dir / SOURCE_LOCALE / CATALOG_FILE
    if not source_path.is_file():
        return [Problem(source_path, 1, "the source catalog is missing")]
    source = _read_ftl(source_path, problems) or {}
    for folder in sorted(p for p in locales_dir.iterdir() if p.is_dir()):
        lang, catalog, words = folder.name, folder / CATALOG_FILE, folder / WORDS_FILE
        if not catalog.is_file():
            problems.append(Problem(catalog, 1, "missing"))
        elif lang != SOURCE_LOCALE:
            entries = _read_ftl(catalog, problems)
            if entries is not None:
                problems.extend(_compare(catalog, lang, source, entries))
        if lang == SOURCE_LOCALE:
            problems.extend(_compare(source_path, lang, source, source))
        if not words.is_file():
            problems.append(Problem(words, 1, "missing"))
        else:
            problems.extend(_check_words(words))
    return sorted(problems, key=lambda p: (str(p.file), p.line, p.message))


def run_check(locales_dir: Path, echo: Callable[[str], object] = print) -> int:
    """Print each problem as "path:line: message"; 1 when there are problems, else 0."""
    problems = check_locales(locales_dir)
    for problem in problems:
        echo(str(problem))
    return 1 if problems else 0
