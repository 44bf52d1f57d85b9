"""`python -m tanyakerja` is the same as the `tanyakerja` console script."""

from tanyakerja.cli import main

raise SystemExit(main())
