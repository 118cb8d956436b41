"""Entry script of the frozen build: PyInstaller runs it as a plain script, where the
package's own ``__main__`` (relative imports) cannot be used directly."""

import sys

from sonla_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
