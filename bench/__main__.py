"""`python -m bench`: prints the speed figures of the parts that exist so far."""

from bench.caption import main

raise SystemExit(main())
