"""The Rooms and spaces area (Pemesanan ruang): the page with its day grid, and
the booking dialogs.

- booking_dialog: a new booking (who, title, attendees, space and times, notes,
  the price live); `BookingDialog.for_booking` opens an existing one
- booking_details: an existing booking, read-only, and cancelling it
- booker_fields: who books (kind, name with returning visitors, UMKM)
- booking_fields: the half-hour time field and WIB times of the dialog
"""
