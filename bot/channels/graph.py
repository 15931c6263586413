"""A thin async client for the Graph API calls Sauti makes: send, and fetch media.

It classifies failures (`bot.channels.errors`) and never retries: the outbox owns retries,
pacing and idempotency. The `httpx.AsyncClient` is injected, so the caller owns timeouts,
connection limits and its lifetime, and tests can point it at `tests/fakes/graph_server.py`.

    graph = GraphClient(client, "https://graph.facebook.com", "v25.0")
    wamid = await graph.send(whatsapp_path(phone_number_id), body, token)
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from bot.channels.errors import (
    MediaTooLargeError,
    PermanentError,
    SendError,
    TransientError,
    classify,
)
from bot.channels.http import failure_kind, maybe_delivered
from bot.channels.media_hosts import MediaHosts

__all__ = ["GraphClient", "MESSENGER_PATH", "whatsapp_path"]

MESSENGER_PATH = "me/messages"  # Messenger and Instagram, with the Page token
_ERROR_BODY_LIMIT = 64 * 1024
_URL_CACHE_SIZE = 256
_MAX_REDIRECTS = 3
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def whatsapp_path(phone_number_id: str) -> str:
    """The send path for a WhatsApp business number (`metadata.phone_number_id`)."""
    return f"{phone_number_id}/messages"


class GraphClient:
    def __init__(
        self,
        client: httpx.AsyncClient,
        base_url: str,
        version: str,
        media_hosts: MediaHosts | None = None,
    ) -> None:
        self._client = client
        self._root = f"{base_url.rstrip('/')}/{version.strip('/')}"
        # Where media may be downloaded from, and where the token may go (media_hosts.py).
        self._hosts = media_hosts or MediaHosts(base_url)
        # Every message is a send or two: parse each send URL once, not on every request.
        self._send_urls: dict[str, httpx.URL] = {}

    def url(self, path: str) -> str:
        return f"{self._root}/{path.lstrip('/')}"

    def _send_url(self, path: str) -> httpx.URL:
        url = self._send_urls.get(path)
        if url is None:
            if len(self._send_urls) >= _URL_CACHE_SIZE:  # paths are per business number: few
                self._send_urls.clear()
            try:
                url = httpx.URL(self.url(path))
            except httpx.InvalidURL as exc:
                raise PermanentError(f"invalid URL ({type(exc).__name__})") from exc
            self._send_urls[path] = url
        return url

    async def send(self, path: str, body: dict, token: str) -> str | None:
        """POST `body` to `{base}/{version}/{path}`.

        Returns:
            The platform's id for the sent message (WhatsApp `messages[0].id`, Messenger
            `message_id`), or None for calls that create no message (mark read, sender
            actions).

        Raises:
            SendError: the classified failure (see `bot.channels.errors`).
        """
        content = _JSON.encode(body).encode()  # what httpx's json= sends, minus its overhead
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        response = await self._request(
            "POST", self._send_url(path), content=content, headers=headers
        )
        data = _json(response.content)
        if response.is_error or (isinstance(data, dict) and "error" in data):
            raise classify(response.status_code, data, retry_after=_retry_after(response))
        return _message_id(data)

    async def fetch_media(self, media_id: str, token: str, max_bytes: int) -> tuple[bytes, str]:
        """Download a WhatsApp media id: GET its metadata, then its short-lived URL.

        Both calls carry the Bearer token (Meta's media URL refuses requests without it),
        but only to the Graph host and Meta's media host: a URL elsewhere is refused.

        Returns:
            (content, mime type).

        Raises:
            MediaTooLargeError: the file is larger than `max_bytes` (checked while streaming).
            SendError: any other classified failure.
        """
        response = await self._request("GET", self.url(media_id), headers=_auth(token))
        meta = _json(response.content)
        if response.is_error or not isinstance(meta, dict) or "error" in meta:
            raise classify(response.status_code, meta if isinstance(meta, dict) else None)
        url = meta.get("url")
        if not isinstance(url, str) or not url:
            raise PermanentError("media metadata without a url", status_code=response.status_code)
        size = _size(meta.get("file_size"))  # some proxies send it as a string
        if size is not None and size > max_bytes:
            raise MediaTooLargeError(f"media is {size} bytes, limit {max_bytes}")
        content, mime = await self._download(url, max_bytes, token, expired_is_transient=True)
        mime_type = meta.get("mime_type")
        return content, mime_type if isinstance(mime_type, str) and mime_type else mime

    async def fetch_url(self, url: str, max_bytes: int) -> tuple[bytes, str]:
        """Download a Messenger/Instagram CDN URL (no token); (content, mime type)."""
        return await self._download(url, max_bytes, None, expired_is_transient=False)

    async def _download(
        self, url: str, max_bytes: int, token: str | None, *, expired_is_transient: bool
    ) -> tuple[bytes, str]:
        """GET a media URL on an allowed host, following redirects by hand within the list.

        Raises:
            PermanentError: a host outside the list (never contacted), or too many redirects.
        """
        try:
            target = httpx.URL(url)
            for _ in range(_MAX_REDIRECTS + 1):
                if not self._hosts.allows(target):
                    # The host only: the URL's query is a signature.
                    raise PermanentError(f"media host not allowed: {target.host or '(none)'}")
                send_token = token is not None and self._hosts.wants_token(target)
                headers = _auth(token) if send_token and token else {}
                async with self._client.stream(
                    "GET", target, headers=headers, follow_redirects=False
                ) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise PermanentError("media redirect without a location")
                        target = target.join(location)
                        continue
                    return await _media_response(response, max_bytes, expired_is_transient)
            raise PermanentError(f"media URL redirected more than {_MAX_REDIRECTS} times")
        except httpx.TransportError as exc:
            raise _network_error(exc) from exc
        except httpx.InvalidURL as exc:
            raise PermanentError(f"invalid URL ({type(exc).__name__})") from exc

    async def _request(self, method: str, url: str | httpx.URL, **kwargs: Any) -> httpx.Response:
        try:
            return await self._client.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise _network_error(exc) from exc
        except httpx.InvalidURL as exc:
            raise PermanentError(f"invalid URL ({type(exc).__name__})") from exc


async def _media_response(
    response: httpx.Response, max_bytes: int, expired_is_transient: bool
) -> tuple[bytes, str]:
    """The body of a media download, bounded before reading (Content-Length) and while."""
    if response.is_error:
        body = _json(await _read(response, _ERROR_BODY_LIMIT, truncate=True))
        if response.status_code == 404 and expired_is_transient:
            # WhatsApp media URLs live 5 minutes; a fresh fetch gets a new one.
            raise TransientError("media URL expired", status_code=404)
        raise classify(response.status_code, body if isinstance(body, dict) else None)
    length = _size(response.headers.get("content-length"))
    if length is not None and length > max_bytes:
        raise MediaTooLargeError(f"media is {length} bytes, limit {max_bytes}")
    content = await _read(response, max_bytes, truncate=False)
    return content, response.headers.get("content-type", "application/octet-stream")


async def _read(response: httpx.Response, limit: int, *, truncate: bool) -> bytes:
    chunks, total = [], 0
    async for chunk in response.aiter_bytes():
        total += len(chunk)
        if total > limit:
            if truncate:
                chunks.append(chunk[: limit - (total - len(chunk))])
                break
            raise MediaTooLargeError(f"media exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _network_error(exc: httpx.TransportError) -> SendError:
    kind = failure_kind(exc)
    err = TransientError(f"{kind} ({type(exc).__name__})", title=kind)
    err.maybe_sent = maybe_delivered(exc)  # type: ignore[attr-defined]
    return err


def _size(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _json(content: bytes) -> Any:
    try:
        return json.loads(content) if content else None
    except ValueError:  # an HTML error page from a proxy, or a truncated body
        return None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after", "")
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 < seconds < 24 * 3600 else None


def _message_id(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    messages = data.get("messages")
    if isinstance(messages, list) and messages and isinstance(messages[0], dict):
        wamid = messages[0].get("id")
        return wamid if isinstance(wamid, str) else None
    mid = data.get("message_id")
    return mid if isinstance(mid, str) else None
