"""Build, start and stop the throw-away Neo4j of the test suite.

The launcher (``Neo4jLauncher.java`` beside this file, built by Maven from
``pom.xml``) runs the embedded Neo4j Community DBMS - the same kernel, Cypher
and Bolt protocol as the Neo4j server of docker-compose - with its Bolt
connector on a loopback port. :func:`build` compiles it once (Maven's local
repository caches the artefacts; offline first, online only when something is
missing); :class:`Neo4jServer` starts one JVM, waits for the ``READY <uri>``
line and stops it by closing its standard input (or kills it).

Used by the session fixture in tests/conftest.py and by bench/bench_neo4j.py.
"""
from __future__ import annotations

import atexit
import collections
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAIN_CLASS = "samspil.testserver.Neo4jLauncher"
SOURCES = (HERE / "pom.xml", HERE / "src/main/java/samspil/testserver/Neo4jLauncher.java")
CLASS_FILE = HERE / "target/classes/samspil/testserver/Neo4jLauncher.class"
LIB = HERE / "target/lib"
START_TIMEOUT = float(os.environ.get("SAMSPIL_TEST_NEO4J_START_TIMEOUT", "300"))
JVM_OPTIONS = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8")


def missing_tools() -> str | None:
    """Why the launcher cannot be built or run here (None when Java and Maven are present)."""
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    if missing:
        return (f"{' and '.join(missing)} not found: install Java 17+ and Maven to run the "
                "Neo4j leg (or set SAMSPIL_TEST_NEO4J_URI to a Neo4j 5 server)")
    return None


def _built() -> bool:
    if not CLASS_FILE.exists() or not LIB.is_dir() or not any(LIB.glob("neo4j-kernel-*.jar")):
        return False
    return CLASS_FILE.stat().st_mtime >= max(s.stat().st_mtime for s in SOURCES)


def build() -> None:
    """Compile the launcher and copy its class path into target/lib, unless up to date."""
    if _built():
        return
    errors = []
    for offline in (True, False):
        cmd = ["mvn", "-q", "-B", *(["-o"] if offline else []), "compile"]
        done = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, timeout=1800)
        if done.returncode == 0 and _built():
            return
        errors.append(f"$ {' '.join(cmd)}\n{(done.stdout + done.stderr)[-3000:]}")
    raise RuntimeError(f"Maven could not build the test Neo4j in {HERE}:\n" + "\n".join(errors))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Neo4jServer:
    """One launcher JVM. ``store=None``: a fresh temporary store, deleted at stop;
    a given ``store`` folder is kept, so a restart (``start`` again) finds its data."""

    def __init__(self, password: str | None = "samspil-test-password",
                 store: Path | None = None, port: int | None = None, heap: str = "1g",
                 jvm_options: tuple[str, ...] = JVM_OPTIONS) -> None:
        self.password, self.store, self.port = password, store, port
        self.jvm = (f"-Xmx{heap}", "-Xms256m", *jvm_options)
        self.proc: subprocess.Popen | None = None
        self.uri: str | None = None
        self.output: collections.deque[str] = collections.deque(maxlen=200)
        self._log = tempfile.TemporaryFile(mode="w+", prefix="samspil-neo4j-stderr-")
        atexit.register(self.kill)

    def command(self) -> list[str]:
        java = str(Path(os.environ["JAVA_HOME"]) / "bin/java") if os.environ.get("JAVA_HOME") else "java"
        cmd = [java, *self.jvm, "-cp", f"{HERE / 'target/classes'}{os.pathsep}{LIB / '*'}",
               MAIN_CLASS]
        for flag, value in (("--port", self.port), ("--store", self.store),
                            ("--password", self.password)):
            if value is not None:
                cmd += [flag, str(value)]
        return cmd

    def start(self, timeout: float = START_TIMEOUT) -> str:
        """Start the JVM and return its ``bolt://`` URI once Neo4j accepts connections."""
        build()
        self.proc = subprocess.Popen(self.command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self._log, text=True, bufsize=1)
        ready = threading.Event()
        threading.Thread(target=self._drain, args=(self.proc, ready), daemon=True).start()
        if not ready.wait(timeout) or not self.uri:
            self.kill()
            raise RuntimeError(f"the test Neo4j did not start within {timeout:.0f} s "
                               f"(SAMSPIL_TEST_NEO4J_START_TIMEOUT):\n{self.log()}")
        self.port = int(self.uri.rsplit(":", 1)[1])
        return self.uri

    def _drain(self, proc: subprocess.Popen, ready: threading.Event) -> None:
        """Read the launcher's stdout to the end (so it never blocks on a full pipe)."""
        for line in proc.stdout:
            self.output.append(line.rstrip())
            if line.startswith("READY "):
                self.uri = line.split()[1]
                ready.set()
        ready.set()

    def peak_rss_mib(self) -> float | None:
        """The JVM's peak resident memory so far (Linux /proc), for benchmarks."""
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except (OSError, AttributeError):
            return None
        kib = next((int(line.split()[1]) for line in status.splitlines()
                    if line.startswith("VmHWM:")), None)
        return kib / 1024 if kib else None

    def log(self) -> str:
        self._log.seek(0)
        return "\n".join(self.output) + "\n" + self._log.read()[-4000:]

    def stop(self, timeout: float = 60) -> None:
        """A clean shutdown: close stdin, wait, kill if it does not end in time."""
        if self.proc and self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def kill(self) -> None:
        """SIGKILL (a crash, as far as Neo4j knows) and reap the process."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        if self.proc and self.proc.stdin and not self.proc.stdin.closed:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
