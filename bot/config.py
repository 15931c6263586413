"""Settings: the only place that reads the environment (prefix `SAUTI_`, and a `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Values that mean "nobody set this": `serve` refuses to start with them.
PLACEHOLDERS = frozenset({"", "changethis", "change-me", "changeme", "secret", "xxx", "todo"})

DEMO_APP_SECRET = "demo-app-secret"
DEMO_VERIFY_TOKEN = "demo-verify-token"
# A fixed Fernet key for demo and tests only; `serve` refuses it.
DEMO_DATA_KEY = "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q="


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="SAUTI_", env_file=".env", env_ignore_empty=True, extra="ignore"
    )

    database_url: str = "sqlite+aiosqlite:///./sauti.db"
    app_secret: str = ""
    verify_token: str = ""
    whatsapp_token: str = ""
    messenger_token: str = ""
    graph_url: str = "https://graph.facebook.com"
    graph_version: str = "v25.0"
    flows_dir: Path = Path("./flows")
    locales_dir: Path = Path("./locales")

    # Encryption at rest: comma-separated Fernet keys, newest first (rotation keeps old ones).
    data_key: str = ""
    # Keyed hashes of phone numbers and platform ids; defaults to a key derived from data_key.
    hash_key: str = ""

    org_name: str = "Sauti"
    # The NGO's own phone line (optional): given when we have no checked emergency number,
    # and to people who decline.
    hotline: str = ""
    # An emergency number a partner checked longer ago than this is not given to people.
    numbers_max_age_months: int = Field(default=12, ge=1)
    demo: bool = False
    simulator: bool = False
    # Days kept, per kind of data (issue: retention). 0 keeps forever.
    retention_days: int = 90
    retention_transcript_days: int | None = None
    retention_media_days: int | None = None
    retention_closed_case_days: int | None = None

    # Worker tuning.
    send_concurrency: int = 16
    poll_interval: float = 1.0
    # Per-contact pacing: Meta allows bursts of up to 45, then about one message per 6 s.
    contact_burst: int = 45
    max_body_bytes: int = 1024 * 1024
    max_text_chars: int = 4096
    max_media_bytes: int = 16 * 1024 * 1024
    # Hosts media is downloaded from besides the Graph API's own (Meta's CDNs; "*." matches
    # any subdomain). Nothing else is fetched, and our token goes only to Meta's hosts.
    media_hosts: str = (
        "*.fbcdn.net,*.fbsbx.com,lookaside.fbsbx.com,*.cdninstagram.com,*.whatsapp.net"
    )
    flood_per_minute: int = 30

    # Caseworker side.
    unclaimed_urgent_minutes: int = 5
    session_secret: str = ""
    notify_secret: str = ""
    # Proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated); none by
    # default, so a client cannot pick the address that sign-in throttling counts against.
    trusted_proxies: str = ""

    public_url: str = "http://127.0.0.1:8000"
    log_level: str = Field(default="INFO")
    # /metrics answers only with `Authorization: Bearer <this>`; "public" opens it to anyone;
    # unset, /metrics is off (404). See bot/web/metrics_access.py.
    metrics_token: str = ""

    # Retention of delivery data (issue #8): sent outbox rows (their bodies hold the text and
    # the recipient) and delivery receipts; raw webhook bodies that failed to parse. 0 keeps.
    retention_outbox_days: int = 7
    retention_failed_event_days: int = 7

    # Scale (issue #9). Messages per second per business number: Meta's default tier is 80;
    # numbers upgraded by Meta allow up to 1000.
    business_rate: float = 80.0
    # An outbox row claimed by a process that died is sent again after this long, unless a
    # status webhook (which echoes our key) has shown it was delivered meanwhile.
    outbox_stale_seconds: float = 120.0
    # PostgreSQL: wake the other processes with LISTEN/NOTIFY when work is stored.
    listen_notify: bool = True

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, url: str) -> str:
        # Accept the URLs people copy from docs and hosting panels.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+asyncpg://" + url[len("postgresql://") :]
        if url.startswith("sqlite:///"):
            url = "sqlite+aiosqlite:///" + url[len("sqlite:///") :]
        return url

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_parse(cls, value: str) -> str:
        from bot.web.client_address import parse_proxies

        parse_proxies(value)  # a typo fails at start, not at the first sign-in
        return value

    @property
    def data_keys(self) -> list[str]:
        keys = [k.strip() for k in self.data_key.split(",") if k.strip()]
        return keys or [DEMO_DATA_KEY]

    def missing_secrets(self) -> list[str]:
        """Names of the variables `serve` needs but that are unset or placeholders."""
        missing = []
        # session_secret too: with several workers, each would otherwise sign cookies with
        # its own random key and caseworkers would be signed out at random.
        for name in ("app_secret", "verify_token", "data_key", "session_secret"):
            value = getattr(self, name).strip()
            if value.lower() in PLACEHOLDERS or value in (
                DEMO_APP_SECRET,
                DEMO_VERIFY_TOKEN,
                DEMO_DATA_KEY,
            ):
                missing.append(f"SAUTI_{name.upper()}")
        return missing

    def as_demo(self) -> Settings:
        """The same settings with demo defaults filled in where nothing was set."""
        return self.model_copy(
            update={
                "demo": True,
                "simulator": True,
                "app_secret": self.app_secret or DEMO_APP_SECRET,
                "verify_token": self.verify_token or DEMO_VERIFY_TOKEN,
                "data_key": self.data_key or DEMO_DATA_KEY,
            }
        )


# The channels a token sends for, and the variable that holds it.
CHANNEL_TOKENS = (
    ("WhatsApp", "whatsapp_token"),
    ("Messenger and Instagram", "messenger_token"),
)


def missing_channel_tokens(settings: Settings) -> list[tuple[str, str]]:
    """(channels, variable) for each channel `serve` cannot answer on: people who write
    there are stored and their replies wait in the outbox until the token is set."""
    return [
        (channels, f"SAUTI_{name.upper()}")
        for channels, name in CHANNEL_TOKENS
        if getattr(settings, name).strip().lower() in PLACEHOLDERS
    ]


@lru_cache
def get_settings() -> Settings:
    return Settings()
