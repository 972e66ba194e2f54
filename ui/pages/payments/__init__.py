"""The Payments area (Pembayaran): the page (page.py) with its parts and dialogs.

- page: the shift header, the receipts (receipt_search, receipt_table) and the
  chosen one (receipt_panel, receipt_details); reprint, preview, void
- sale_dialog: a sale (sale_lines, totals_panel, payment_panel)
- void_dialog, cashup_dialog, shift_dialog: voiding, cash-up, opening a shift
- documents: receipts and the cash-up report, from the worker to the printer
"""
