"""The audit viewer for supervisors and administrators (issue 13)."""
