"""`python -m pathways` runs the command-line interface."""

from __future__ import annotations

import sys

from pathways.cli import main

sys.exit(main())
