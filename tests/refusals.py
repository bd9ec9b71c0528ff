"""Helpers for tests of refused input and bad environments.

The shape of a refusal, feeding a named pipe, and running `hadath` in a
subprocess for which file modes hold. Tests run as root on CI, and root
ignores file modes; `obey_file_modes` drops, in the child only, the
capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH,
CAP_FOWNER), so a read-only file or an unreadable folder is as real for
root as for anyone.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import HADATH, ROOT

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
PR_CAPBSET_DROP = 24


def obey_file_modes() -> None:
    """In the child before exec: drop root's power to ignore file modes (a no-op for others)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def require_file_modes(folder: Path) -> None:
    """Skip the test where even a child without root's overrides could write a read-only file."""
    probe = folder / "mode-probe"
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        attempt = subprocess.run(
            ["sh", "-c", f"echo y >> '{probe}'"],
            preexec_fn=obey_file_modes,
            capture_output=True,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot make file modes hold here: {error}")
    finally:
        probe.chmod(0o644)
        probe.unlink()
    if attempt.returncode == 0:
        pytest.skip("file modes do not hold for this user: nothing can be made read-only")


def hadath_obeying_modes(
    args: Sequence[str], cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `hadath ARGS` in a subprocess for which file modes hold, even as root."""
    config = (cwd or Path.cwd()) / "config.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HADATH_CONFIG": str(config)}
    return subprocess.run(
        [*HADATH, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        preexec_fn=obey_file_modes,
        timeout=60,
        check=False,
    )


def assert_refused(result: Result | subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 1, one line on stderr holding every fragment, no traceback, no last resort."""
    from tui.cli import UNEXPECTED

    code = result.exit_code if isinstance(result, Result) else result.returncode
    stderr = result.stderr
    assert code == 1, (code, stderr)
    assert "Traceback" not in stderr and UNEXPECTED not in stderr, stderr
    assert stderr.count("\n") == 1 and stderr.startswith("Error: "), stderr
    for fragment in fragments:
        assert fragment in stderr, (fragment, stderr)


@contextmanager
def feeding(fifo: Path, data: bytes) -> Iterator[None]:
    """Write `data` into the named pipe from a thread while the body reads it."""

    def write() -> None:
        with suppress(BrokenPipeError), fifo.open("wb") as pipe:  # the reader may leave early
            pipe.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield
    finally:
        if writer.is_alive():  # nobody opened the pipe: open and drop it so the writer ends
            reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            os.close(reader)
        writer.join(timeout=10)
        assert not writer.is_alive()
