"""`python -m desktop [IMAGE...]`: see desktop/app.py."""

from desktop.app import main

raise SystemExit(main())
