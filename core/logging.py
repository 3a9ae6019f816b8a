"""JSON-lines log records that carry the id of the request they belong to."""

import contextvars
import json
import logging
from datetime import UTC, datetime

request_id_var = contextvars.ContextVar("request_id", default=None)

# Attributes every LogRecord has; anything else was passed in `extra=` and is kept.
_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        # Django logs 4xx answers after the middleware has finished; those records
        # carry the request itself.
        record.request_id = request_id_var.get() or getattr(
            getattr(record, "request", None), "id", None
        )
        return True


class JSONFormatter(logging.Formatter):
    """One JSON object a line: what a log shipper indexes without parsing rules."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name, value in vars(record).items():
            if name not in _RECORD_ATTRIBUTES and name != "request":
                entry[name] = value
        # Django's request logger attaches the request to errors: say what it was.
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry.setdefault("method", request.method)
            entry.setdefault("path", request.get_full_path())
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                entry["user_id"] = user.pk
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
