"""An output folder replaced as a whole: readers see the complete old build or the complete new one.

A build fills a hidden sibling folder (``.NAME.new-XXXX``) and then swaps it with ``NAME`` in one
atomic exchange (Linux ``renameat2(RENAME_EXCHANGE)``), so a kill, a full disk or a crash at any
moment leaves the previous output as it was.  Where the exchange is not available the swap is two
renames with the old folder parked as ``.NAME.old-XXXX``; the next run puts it back if the process
died between the two.  An advisory lock (``.NAME.lock`` beside the folder) keeps a second build out
of the same folder while the first one runs.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import glob
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

_UMASK = os.umask(0)
os.umask(_UMASK)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_NEW, _OLD, _SPILL = "new-", "old-", "spill-"


class OutputError(Exception):
    """The output folder cannot be written; the message names the path, the old output is intact."""


class OutputFolder:
    """The lock on an output folder and the swap that replaces it (use as a context manager).

    ``ours(name)`` says whether an entry of an existing folder is something a build writes: the
    whole folder is replaced, so a folder holding anything else (``--out .`` in a project) is
    refused rather than wiped."""

    def __init__(self, path: Path, ours: Callable[[str], bool] = lambda _name: True) -> None:
        # A symlinked --out means its target: swapping the link itself would leave the target stale.
        self.path = Path(path).resolve() if Path(path).is_symlink() else Path(path).absolute()
        self._ours = ours
        self._lock_fd: int | None = None

    def __enter__(self) -> OutputFolder:
        if self.path.exists() and not self.path.is_dir():
            raise OutputError(f"{self.path}: exists and is not a folder")
        foreign = sorted(p.name for p in self.path.iterdir() if not self._ours(p.name)) if self.path.is_dir() else []
        if foreign:
            shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
            raise OutputError(f"{self.path}: holds files a build does not write ({shown}); the output folder is "
                              "replaced as a whole, so choose a new or empty folder")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock_fd = _lock(self.path)
            _recover(self.path)
        except OSError as exc:
            self._unlock()
            raise OutputError(_disk_problem(exc, self._final_name(exc.filename, None))) from exc
        return self

    def __exit__(self, *_exc: object) -> None:
        self._unlock()

    def replace(self, fill: Callable[[Path], None]) -> None:
        """Call ``fill(folder)`` on a fresh hidden folder, then swap it in for the output folder."""
        if self._lock_fd is None:
            raise RuntimeError("OutputFolder.replace outside its `with` block")
        staging: Path | None = None
        try:
            staging = Path(tempfile.mkdtemp(prefix=self._hidden(_NEW), dir=self.path.parent))
            os.chmod(staging, 0o777 & ~_UMASK)  # mkdtemp makes 0700 folders; outputs are meant to be shared
            fill(staging)
            _swap(staging, self.path, self._hidden(_OLD))
        except OSError as exc:
            raise OutputError(_disk_problem(exc, self._final_name(exc.filename, staging))) from exc
        finally:
            if staging is not None:  # after an exchange it holds the previous output
                shutil.rmtree(staging, ignore_errors=True)

    @contextlib.contextmanager
    def scratch(self) -> Iterator[Path]:
        """A hidden scratch folder beside the output (``build --spill`` keeps its graph there), removed
        at the end; one a killed run left is removed by the next run's recovery."""
        path = Path(tempfile.mkdtemp(prefix=self._hidden(_SPILL), dir=self.path.parent))
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)

    def _final_name(self, failed: object, staging: Path | None) -> Path:
        """The output file a failed write in the hidden folder stood for ("out/graph.trig", not
        ".out.new-x1y2/.graph.trig.k3j4.tmp"), so the user reads the name they know."""
        if not isinstance(failed, str):
            return staging or self.path.parent
        if staging is None:
            return Path(failed)
        try:
            inner = Path(failed).relative_to(staging)
        except ValueError:
            return Path(failed)
        name = _TEMP_FILE.sub(r"\1", inner.name)
        return self.path / inner.parent / name

    def _hidden(self, kind: str) -> str:
        return f".{self.path.name}.{kind}"

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor releases the flock
            self._lock_fd = None


def _lock(path: Path) -> int:
    lock_path = path.with_name(f".{path.name}.lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666 & ~_UMASK)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputError(f"{path}: another graphbuild is writing this output folder "
                          f"(lock {lock_path}); wait for it to finish or choose another --out") from None
    return fd


def _recover(path: Path) -> None:
    """Undo what a killed run left: put back a parked old output, delete unfinished new ones."""
    leftovers = sorted(path.parent.glob(f".{glob.escape(path.name)}.*-*"))
    parked = [p for p in leftovers if p.name.startswith(f".{path.name}.{_OLD}") and p.is_dir()]
    if parked and not path.exists():
        os.rename(parked[-1], path)
        parked.pop()
    for stale in leftovers:
        if stale.exists() and stale.name.startswith(tuple(f".{path.name}.{kind}" for kind in (_NEW, _OLD, _SPILL))):
            shutil.rmtree(stale, ignore_errors=True)


def _swap(staging: Path, path: Path, old_prefix: str) -> None:
    if not path.exists():
        os.rename(staging, path)
        return
    if _exchange(staging, path):
        return
    parked = path.with_name(f"{old_prefix}{os.getpid()}")  # free: we hold the lock and cleared leftovers
    os.rename(path, parked)
    os.rename(staging, path)
    os.rename(parked, staging)  # the caller deletes ``staging``, which now holds the old output


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then the caller renames twice)."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _libc() -> ctypes.CDLL | None:
    with contextlib.suppress(OSError):
        return ctypes.CDLL(None, use_errno=True)
    return None


# export.atomic's temporary files: ".NAME.RANDOM.tmp" beside the file NAME they become.
_TEMP_FILE = re.compile(r"^\.(.+)\.[A-Za-z0-9_]+\.tmp$")


def _disk_problem(exc: OSError, where: Path) -> str:
    return f"{where}: cannot write ({exc.strerror or exc}); the previous output was left as it was"
