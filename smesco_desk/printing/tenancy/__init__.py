"""The food court's tenancy documents on A4, in Indonesian: the lease agreement
(PERJANJIAN SEWA STAN, with the meterai box and both signatures), a tenant's
statement (charges, payments and the running balance) and the reminder letter
for a tenant in arrears. Each takes plain values (smesco_desk.values.tenancy)
and returns PDF bytes; `common` holds the letterhead, the footer with
"Halaman x dari y", the long dates and the table look they share."""

from smesco_desk.printing.tenancy.agreement import render_lease_agreement
from smesco_desk.printing.tenancy.reminder import render_reminder
from smesco_desk.printing.tenancy.statement import render_statement

__all__ = ["render_lease_agreement", "render_reminder", "render_statement"]
