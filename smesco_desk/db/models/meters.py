"""The food court's meter readings (issue 12): each stall's power (kWh) and
water (m³) meters, read once a month.

A reading is an integer number of thousandths of its unit (Wh, litres): exact,
never a float (smesco_desk.domain.meters). `replaced` marks the first reading
of a new meter: it starts a new series and consumes nothing. `consumption` is
what the reading consumed since the last one of its series, kept as it was
computed when the reading was typed (a reading can be corrected only while it
is the latest of its meter and its month is not billed, so it stays true).
`anomaly` says why a person was asked to confirm it (backwards, jump) and
`confirmed_by` who did.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from smesco_desk.db.models.base import Base, SyncedMixin


class MeterReading(SyncedMixin, Base):
    """One reading of a stall's meter on `read_on` (WIB), for the month of that day."""

    __tablename__ = "meter_readings"
    stall_id: Mapped[str] = mapped_column(ForeignKey("stalls.id"))
    kind: Mapped[str] = mapped_column(String(8))  # smesco_desk.domain.meters.MeterKind
    meter_number: Mapped[str] = mapped_column(String(32), default="")
    read_on: Mapped[date] = mapped_column(Date)
    value: Mapped[int] = mapped_column(BigInteger)  # thousandths of a kWh or m³
    consumption: Mapped[int] = mapped_column(BigInteger, default=0)  # thousandths
    replaced: Mapped[bool] = mapped_column(Boolean, default=False)
    anomaly: Mapped[str] = mapped_column(String(16), default="")  # Anomaly value or ""
    confirmed_by: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_meter_readings_stall_kind_read", "stall_id", "kind", "read_on"),)
