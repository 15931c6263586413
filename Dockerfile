# Sauti: production image (PostgreSQL via SAUTI_DATABASE_URL; see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    PATH="/app/.venv/bin:$PATH"

RUN pip install --no-cache-dir uv
WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY bot ./bot
COPY flows ./flows
COPY locales ./locales
RUN uv sync --frozen --no-dev
# The project is installed editable, so UV_COMPILE_BYTECODE leaves bot/ out: without this,
# every start compiles it again.
RUN python -m compileall -q bot

RUN useradd --create-home --uid 10001 sauti
USER sauti
# The place index file (bot.geo.index_file), so a new container's first start reads it.
RUN python -m bot.geo.index_file
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"

# Migrate, then serve. Secrets come from the environment (see .env.example).
CMD ["sh", "-c", "sauti db upgrade && exec sauti serve --host 0.0.0.0 --port 8000 --workers ${SAUTI_WORKERS:-2}"]
