"""Which address sign-in throttling counts against: X-Forwarded-For only from listed proxies."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.web.client_address import client_address, parse_proxies

PROXY = parse_proxies("10.0.0.1, 172.16.0.0/12")


def test_without_listed_proxies_the_header_is_ignored_even_from_loopback() -> None:
    assert client_address("127.0.0.1", ["203.0.113.7"], ()) == "127.0.0.1"
    assert client_address("198.51.100.1", ["203.0.113.7"], PROXY) == "198.51.100.1"


def test_behind_a_listed_proxy_the_right_most_untrusted_address_is_the_client() -> None:
    # The client wrote "1.2.3.4" itself; the proxy appended what it saw.
    assert client_address("10.0.0.1", ["1.2.3.4, 203.0.113.7"], PROXY) == "203.0.113.7"
    # Two proxies of ours in a row, and the header split over two lines.
    assert client_address("10.0.0.1", ["1.2.3.4", "203.0.113.7, 172.16.5.5"], PROXY) == (
        "203.0.113.7"
    )


def test_a_broken_header_from_a_listed_proxy_falls_back_to_what_we_know() -> None:
    assert client_address("10.0.0.1", [], PROXY) == "10.0.0.1"
    assert client_address("10.0.0.1", ["not-an-address"], PROXY) == "10.0.0.1"
    assert client_address("10.0.0.1", ["172.16.0.9"], PROXY) == "172.16.0.9"
    assert client_address(None, ["203.0.113.7"], PROXY) == "unknown"


def test_ipv6_proxies_and_clients() -> None:
    proxies = parse_proxies("fd00::/8")
    assert client_address("fd00::1", ["2001:db8::5"], proxies) == "2001:db8::5"


def test_a_bad_proxy_setting_is_refused_at_start_with_its_name() -> None:
    with pytest.raises(ValueError, match="not an IP address or network: 'localhost'"):
        Settings(_env_file=None, trusted_proxies="10.0.0.1,localhost")  # type: ignore[call-arg]
    assert Settings(_env_file=None, trusted_proxies=" 10.0.0.0/8 ,").trusted_proxies  # type: ignore[call-arg]
