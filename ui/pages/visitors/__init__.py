"""The Visitors area (Tamu): the page (page.py) and its parts.

- registration: the form (new and returning visitors); badge_news: the banner
  under it and badge printing
- suggestions: returning visitors offered while typing; chip: the one linked
- checkout_bar: the scan field
- lists: in the building now, today's log, history; check-out, reprint, muster
- badges: PDF from the worker, printed on the UI thread
"""
