"""`python -m engine describe ...`: see engine/cli.py."""

from engine.cli import main

raise SystemExit(main())
