"""Test helper: work measured in function calls, deterministic on a busy machine.

Growth tests compare the calls of one step on an input of size n and of size kn: a
linear step makes about k times the calls, a quadratic one about k squared times.
"""

from __future__ import annotations

import sys
from typing import Any


def count_calls(fn: Any, *args: Any) -> int:
    """Python and C function calls made by ``fn(*args)``."""
    count = 0

    def prof(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(prof)
    try:
        fn(*args)
    finally:
        sys.setprofile(None)
    return count
