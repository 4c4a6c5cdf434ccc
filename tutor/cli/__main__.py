"""``python -m tutor.cli ...``: the same as the ``localtutor`` script."""

import sys

from tutor.cli import main

sys.exit(main())
