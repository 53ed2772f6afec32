import sys

from planwriter.cli import main

sys.exit(main())
