"""Parts of the Visitors page (ui.pages.visitors.page.VisitorsPage puts them together).

- registration: the form (new and returning visitors), success banner, badge printing
- suggestions: returning visitors offered while typing
- checkout_bar: the scan field
- lists: in the building now, today's log, history; check-out, reprint, muster
- badges: PDF from the worker, printed on the UI thread
"""
