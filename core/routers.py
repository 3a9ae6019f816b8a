"""Sends anonymous reads to PostgreSQL read replicas when DATABASE_REPLICA_URLS is set.

Everything else — writes, staff pages, management commands — uses the primary, so an
editor always sees what they just saved, whatever the replication lag.
"""

import contextlib
import contextvars
import random

from django.conf import settings

_replica_reads = contextvars.ContextVar("replica_reads", default=False)


@contextlib.contextmanager
def replica_reads():
    token = _replica_reads.set(True)
    try:
        yield
    finally:
        _replica_reads.reset(token)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _replica_reads.get() and settings.DATABASE_REPLICAS:
            return random.choice(settings.DATABASE_REPLICAS)  # noqa: S311 - load spreading, not secrecy
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
