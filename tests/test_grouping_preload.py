"""The grouping tables loaded ahead of the stories step (``grouping.preload``)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

_SCRIPT = """
import sys
from pipelines import grouping
from pipelines.core.stories import terms
assert "sklearn" not in sys.modules  # importing the step's module loads nothing heavy
thread = grouping.preload()
assert grouping.preload() is thread  # once per process
thread.join(60)
assert not thread.is_alive()
assert "sklearn" in sys.modules
assert terms._stop_words.cache_info().currsize == 2  # article and quote stop words
assert terms._synonyms.cache_info().currsize == 1
assert "wordfreq" not in sys.modules  # left to the thread that uses it
print("ok")
"""


def test_preload_loads_the_signing_tables_once_in_a_background_thread() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
