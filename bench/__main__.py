"""``make bench``: run every bench/bench_*.py module's ``main()`` in order."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    only = sys.argv[1:]
    if only[:1] == ["province"]:  # its own options; too long for every `make bench`
        from bench import province

        sys.exit(province.main(only[1:]))
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        if only and not any(o in path.stem for o in only):
            continue
        print(f"== {path.stem}", flush=True)
        importlib.import_module(f"bench.{path.stem}").main()


if __name__ == "__main__":
    main()
