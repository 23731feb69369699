"""`python -m chronika` runs the command line."""

from chronika.cli import main

main()
