"""Meta channels: webhook payloads in, Graph API request bodies out.

- `signature`: the X-Hub-Signature-256 check (`sign`, `verify`).
- `meta`: the GET handshake and `parse_event`, which dispatches on `object` to
  `whatsapp.parse` and `messenger.parse` (Messenger and Instagram); all return `Inbound`s.
- `render_whatsapp`, `render_messenger`: a `Reply` as request bodies within platform
  limits; `bidi` keeps numbers and Latin readable inside right-to-left text.
- `graph`: `GraphClient` (send, fetch media), raising `errors.SendError` subclasses;
  `http`: the `httpx.AsyncClient` it runs on in production (aiohttp's connection pool).

Nothing here touches the database or the engine; modules with a leading underscore are
private helpers.
"""
