"""The parts of the Payments page (ui/pages/payments_page.py)."""
