"""The pure core: features, versions, the model, the migration graph and the planner. No I/O."""
