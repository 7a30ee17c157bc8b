"""What the fuzzers share: chunks of seeded cases and how they run, and the problem listing.

Cases run serially or in worker processes; each problem printed names what replays it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

_Chunk = TypeVar("_Chunk")
_Result = TypeVar("_Result")

# At most this many problems are printed; the summary line counts all of them.
SHOWN_PROBLEMS = 20


def chunk_ranges(count: int, step: int) -> list[tuple[int, int]]:
    """``(start, stop)`` ranges of at most ``step`` cases covering ``0..count``."""
    return [(start, min(start + step, count)) for start in range(0, count, step)]


def run_chunks(
    worker: Callable[[_Chunk], _Result], chunks: Iterable[_Chunk], workers: int
) -> Iterator[_Result]:
    """Results of ``worker`` on every chunk, in chunk order.

    With ``workers > 1`` the chunks run in that many processes (``worker`` must then be a
    module-level function, so it can be pickled); otherwise in this process.
    """
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(worker, chunks)
    else:
        for chunk in chunks:
            yield worker(chunk)


def print_problems(problems: Iterable[tuple[int, str]], seed: int, label: str, unit: str) -> None:
    """Print the first problems as ``  <label> #<i> (replay: --seed <seed>, <unit> <i>): ...``."""
    for shown, (index, problem) in enumerate(problems):
        if shown == SHOWN_PROBLEMS:
            break
        print(f"  {label} #{index} (replay: --seed {seed}, {unit} {index}): {problem}")


def print_progress(done: int, total: int, problems: int, started: float, unit: str) -> None:
    """One progress line, flushed, so a long run that is stopped still shows what it did."""
    elapsed = time.perf_counter() - started
    print(
        f"  ... {done:,}/{total:,} {unit} done, {problems} problem(s) so far, {elapsed:.0f} s",
        flush=True,
    )
