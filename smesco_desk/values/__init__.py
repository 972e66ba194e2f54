"""Plain frozen values the services take and return, one module per area.

They hold no session and no ORM object; the UI, printing and the command line
read them. They import nothing from the services.
"""
