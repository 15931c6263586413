"""Where media may be fetched from, and where our token may go.

A Messenger attachment URL and a WhatsApp media URL come from a webhook or from metadata:
text we did not write. Fetched blindly, such a URL reaches internal addresses, and the
WhatsApp token (sent with the download) would go to whatever host it names. So a download
goes only to the Graph API's own host or, over HTTPS, to Meta's CDN hosts (`SAUTI_MEDIA_HOSTS`,
`*.example.com` matching any subdomain), redirects are followed by hand within that list, and
the token goes only to the Graph host and to Meta's authenticated WhatsApp media host
(lookaside.fbsbx.com, whose URLs refuse a request without it), never across a redirect.
"""

from __future__ import annotations

from collections.abc import Iterable

import httpx

__all__ = ["MediaHosts", "parse_hosts"]

# WhatsApp media URLs live here and want the Bearer token (Meta's media download docs).
TOKEN_HOSTS = frozenset({"lookaside.fbsbx.com"})


def parse_hosts(value: str | Iterable[str]) -> tuple[str, ...]:
    """'a.com, *.b.net' → ('a.com', '*.b.net'), lower case, blanks dropped."""
    items = value.split(",") if isinstance(value, str) else value
    return tuple(h.strip().lower().rstrip(".") for h in items if h.strip())


class MediaHosts:
    def __init__(self, graph_url: str, patterns: str | Iterable[str] = ()) -> None:
        """`patterns`: the CDN hosts (`Settings.media_hosts`); none: the Graph host only."""
        graph = httpx.URL(graph_url)
        self._graph = (graph.scheme, graph.host.lower(), graph.port)
        self._patterns = parse_hosts(patterns)

    def is_graph(self, url: httpx.URL) -> bool:
        return (url.scheme, url.host.lower(), url.port) == self._graph

    def allows(self, url: httpx.URL) -> bool:
        """The Graph host itself, or HTTPS to a listed host (no credentials in the URL)."""
        if url.userinfo:
            return False
        if self.is_graph(url):
            return True
        return url.scheme == "https" and _matches(url.host.lower(), self._patterns)

    def wants_token(self, url: httpx.URL) -> bool:
        return self.is_graph(url) or (url.scheme == "https" and url.host.lower() in TOKEN_HOSTS)


def _matches(host: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False
