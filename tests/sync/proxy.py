"""A TCP proxy of the tests' own, on loopback, between desks and PostgreSQL.

It forwards bytes both ways and can cut connections at chosen points: all of
them now (`go_offline`, which also refuses new ones until `go_online`), just
after the server answered a COMMIT (`cut_after_commit`: the server committed,
the desk never hears so), or once a number of bytes flowed from the server
(`cut_after_server_bytes`: in the middle of a pull).

Connections through it are plain text whatever the server's `ssl` setting
(Debian's package turns it on): the proxy answers a client's TLS or GSS
encryption request itself with "N", as a server without TLS would, so libpq
goes on unencrypted and the proxy can see a COMMIT go by.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field

from sqlalchemy.engine import make_url

# The 8-byte requests a PostgreSQL client may send before its startup message.
_ENCRYPTION_REQUESTS = {
    struct.pack("!ii", 8, 80877103),  # SSLRequest
    struct.pack("!ii", 8, 80877104),  # GSSENCRequest
}


@dataclass(eq=False)
class _Pair:
    client: socket.socket
    upstream: socket.socket
    commit_sent: bool = False
    server_bytes: int = 0
    closed: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def close(self) -> None:
        with self.lock:
            if self.closed:
                return
            self.closed = True
        for sock in (self.client, self.upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._pairs: set[_Pair] = set()
        self._lock = threading.Lock()
        self.online = True
        self._cut_after_commit = False
        self._cut_after_bytes: int | None = None
        self.cuts = 0
        self._running = True
        threading.Thread(target=self._accept, daemon=True, name="proxy-accept").start()

    @classmethod
    def for_url(cls, url: str) -> TcpProxy:
        parsed = make_url(url)
        return cls(parsed.host or "127.0.0.1", parsed.port or 5432)

    def url(self, server_url: str) -> str:
        """`server_url` routed through this proxy."""
        parsed = make_url(server_url).set(host="127.0.0.1", port=self.port)
        return parsed.render_as_string(hide_password=False)

    # --- controls ---------------------------------------------------------------

    def go_offline(self) -> None:
        # Under the lock: a connection being accepted right now is either in
        # `_pairs` before the cut, or sees `online` False and is refused.
        with self._lock:
            self.online = False
        self.cut_all()

    def go_online(self) -> None:
        self.online = True

    def cut_all(self) -> None:
        with self._lock:
            pairs = list(self._pairs)
        for pair in pairs:
            pair.close()

    def cut_after_commit(self) -> None:
        """The next COMMIT goes through; its answer never comes back (one shot)."""
        self._cut_after_commit = True

    def cut_after_server_bytes(self, count: int) -> None:
        """Cut the connection once `count` more bytes came from the server (one shot)."""
        with self._lock:
            for pair in self._pairs:
                pair.server_bytes = 0
        self._cut_after_bytes = count

    def cancel_cuts(self) -> None:
        """Forget a cut armed by `cut_after_server_bytes` that has not happened."""
        self._cut_after_bytes = None

    def close(self) -> None:
        self._running = False
        # shutdown first: close() alone leaves a blocked accept() holding the port open.
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self.cut_all()

    def reopen(self) -> None:
        """Listen again on the same port after `close()` (a server that came back)."""
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._running = True
        threading.Thread(target=self._accept, daemon=True, name="proxy-accept").start()

    # --- forwarding -----------------------------------------------------------------

    def _accept(self) -> None:
        while self._running:
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return
            if not self.online:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            pair = _Pair(client, upstream)
            with self._lock:
                admitted = self.online
                if admitted:
                    self._pairs.add(pair)
            if not admitted:  # went offline while this one was connecting
                pair.close()
                continue
            threading.Thread(target=self._pump_up, args=(pair,), daemon=True).start()
            threading.Thread(target=self._pump_down, args=(pair,), daemon=True).start()

    def _pump_up(self, pair: _Pair) -> None:
        """Client -> server."""
        try:
            while (data := pair.client.recv(65536)) in _ENCRYPTION_REQUESTS:
                pair.client.sendall(b"N")  # "not supported": the client goes on in plain text
            while data and self.online:
                if self._cut_after_commit and b"COMMIT" in data:
                    self._cut_after_commit = False
                    pair.commit_sent = True
                pair.upstream.sendall(data)
                data = pair.client.recv(65536)
        except OSError:
            pass
        self._drop(pair)

    def _pump_down(self, pair: _Pair) -> None:
        """Server -> client."""
        try:
            while (data := pair.upstream.recv(65536)) and self.online:
                if pair.commit_sent:
                    self._cut(pair)  # the server committed; the desk never hears it
                    return
                pair.server_bytes += len(data)
                limit = self._cut_after_bytes
                if limit is not None and pair.server_bytes > limit:
                    self._cut_after_bytes = None
                    self._cut(pair)
                    return
                pair.client.sendall(data)
        except OSError:
            pass
        self._drop(pair)

    def _cut(self, pair: _Pair) -> None:
        self.cuts += 1
        self._drop(pair)

    def _drop(self, pair: _Pair) -> None:
        pair.close()
        with self._lock:
            self._pairs.discard(pair)
