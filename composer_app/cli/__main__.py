"""`python -m composer_app.cli`: the command line (as the `composer-app` script)."""

import sys

from composer_app.cli import main

sys.exit(main())
