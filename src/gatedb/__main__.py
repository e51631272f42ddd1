"""`python -m gatedb`: the command line."""

from .commands.cli import main

main()
