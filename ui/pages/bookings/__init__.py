"""The bookings area (Ruang): the page (page.py) with its parts and dialogs.

- page: "Hari" | "Minggu" (and the week's space), the day bar (day or week
  before/after, a date picker, "Hari ini"), the grid shown and its legend
- day_grid: the custom-painted grid of one day over ui/models/bookings_model.py;
  grid_style: its colours and how a booking block is drawn
- week_grid: one space's week, painted the same way over
  ui/models/week_bookings_model.py; week_text: a block's text there
- booking_dialog: a new booking (who, title, attendees, space and times, notes,
  the price live); `BookingDialog.for_booking` opens an existing one
- series_fields: the dialog's "Ulangi" section (the SeriesRule);
  series_preview: the occurrences and clashes before saving, and the saving
- booking_details: an existing booking, read-only, and cancelling it
- booker_fields: who books (kind, name with returning visitors, UMKM)
- booking_fields: the half-hour time field and WIB times of the dialog
"""
