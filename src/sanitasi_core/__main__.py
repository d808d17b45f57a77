"""``python -m sanitasi_core``: the same as the ``sanitasi`` command."""

import sys

from sanitasi_core.cli import main

if __name__ == "__main__":
    sys.exit(main())
