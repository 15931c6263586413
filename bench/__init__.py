"""Load tests and the reports they write (`uv run --group bench python -m bench.run`)."""
