"""Pure functions over model values: crosswalk, stacking, equivalence, quality, text."""
