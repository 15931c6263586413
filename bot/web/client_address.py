"""The address a request comes from, for sign-in throttling.

`X-Forwarded-For` is anyone's to write, so it is read only when the peer is a proxy listed
in `SAUTI_TRUSTED_PROXIES` (IPs or networks; none by default). Then the right-most address
that is not itself a listed proxy is the client: entries further left were written by the
client and prove nothing.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # config.py checks the setting with parse_proxies: no FastAPI needed
    from fastapi import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def parse_proxies(value: str) -> tuple[Network, ...]:
    """`10.0.0.1, 172.16.0.0/12` → networks; ValueError naming a bad entry."""
    found = []
    for entry in (part.strip() for part in value.split(",")):
        if not entry:
            continue
        try:
            found.append(ipaddress.ip_network(entry, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an IP address or network: {entry!r}") from exc
    return tuple(found)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address, proxies: tuple[Network, ...]
) -> bool:
    return any(address in network for network in proxies)


def client_address(peer: str | None, forwarded_for: list[str], proxies: tuple[Network, ...]) -> str:
    """The client's address given the peer, the X-Forwarded-For headers (in order) and the
    trusted proxies."""
    if not peer:
        return "unknown"
    current = _address(peer)
    if current is None or not _trusted(current, proxies):
        return peer
    hops = [hop for header in forwarded_for for hop in header.split(",")]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # a proxy of ours writes addresses: this was not written by one
        current = address
        if not _trusted(address, proxies):
            return str(address)
    # Every hop is a proxy of ours (or the header is missing or broken): the left-most
    # address we could read is as close to the client as we can get.
    return str(current)


def of_request(request: Request, trusted_proxies: str) -> str:
    return client_address(
        request.client.host if request.client else None,
        request.headers.getlist("x-forwarded-for"),
        parse_proxies(trusted_proxies),
    )
