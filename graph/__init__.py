"""samspil.graph."""
