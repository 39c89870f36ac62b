"""`graphbuild build --dask tcp://...` against a real Dask cluster: a scheduler and two workers
started as separate processes (as on a cluster, with nothing shared but the address), giving the
same files as a single-process build, also when a worker is killed mid-build."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# The layout of view.html depends on the hash seed of the process that wrote it (set iteration
# in the network layout), so it is the one file two processes do not write byte for byte alike.
HASH_SEED_DEPENDENT = {"view.html"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # workers must import this graphbuild
    handle = log.open("wb")
    return subprocess.Popen([sys.executable, "-m", *args], env=env, stdout=handle, stderr=subprocess.STDOUT,
                            start_new_session=True)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def _wait_for_workers(address: str, count: int) -> None:
    from dask.distributed import Client

    deadline = time.monotonic() + 120
    with Client(address, timeout="30s") as client:
        while len(client.scheduler_info()["workers"]) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{count} Dask workers did not join {address}")
            time.sleep(0.5)


@pytest.fixture()
def cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                        "--no-dashboard"], tmp_path / "scheduler.log")
    workers = [_start(["distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1",
                       "--no-dashboard", "--name", f"w{n}"], tmp_path / f"worker{n}.log") for n in (1, 2)]
    try:
        _wait_for_workers(address, 2)
        yield address, workers
    finally:
        for process in [*workers, scheduler]:
            _stop(process)


def _build(out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "graphbuild", "--quiet", "build", str(REPO / "examples"),
                             "--out", str(out), *extra], env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _same_files(a: Path, b: Path) -> None:
    names = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert names == sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    for name in names:
        if Path(name).name not in HASH_SEED_DEPENDENT:
            assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_build_on_a_real_cluster_matches_one_process(examples_out: Path, cluster: tuple[str, list],
                                                     tmp_path: Path) -> None:
    address, _ = cluster
    build = _build(tmp_path / "out", "--dask", address)
    _, stderr = build.communicate(timeout=900)
    assert build.returncode == 0, stderr
    _same_files(examples_out, tmp_path / "out")


def test_a_worker_killed_mid_build_loses_no_document(examples_out: Path, cluster: tuple[str, list],
                                                     tmp_path: Path) -> None:
    address, workers = cluster
    build = _build(tmp_path / "out", "--dask", address)
    time.sleep(8)  # the workers are loading models or extracting by now
    _stop(workers[0])
    _, stderr = build.communicate(timeout=900)
    assert build.returncode == 0, stderr
    _same_files(examples_out, tmp_path / "out")
