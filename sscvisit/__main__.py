"""``python -m sscvisit``."""

import sys

from sscvisit.cli import main

sys.exit(main())
