"""Fetching feeds over HTTP (the network edge); ``tracker.fetch`` re-exports it.

Modules: ``results`` (request/result types and HTTP header helpers, no I/O),
``single`` (one conditional GET with a body cap and a wall-clock deadline),
``many`` (concurrent fetching with a per-host limit).
"""
