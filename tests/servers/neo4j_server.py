"""A real Neo4j 5 Community server for the tests: the embedded database of tests/neo4j_launcher
with its Bolt connector, built from Maven Central artifacts the first time it is needed."""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

LAUNCHER_DIR = Path(__file__).resolve().parent.parent / "neo4j_launcher"
POM = LAUNCHER_DIR / "pom.xml"
JAR = LAUNCHER_DIR / "target" / "neo4j-launcher.jar"
LIB = LAUNCHER_DIR / "target" / "lib"
# A cold start on a busy two-core machine takes well over the usual 15 s; allow plenty.
START_TIMEOUT = float(os.environ.get("GRAPHBUILD_NEO4J_START_TIMEOUT", "300"))
BUILD_TIMEOUT = float(os.environ.get("GRAPHBUILD_NEO4J_BUILD_TIMEOUT", "1200"))


class Neo4jStartError(RuntimeError):
    pass


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if not found:
        raise Neo4jStartError("no `java` on PATH: install a JDK 17 or 21 to run the Neo4j tests")
    return found


def _up_to_date() -> bool:
    if not (JAR.exists() and LIB.is_dir() and any(LIB.glob("neo4j-5*.jar"))):
        return False
    sources = [POM, *LAUNCHER_DIR.glob("src/**/*.java")]
    return all(src.stat().st_mtime <= JAR.stat().st_mtime for src in sources)


def build_launcher() -> Path:
    """Build the launcher jar (and copy its dependencies) unless it is there and newer than its sources."""
    if _up_to_date():
        return JAR
    # Two processes (a test run and the benchmark) must not build into one target/ at once.
    with open(LAUNCHER_DIR / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _build()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build() -> Path:
    if _up_to_date():  # built by another process while we waited for the lock
        return JAR
    mvn = shutil.which("mvn")
    if not mvn:
        raise Neo4jStartError("no `mvn` on PATH: Maven is needed to fetch Neo4j from Maven Central")
    result = subprocess.run([mvn, "-q", "-B", "-f", str(POM), "package"], capture_output=True, text=True,
                            timeout=BUILD_TIMEOUT)
    if result.returncode != 0 or not JAR.exists():
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-40:])
        raise Neo4jStartError(f"building the Neo4j launcher failed (mvn exit {result.returncode}):\n{tail}")
    return JAR


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Neo4jServer:
    uri: str
    user: str
    password: str
    home: Path
    import_dir: Path
    log_path: Path
    start_seconds: float
    process: subprocess.Popen[bytes] = field(repr=False)

    def stop(self) -> None:
        """Close stdin (the launcher's stop signal) and fall back to SIGTERM, then SIGKILL."""
        if self.process.poll() is not None:
            return
        try:
            if self.process.stdin:
                self.process.stdin.close()
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _log_tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no launcher log)"


def start_neo4j(workdir: Path, *, home: Path | None = None, timeout: float = START_TIMEOUT) -> Neo4jServer:
    """Start a Neo4j on a free port with data under ``home`` (default workdir/home) and wait for READY."""
    jar = build_launcher()
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    home = Path(home) if home else workdir / "home"
    import_dir = workdir / "import"
    log_path = workdir / "neo4j-launcher.log"
    port, password = free_port(), secrets.token_hex(12)
    command = [_java(), "-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-jar", str(jar), "--port", str(port),
               "--password", password, "--home", str(home), "--import-dir", str(import_dir)]
    began = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT)
    server = Neo4jServer(f"bolt://127.0.0.1:{port}", "neo4j", password, home, import_dir, log_path, 0.0,
                         process)
    ready = f"READY bolt://127.0.0.1:{port}"
    while True:
        if ready in log_path.read_text(encoding="utf-8", errors="replace"):
            server.start_seconds = time.monotonic() - began
            return server
        if process.poll() is not None:
            raise Neo4jStartError(f"the Neo4j launcher exited with code {process.returncode} before it was "
                                  f"ready; its log ({log_path}):\n{_log_tail(log_path)}")
        if time.monotonic() - began > timeout:
            server.stop()
            raise Neo4jStartError(f"Neo4j was not ready after {timeout:.0f} s; launcher log ({log_path}):\n"
                                  f"{_log_tail(log_path)}")
        time.sleep(0.2)


def neo4j_admin(home: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run `neo4j-admin ARGS` (the real admin tool from the Maven artifacts) with NEO4J_HOME=home."""
    jar = build_launcher()
    home = Path(home)
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(conf)}
    # cwd=home: the import tool drops its import.report in the working directory.
    return subprocess.run([_java(), "-Xmx1g", "-cp", str(jar), "org.neo4j.cli.AdminTool", *args],
                          capture_output=True, text=True, env=env, timeout=timeout, cwd=home)


if __name__ == "__main__":
    # A throw-away Neo4j for trying the cypher notebook or `graphbuild push` without installing one:
    #   python tests/servers/neo4j_server.py
    import tempfile
    import time

    with tempfile.TemporaryDirectory() as scratch:
        local = start_neo4j(Path(scratch))
        print(f"export NEO4J_URI={local.uri} NEO4J_USER={local.user} NEO4J_PASSWORD={local.password}", flush=True)
        print("Neo4j is running; Ctrl-C stops it and deletes its data.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            local.stop()
