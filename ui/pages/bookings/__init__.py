"""The bookings area (Ruang): the page (page.py) with its parts and dialogs.

- page: the day bar (day before/after, a date picker, "Hari ini"), the day
  grid and its legend
- day_grid: the custom-painted grid of one day over ui/models/bookings_model.py;
  grid_style: its colours and how a booking block is drawn
- booking_dialog: a new booking (who, title, attendees, space and times, notes,
  the price live); `BookingDialog.for_booking` opens an existing one
- booking_details: an existing booking, read-only, and cancelling it
- booker_fields: who books (kind, name with returning visitors, UMKM)
- booking_fields: the half-hour time field and WIB times of the dialog
"""
