"""``python3 -m studio`` is the same as the ``carousel-studio`` command."""
import sys

from studio.cli import main

sys.exit(main())
