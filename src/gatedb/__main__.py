"""`python -m gatedb`: the command line."""

from .commands import main

main()
