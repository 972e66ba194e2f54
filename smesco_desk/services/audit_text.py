"""The audit log in words: a label for each action, the details as readable text.

The log stores an action code (`booking.create`) and a detail of JSON values
(`{"expected": 380000}`). The viewer and the export show them as a person
reads them: "Pemesanan ruang dibuat", "Seharusnya: Rp380.000". An action or a
key this table does not know is shown as it is stored (the code, `key: value`),
so a new action is never hidden. Ids are left out (the object's id has its own
column in the export, the raw detail too); who approved is shown beside who
asked (`who_text`), not in the details.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from smesco_desk.clock import to_wib
from smesco_desk.domain.money import format_rupiah
from smesco_desk.domain.payments import method_label
from smesco_desk.domain.watchlist import kind_label
from smesco_desk.i18n import N_, _
from smesco_desk.services.actors import ROLE_LABELS, Role

ACTION_LABELS = {
    "approval.price": N_("Persetujuan harga/diskon"),
    "approval.watchlist": N_("Persetujuan daftar pantauan"),
    "booking.attendee_add": N_("Peserta ditambahkan"),
    "booking.attendee_check_in": N_("Peserta hadir"),
    "booking.attendees_import": N_("Peserta diimpor"),
    "booking.cancel": N_("Pemesanan dibatalkan"),
    "booking.check_in": N_("Pemesanan check-in"),
    "booking.create": N_("Pemesanan ruang dibuat"),
    "booking.edit": N_("Pemesanan diubah"),
    "booking.move": N_("Pemesanan dipindah"),
    "booking.move_conflicted": N_("Pemesanan bentrok dipindah"),
    "booking.release": N_("Pemesanan dilepas"),
    "booking.set_event": N_("Acara pemesanan diatur"),
    "booking_series.create": N_("Pemesanan berulang dibuat"),
    "booking_series.update": N_("Pemesanan berulang diubah"),
    "charge.create": N_("Tagihan dibuat"),
    "charge.credit": N_("Tagihan dikreditkan"),
    "charge.gather": N_("Tagihan digabung"),
    "charge_kind.create": N_("Jenis tagihan dibuat"),
    "charge_kind.save": N_("Jenis tagihan disimpan"),
    "desk.create": N_("Meja dibuat"),
    "foodcourt.bill_utilities": N_("Tagihan utilitas food court"),
    "late_fee.post": N_("Denda keterlambatan dibukukan"),
    "lease.cancel": N_("Sewa dibatalkan"),
    "lease.cancel_conflicted": N_("Sewa bentrok dibatalkan"),
    "lease.create": N_("Sewa kios dibuat"),
    "lease.deposit_return": N_("Deposit sewa dikembalikan"),
    "lease.end": N_("Sewa diakhiri"),
    "lease.move_conflicted": N_("Sewa bentrok dipindah"),
    "lease.renew": N_("Sewa diperpanjang"),
    "lease.turnover_terms": N_("Bagi hasil sewa diubah"),
    "meter.readings": N_("Pembacaan meter"),
    "price_item.create": N_("Harga dibuat"),
    "price_item.save": N_("Harga disimpan"),
    "privacy.erase_owner": N_("Data pribadi dihapus"),
    "privacy.export": N_("Data pribadi diekspor"),
    "privacy.export_owner": N_("Data pribadi pemilik diekspor"),
    "purpose.create": N_("Keperluan dibuat"),
    "purpose.save": N_("Keperluan disimpan"),
    "receipt.gap": N_("Celah nomor kuitansi"),
    "receipt.issue": N_("Kuitansi diterbitkan"),
    "receipt.print": N_("Kuitansi dicetak"),
    "receipt.reprint": N_("Kuitansi dicetak ulang"),
    "receipt.void": N_("Kuitansi dibatalkan"),
    "refund.pay_out": N_("Pengembalian dana dibayar"),
    "rent.post": N_("Sewa dibukukan"),
    "setting.set": N_("Pengaturan diubah"),
    "shift.close": N_("Shift ditutup"),
    "shift.open": N_("Shift dibuka"),
    "space.save": N_("Ruang disimpan"),
    "stall.save": N_("Kios disimpan"),
    "sync.conflict.resolve": N_("Konflik sinkronisasi diselesaikan"),
    "tenant.save": N_("Tenan disimpan"),
    "tenant_document.attach": N_("Dokumen tenan dilampirkan"),
    "tenant_document.remove": N_("Dokumen tenan dihapus"),
    "turnover.post_rent": N_("Sewa bagi hasil dibukukan"),
    "turnover.record": N_("Omzet dicatat"),
    "user.create": N_("Pengguna dibuat"),
    "user.deactivate": N_("Pengguna dinonaktifkan"),
    "user.locked": N_("Pengguna terkunci"),
    "user.login": N_("Masuk"),
    "user.password": N_("Kata sandi diganti"),
    "user.password_reset": N_("Kata sandi disetel ulang"),
    "user.reactivate": N_("Pengguna diaktifkan lagi"),
    "user.rename": N_("Nama pengguna diubah"),
    "user.role": N_("Peran pengguna diubah"),
    "user.unlock": N_("Pengguna dibuka kuncinya"),
    "visit.check_in": N_("Kunjungan masuk"),
    "visit.check_out": N_("Kunjungan keluar"),
    "visit.muster_phones": N_("Daftar telepon evakuasi"),
    "watchlist.save": N_("Daftar pantauan disimpan"),
}

AREA_LABELS = {
    "approval": N_("Persetujuan"),
    "booking": N_("Pemesanan ruang"),
    "booking_series": N_("Pemesanan berulang"),
    "charge": N_("Tagihan"),
    "charge_kind": N_("Jenis tagihan"),
    "desk": N_("Meja"),
    "foodcourt": N_("Food court"),
    "late_fee": N_("Denda keterlambatan"),
    "lease": N_("Sewa kios"),
    "meter": N_("Meter"),
    "price_item": N_("Harga"),
    "privacy": N_("Data pribadi"),
    "purpose": N_("Keperluan"),
    "receipt": N_("Kuitansi"),
    "refund": N_("Pengembalian dana"),
    "rent": N_("Sewa"),
    "setting": N_("Pengaturan"),
    "shift": N_("Shift"),
    "space": N_("Ruang"),
    "stall": N_("Kios"),
    "sync": N_("Sinkronisasi"),
    "tenant": N_("Tenan"),
    "tenant_document": N_("Dokumen tenan"),
    "turnover": N_("Omzet"),
    "user": N_("Pengguna"),
    "visit": N_("Kunjungan"),
    "watchlist": N_("Daftar pantauan"),
}

KEY_LABELS = {
    "active": N_("Aktif"),
    "amount": N_("Jumlah"),
    "as_of": N_("Per tanggal"),
    "at": N_("Waktu"),
    "attendee": N_("Peserta"),
    "badge_number": N_("Kartu"),
    "booking": N_("Pemesanan"),
    "by": N_("Oleh"),
    "charges": N_("Tagihan"),
    "cleared": N_("Dihapus"),
    "closing": N_("Penutupan"),
    "code": N_("Kode"),
    "counted": N_("Dihitung"),
    "deductions": N_("Potongan"),
    "deposit": N_("Deposit"),
    "difference": N_("Selisih"),
    "discount": N_("Diskon"),
    "documents": N_("Dokumen"),
    "ends_on": N_("Sampai"),
    "event_kind": N_("Jenis acara"),
    "expected": N_("Seharusnya"),
    "failures": N_("Gagal masuk"),
    "fee": N_("Biaya"),
    "fee_percent": N_("Biaya (%)"),
    "fee_waived": N_("Biaya dibebaskan"),
    "fields": N_("Isian"),
    "file": N_("Berkas"),
    "format": N_("Format"),
    "from": N_("Dari"),
    "gaps": N_("Celah"),
    "imported": N_("Diimpor"),
    "kept_in": N_("Disimpan di"),
    "key": N_("Pengaturan"),
    "kind": N_("Jenis"),
    "leases": N_("Sewa"),
    "lines": N_("Baris"),
    "matched_by": N_("Cocok"),
    "method": N_("Cara bayar"),
    "month": N_("Bulan"),
    "new_starts_on": N_("Mulai baru"),
    "notice_fee": N_("Denda pemberitahuan"),
    "notice_on": N_("Tanggal pemberitahuan"),
    "number": N_("Nomor"),
    "opening_float": N_("Modal awal"),
    "owners": N_("Pemilik"),
    "participants": N_("Peserta"),
    "pay_by": N_("Bayar sebelum"),
    "payer": N_("Pembayar"),
    "people": N_("Orang"),
    "phones": N_("Nomor HP"),
    "price": N_("Harga"),
    "purpose": N_("Keperluan"),
    "reason": N_("Alasan"),
    "reasons": N_("Alasan"),
    "refund": N_("Pengembalian"),
    "refund_due": N_("Harus dikembalikan"),
    "replaced": N_("Menggantikan"),
    "role": N_("Peran"),
    "rows": N_("Baris"),
    "settled_by": N_("Diselesaikan oleh"),
    "size": N_("Ukuran"),
    "skipped": N_("Dilewati"),
    "space": N_("Ruang"),
    "stall": N_("Kios"),
    "starts_at": N_("Mulai"),
    "starts_on": N_("Mulai"),
    "taxes": N_("Pajak"),
    "to": N_("Menjadi"),
    "total": N_("Jumlah"),
    "unit_price": N_("Harga satuan"),
    "until": N_("Sampai"),
    "username": N_("Pengguna"),
    "value": N_("Nilai"),
    "visit": N_("Kunjungan"),
    "visits": N_("Kunjungan"),
    "waived": N_("Dibebaskan"),
    "was": N_("Sebelumnya"),
    "written": N_("Ditulis"),
}
MONEY_KEYS = frozenset({"amount", "counted", "deductions", "deposit", "difference", "discount",
                        "expected", "fee", "notice_fee", "opening_float", "price", "refund",
                        "refund_due", "total", "unit_price"})  # fmt: skip
# Shown elsewhere (who asked and who approved: the user column) or ids nobody reads.
HIDDEN_KEYS = frozenset({"requested_by", "requested_by_name", "approved_by",
                         "approved_by_name", "entries"})  # fmt: skip
MATCHED_BY = {"nik": N_("NIK"), "phone": N_("nomor HP"), "name": N_("nama")}


def action_label(action: str) -> str:
    """"Pemesanan ruang dibuat" for `booking.create`; an unknown action: its code."""
    known = ACTION_LABELS.get(action)
    return _(known) if known is not None else action


def area_label(area: str) -> str:
    known = AREA_LABELS.get(area)
    return _(known) if known is not None else area


def approver_of(actor: str, detail: dict[str, Any]) -> str:
    """Who approved an action someone else asked for ("" when nobody else did)."""
    approver = detail.get("approved_by")
    return approver if isinstance(approver, str) and approver and approver != actor else ""


def who_text(label: str, actor: str, approver: str) -> str:
    """The user column: "Sari Wulandari (sari)", or with who approved it, short
    enough to be read whole: "sari (disetujui hendra)"."""
    if not approver:
        return label
    return _("{who} (disetujui {approver})").format(who=actor, approver=approver)


def detail_text(detail: dict[str, Any]) -> str:
    """The detail as readable text: "Seharusnya: Rp380.000; Dihitung: Rp380.000"."""
    parts = []
    for key, value in detail.items():
        if key in HIDDEN_KEYS or key.endswith("_id"):
            continue
        text = _value(key, value)
        if text == "":
            continue
        label = KEY_LABELS.get(key)
        parts.append(f"{_(label)}: {text}" if label is not None else f"{key}: {text}")
    return "; ".join(parts)


def _value(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if isinstance(value, int) and key in MONEY_KEYS:
        return format_rupiah(value)
    if key == "role" and value in {r.value for r in Role}:
        return _(ROLE_LABELS[Role(value)])
    if key == "method" and isinstance(value, str):
        return method_label(value)
    if key == "kind" and isinstance(value, str):
        return kind_label(value)
    if key == "matched_by" and isinstance(value, list):
        return ", ".join(_(MATCHED_BY[v]) if v in MATCHED_BY else str(v) for v in value)
    if key == "lines" and isinstance(value, list):
        return ", ".join(_line(v) for v in value)
    if key == "taxes" and isinstance(value, list):
        return ", ".join(str(t.get("label", t.get("code", ""))) if isinstance(t, dict) else str(t)
                         for t in value)  # fmt: skip
    if isinstance(value, list):
        return " ".join(_value(key, v) for v in value) if value else ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(k, v)}" for k, v in value.items())
    if isinstance(value, str):
        return _moment(value)
    return str(value)


def _line(line: Any) -> str:
    """A price override's line: "Sewa aula Rp1.500.000"."""
    if not isinstance(line, dict):
        return str(line)
    what = str(line.get("description", ""))
    price = line.get("price")
    return f"{what} {format_rupiah(price)}".strip() if isinstance(price, int) else what


def _moment(text: str) -> str:
    """A stored ISO day or time as the desk writes it (dd-mm-yyyy, WIB); other text as is."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text).strftime("%d-%m-%Y")
        except ValueError:
            return text
    if len(text) > 18 and text[4] == "-" and text[10] == "T":
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return text
        if moment.tzinfo is not None:
            moment = to_wib(moment)
        return moment.strftime("%d-%m-%Y %H:%M")
    return text
