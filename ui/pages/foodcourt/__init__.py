"""The food court area (Pujasera): the page (page.py) with its tabs, parts and
dialogs.

- page: the tabs (Beranda, Denah, Stan, Tenan, Sewa; `add_tab` for more), the
  stall card and the lease dialog opened from any of them
- home: the tenant manager's home tab, one section per thing to act on
  (`_add_section(title, rows, open_callback)`)
- floor_plan: the custom-painted plan of one floor (states, hover, click,
  keys, dragging stalls); plan_tab: the floor, the filters, the legend, printing
- stall_table, tenants_tab, leases_tab: the lists (tables: the sortable,
  searchable table they share)
- stall_card: a stall's card and its actions; lease_dialog: leasing a stall;
  lease_actions: ending and cancelling a lease; tenant_dialog: a tenant;
  tenant_payment: paying a tenant's open charge, kuitansi printed
- common: the tabs' reloading, dates, periods, a stall's form
"""
