"""``python -m pressfeed`` runs the pressfeed command line."""

import sys

from .cli import main

sys.exit(main())
