"""A real `chroma run` server on 127.0.0.1 for the server-mode tests.

Why a real server: server mode means `chromadb.HttpClient` over HTTP, and the failures the bot
must survive (server stopped, server restarted, collections swapped by another process) only
look real across a socket. The `chroma` CLI ships with the chromadb package, so CI needs nothing
extra. The server gets a free port and a temporary data folder, the fixture waits for its
heartbeat (with a deadline), and the process is always stopped afterwards, even when a test fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

READY_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chroma_executable() -> str:
    """The `chroma` CLI of the running virtualenv (falls back to PATH)."""
    beside = Path(sys.executable).with_name("chroma")
    if beside.exists():
        return str(beside)
    found = shutil.which("chroma")
    if found is None:
        raise RuntimeError("the `chroma` command (from the chromadb package) is not installed")
    return found


class ChromaServer:
    """One `chroma run` subprocess; `stop()` and `start()` again reuse the same port and path."""

    def __init__(self, path: Path, port: int | None = None, host: str = "127.0.0.1") -> None:
        self.path = path
        self.host = host
        self.port = port or free_port()
        self.log_path = path.parent / f"chroma-{self.port}.log"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Base URL of the server."""
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        """True while the subprocess is alive."""
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = READY_TIMEOUT) -> None:
        """Start the server and wait until its heartbeat answers."""
        if self.running:
            return
        self.path.mkdir(parents=True, exist_ok=True)
        cmd = [
            chroma_executable(), "run", "--path", str(self.path),
            "--host", self.host, "--port", str(self.port),
        ]
        env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "NO_COLOR": "1"}
        with self.log_path.open("ab") as log:
            self._proc = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                start_new_session=True,  # a Ctrl-C in the terminal is pytest's, not the server's
            )
        try:
            self._wait_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise RuntimeError(
                    f"chroma run exited with {self._proc.returncode}:\n{self.log_tail()}"
                )
            if self.heartbeat():
                return
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"chroma run not ready after {timeout:.0f} s:\n{self.log_tail()}"
                )
            time.sleep(0.1)

    def heartbeat(self) -> bool:
        """True when the server answers its heartbeat endpoint."""
        try:
            with urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1) as resp:
                return bool(resp.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL) and wait until the port is closed."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGCONT)  # a paused server cannot handle SIGTERM
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=STOP_TIMEOUT)
        deadline = time.monotonic() + STOP_TIMEOUT
        while self.heartbeat() and time.monotonic() < deadline:
            time.sleep(0.05)

    def pause(self) -> None:
        """SIGSTOP the server: it keeps its port open but answers nothing (a stalled server)."""
        assert self._proc is not None
        os.killpg(self._proc.pid, signal.SIGSTOP)

    def resume(self) -> None:
        """SIGCONT a paused server."""
        assert self._proc is not None
        os.killpg(self._proc.pid, signal.SIGCONT)

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the server's output, for failure messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


@contextlib.contextmanager
def running_chroma(path: Path, port: int | None = None) -> Iterator[ChromaServer]:
    """A started server that is always stopped on exit (retries once if the port was taken)."""
    server = ChromaServer(path, port)
    try:
        try:
            server.start()
        except RuntimeError:
            if port is not None:
                raise
            server = ChromaServer(path)  # someone grabbed the free port between probe and bind
            server.start()
        yield server
    finally:
        server.stop()


def wipe(server: ChromaServer) -> None:
    """Delete every collection, so tests sharing one server start from an empty store."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.HttpClient(
        host=server.host, port=server.port, settings=ChromaSettings(anonymized_telemetry=False)
    )
    for col in client.list_collections():
        client.delete_collection(col.name)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    """A `chroma run` server for the module; yields it (host, port); stopped afterwards."""
    root = tmp_path_factory.mktemp("chroma-server")
    with running_chroma(root / "db") as server:
        yield server
