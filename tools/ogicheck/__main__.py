import sys

from ogicheck.cli import main

sys.exit(main())
