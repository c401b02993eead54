"""Hide secrets in URLs before they reach a log line, a message or the terminal.

Apprise URLs carry their secrets in different places depending on the
service: the password of ``mailto://user:pass@host``, the tokens that form
the whole "host/path" of ``slack://TokenA/TokenB/TokenC/#chan``, query
arguments such as ``?token=`` or ``?apikey=``, and the path of native web-hook
addresses (``https://hooks.slack.com/services/T…/B…/…``). We err on the side
of hiding too much: a masked URL only has to be recognisable, not usable.
"""

from __future__ import annotations

import re

MASK = "****"
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://(.*)$", re.DOTALL)
_SECRET_ARG_RE = re.compile(r"pass|pwd|token|key|secret|auth|sig|cred", re.IGNORECASE)
# Services whose "host" is an address we may show; everything else puts tokens there.
_HOST_SCHEMES = frozenset(
    {
        *("mailto", "mailtos", "json", "jsons", "xml", "xmls", "form", "forms"),
        *("http", "https", "ntfy", "ntfys", "postgresql", "postgres", "mysql", "sqlite"),
    }
)
_WEB_SCHEMES = frozenset({"http", "https"})


def _hint(token: str) -> str:
    """First character and an ellipsis, enough to tell two channels apart."""
    if not token:
        return token
    return f"{token[0]}…" if len(token) > 4 else MASK


def _mask_userinfo(authority: str) -> str:
    if "@" not in authority:
        return authority
    userinfo, host = authority.rsplit("@", 1)
    if ":" in userinfo:
        user = userinfo.split(":", 1)[0]
        return f"{user}:{MASK}@{host}"
    return authority


def _looks_like_token(segment: str) -> bool:
    has_digit = any(c.isdigit() for c in segment)
    has_alpha = any(c.isalpha() for c in segment)
    return len(segment) >= 24 or (len(segment) >= 8 and has_digit and has_alpha)


def _mask_path(scheme: str, segments: list[str]) -> list[str]:
    if scheme in _WEB_SCHEMES:
        return [MASK if _looks_like_token(s) else s for s in segments]
    if scheme in _HOST_SCHEMES:
        return segments
    # Token services: keep channels (#chan), users (@user) and empty parts only.
    return [s if not s or s[0] in "#@" or s.startswith("%23") else MASK for s in segments]


def _mask_query(query: str) -> str:
    args = []
    for arg in query.split("&"):
        name, sep, value = arg.partition("=")
        args.append(f"{name}={MASK}" if sep and value and _SECRET_ARG_RE.search(name) else arg)
    return "&".join(args)


def mask_url(url: str) -> str:
    """``url`` with passwords, tokens and secret query arguments replaced by ``****``."""
    match = _SCHEME_RE.match(url.strip())
    if not match:
        return MASK if url else url
    scheme, rest = match.group(1).lower().split("+", 1)[0], match.group(2)
    rest, qmark, query = rest.partition("?")
    authority, slash, path = rest.partition("/")
    if scheme in _HOST_SCHEMES:
        authority = _mask_userinfo(authority)
    else:
        authority = "@".join(_hint(part.split(":", 1)[0]) for part in authority.split("@"))
    masked_path = "/".join(_mask_path(scheme, path.split("/"))) if slash else ""
    masked_query = _mask_query(query) if qmark else ""
    return f"{match.group(1)}://{authority}{slash}{masked_path}{qmark}{masked_query}"
