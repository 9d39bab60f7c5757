"""samspil.api."""
