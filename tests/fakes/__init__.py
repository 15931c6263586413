"""Stand-ins for external services, run for real on localhost (see graph_server.py)."""
