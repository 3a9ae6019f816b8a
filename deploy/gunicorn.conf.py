"""gunicorn for the portal, behind nginx (deploy/nginx.conf)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# nginx buffers slow clients, so a thread is busy only while it computes. Threads
# rather than sync workers for the open-data downloads: each streams for as long as
# its rows take, and holds one thread of a worker, not the worker, while the worker
# goes on answering pages and telling gunicorn it is alive (a sync worker streaming
# for longer than `timeout` would be killed mid-download).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# A worker is replaced now and then, so a slow leak never grows for weeks. Not too
# often: a new worker starts with an empty page cache and cold templates.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 10000))
max_requests_jitter = max_requests // 10
# Load the code once in the master, then fork: less memory, quicker restarts.
preload_app = True
# Only nginx on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The portal logs each request itself, as JSON with its request id.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
wsgi_app = "kenitra_portal.wsgi:application"
# systemd manages the process; gunicorn's control socket (in $HOME) is not used.
control_socket_disable = True
# gunicorn's own messages (workers starting, timeouts) as JSON lines too.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "core.logging.JSONFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["console"], "propagate": False}
    },
}
