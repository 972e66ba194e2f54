"""The parts of the Payments page (ui/pages/payments/page.py)."""
