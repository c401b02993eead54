"""Storage: the only package that talks SQL (SQLAlchemy 2.0, SQLite or PostgreSQL).

- ``db``: engines (URL normalisation, SQLite pragmas), sessions, migrations.
- ``tables``: the schema as typed classes; ``types``: the UTC timestamp type.
- ``queries``: every query as a function taking a ``Session``.
- ``migrations``: Alembic environment and revisions, shipped in the package.
"""
