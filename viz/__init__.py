"""samspil.viz."""
