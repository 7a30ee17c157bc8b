"""Print a pip requirement line for uv, pinned by every hash uv.lock records for it.

``make`` bootstraps uv into .venv with ``pip --require-hashes`` from this line, so
the one tool that reads the lock file is itself pinned by the lock file.
Standard library only: it runs before the virtual environment has anything in it.
"""

import sys
import tomllib
from pathlib import Path

lock = tomllib.loads((Path(__file__).resolve().parents[1] / "uv.lock").read_text())
for pkg in lock["package"]:
    if pkg["name"] == "uv":
        hashes = [w["hash"] for w in pkg.get("wheels", [])]
        if "sdist" in pkg:
            hashes.append(pkg["sdist"]["hash"])
        sys.stdout.write(f"uv=={pkg['version']} " + " ".join(f"--hash={h}" for h in hashes) + "\n")
        sys.exit(0)
sys.exit("uv is not in uv.lock (it must stay in the dev dependency group)")
