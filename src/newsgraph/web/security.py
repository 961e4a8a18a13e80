"""What the web face does for its own safety, whatever the route: which Host names it answers, the
headers every response carries, and which article URLs may become links.

The host check and the headers wrap the whole application, outside Starlette's error middleware,
so a 400 for a foreign Host and a 500 from a crash carry the same headers as a page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# A DNS-rebinding page reaches a local server under the attacker's own host name; answering only
# the loopback names keeps it out. Other names are opted in (`serve --allowed-host`, or the variable).
DEFAULT_ALLOWED_HOSTS = ("localhost", "127.0.0.1", "::1")
HOSTS_VARIABLE = "NEWSGRAPH_ALLOWED_HOSTS"
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")  # listening everywhere names no host a client would send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
}


def allowed_hosts(extra: Iterable[str] | None = None, bind: str | None = None) -> list[str]:
    """The Host names to answer: the loopback names, the names in `extra` (else those in
    $NEWSGRAPH_ALLOWED_HOSTS, comma-separated; "*" answers any), and the address the server listens
    on unless it is a wildcard. An IPv6 address is bracketed, as it stands in a Host header."""
    if extra is None:
        extra = os.environ.get(HOSTS_VARIABLE, "").split(",")
    names = [*DEFAULT_ALLOWED_HOSTS, *extra]
    if bind and bind not in WILDCARD_ADDRESSES:
        names.append(bind)
    unique = dict.fromkeys(name.strip().lower() for name in names if name.strip())
    return [f"[{name}]" if ":" in name and not name.startswith("[") else name for name in unique]


class SecurityHeaders:
    """Adds HEADERS to every HTTP response, whichever layer below produced it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.raw = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in HEADERS.items()]
        self.names = {name for name, _ in self.raw}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(name, value) for name, value in message.get("headers", []) if name.lower() not in self.names]
                message = {**message, "headers": kept + self.raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def guarded(app: ASGIApp, hosts: Iterable[str]) -> ASGIApp:
    """The application behind the host check, both behind the headers."""
    return SecurityHeaders(TrustedHostMiddleware(app, allowed_hosts=list(hosts), www_redirect=False))


# Browsers drop leading and trailing C0 controls and spaces from a URL and tabs and newlines inside
# it before reading its scheme, so "\x01 java\tscript:" is a javascript: URL; read it the same way.
_IGNORED_AT_ENDS = "".join(chr(c) for c in range(0x21))
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
_HTTP = re.compile(r"https?://[^/?#\s]", re.IGNORECASE)


def http_url(value: object) -> str | None:
    """The URL as a browser would follow it when it is http(s) with a host, else None (shown as text)."""
    if not isinstance(value, str):
        return None
    url = _IGNORED_INSIDE.sub("", value.strip(_IGNORED_AT_ENDS))
    return url if _HTTP.match(url) else None
