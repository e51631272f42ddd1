"""The database edge: URLs, dialect capabilities, bookkeeping tables and the runner."""
