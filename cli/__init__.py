"""samspil.cli."""
