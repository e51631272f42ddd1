"""Static analysis: what migrations create and reference (SQL and Python), and the proof behind `gatedb check`."""
