"""Configuration: YAML file + ``TRACKER_*`` environment, validated once into ``Settings``.

Modules, in the order data flows through them:

- ``yamlfile``: reads a YAML file and remembers the line of every key path;
- ``models``: the pydantic models (``Settings`` and its parts), durations;
- ``masking``: hides secrets in URLs before anything prints them;
- ``problems``: turns validation errors into one readable message per problem;
- ``loader``: ``load_settings`` ties file, watchlist file and environment together.

``tracker.settings`` re-exports the public names.
"""
