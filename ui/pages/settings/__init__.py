"""The Settings page: tabs of options pages (see ui/pages/settings/registry.py)."""
