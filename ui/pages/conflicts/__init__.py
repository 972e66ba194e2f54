"""The Conflicts page (Konflik): sync conflicts to look at and resolve."""
