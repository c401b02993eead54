"""Alembic migrations for the tracker schema (run by ``tracker.store.db.upgrade``)."""
