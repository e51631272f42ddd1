"""The file edge: the manifest and migration files, read into the model."""
