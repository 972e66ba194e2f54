"""The details of the chosen receipt: lines, taxes, total in figures and words,
payment, cashier, prints, and the void (BATAL) if there is one."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from smesco_desk.domain.charges import format_rate
from smesco_desk.domain.money import terbilang
from smesco_desk.domain.payments import PaymentMethod, method_label, payer_label
from smesco_desk.values.payments import ReceiptRecord
from ui.pages.payments.common import rupiah, wib_moment


class ReceiptDetails(QScrollArea):
    """Read-only; `show_receipt(None)` says that nothing is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receipt_details")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label = QLabel(self)
        self.label.setObjectName("receipt_details_label")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QWidget(self)
        box.setObjectName("receipt_details_box")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(box)
        self.record: ReceiptRecord | None = None
        self.show_receipt(None)

    def show_receipt(self, record: ReceiptRecord | None) -> None:
        self.record = record
        if record is None:
            self.label.setText(
                "<p style='color:#5b6675'>{}</p>".format(
                    escape(self.tr("Pilih kuitansi di daftar untuk melihat rinciannya."))
                )
            )
            return
        self.label.setText(self._html(record))

    def text(self) -> str:
        """What the panel says, as plain text (tests, accessibility)."""
        return self.label.text()

    # --- the HTML ---------------------------------------------------------------

    def _html(self, r: ReceiptRecord) -> str:
        parts = [self._heading(r), self._lines(r), self._totals(r), self._payment(r)]
        if r.void is not None:
            parts.append(self._void(r))
        return "".join(parts)

    def _heading(self, r: ReceiptRecord) -> str:
        status = (
            f" <span style='color:#b42318; font-weight:700'>{escape(self.tr('BATAL'))}</span>"
            if r.voided
            else ""
        )
        meta = self.tr("{time} WIB · Desk {desk}").format(
            time=wib_moment(r.issued_at), desk=r.desk_code
        )
        payer = self.tr("{name} ({kind})").format(name=r.payer_name, kind=payer_label(r.payer_kind))
        return (
            f"<p style='margin:0'><span style='font-size:13pt; font-weight:600'>"
            f"{escape(r.number)}</span>{status}</p>"
            f"<p style='margin:2px 0 8px 0; color:#5b6675'>{escape(meta)}</p>"
            f"<p style='margin:0 0 8px 0'>{escape(payer)}</p>"
        )

    def _lines(self, r: ReceiptRecord) -> str:
        rows = []
        for ln in r.lines:
            unit = f" {ln.unit}" if ln.unit else ""
            sub = self.tr("{quantity}{unit} × {price}").format(
                quantity=ln.quantity, unit=unit, price=rupiah(ln.unit_price)
            )
            if ln.discount:
                sub += " " + self.tr("− potongan {amount}").format(amount=rupiah(ln.discount))
            rows.append(
                f"<tr><td>{escape(ln.description)}<br>"
                f"<span style='color:#5b6675; font-size:9.5pt'>{escape(sub)}</span></td>"
                f"<td align='right' valign='top'>{escape(rupiah(ln.amount))}</td></tr>"
            )
        return "<table width='100%' cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"

    def _totals(self, r: ReceiptRecord) -> str:
        rows = [(self.tr("Subtotal"), rupiah(r.subtotal))]
        if r.discount_total:
            rows.append((self.tr("Diskon"), "−" + rupiah(r.discount_total)))
        rows += [(f"{t.label} {format_rate(t.rate_bp)}", rupiah(t.amount)) for t in r.taxes]
        cells = "".join(
            f"<tr><td>{escape(k)}</td><td align='right'>{escape(v)}</td></tr>" for k, v in rows
        )
        total = (
            f"<tr><td style='font-size:12pt; font-weight:700'>{escape(self.tr('TOTAL'))}"
            f"</td><td align='right' style='font-size:12pt; font-weight:700'>"
            f"{escape(rupiah(r.total))}</td></tr>"
        )
        words = terbilang(r.total).capitalize()
        meterai = (
            f"<p style='color:#8a5a00'>{escape(self.tr('Perlu meterai Rp10.000.'))}</p>"
            if r.needs_meterai
            else ""
        )
        return (
            "<hr><table width='100%' cellspacing='0' cellpadding='2'>"
            + cells
            + total
            + f"</table><p style='margin:2px 0; font-style:italic'>{escape(words)}</p>"
            + meterai
        )

    def _payment(self, r: ReceiptRecord) -> str:
        rows = [(self.tr("Cara bayar"), method_label(r.method))]
        if r.method == PaymentMethod.CASH.value:
            rows += [
                (self.tr("Diterima"), rupiah(r.tendered)),
                (self.tr("Kembalian"), rupiah(r.change_given)),
            ]
        else:
            rows.append((self.tr("Referensi"), r.reference))
        prints = (
            self.tr("%n kali (berikutnya: SALINAN)", "", r.print_count)
            if r.print_count
            else self.tr("Belum dicetak")
        )
        rows += [(self.tr("Kasir"), r.cashier_name or r.cashier), (self.tr("Dicetak"), prints)]
        cells = "".join(
            f"<tr><td style='color:#5b6675' valign='top'>{escape(k)}</td><td>{escape(v)}</td></tr>"
            for k, v in rows
        )
        return f"<hr><table cellspacing='0' cellpadding='2'>{cells}</table>"

    def _void(self, r: ReceiptRecord) -> str:
        assert r.void is not None
        text = self.tr("Dibatalkan {time} WIB oleh {name}. Alasan: {reason}").format(
            time=wib_moment(r.void.voided_at),
            name=r.void.voided_by_name or r.void.voided_by,
            reason=r.void.reason,
        )
        return (
            f"<p style='margin-top:8px; padding:6px; background:#fdecea; color:#b42318'>"
            f"<b>{escape(self.tr('BATAL'))}</b> — {escape(text)}</p>"
        )
