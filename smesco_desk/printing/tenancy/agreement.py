"""The lease agreement (PERJANJIAN SEWA STAN), A4, in Indonesian: both parties
(the building as the first, the tenant's business as the second), the stall,
the period, the rent and the deposit (with their amounts in words), the house
rules, early termination with the notice and fee an administrator set, and the
two signatures, the tenant's over a box for the Rp10.000 meterai."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Spacer, Table, TableStyle

from smesco_desk.domain.foodcourt import PERIOD_LABELS, LeasePeriod, format_npwp, size_m2_text
from smesco_desk.domain.money import format_rupiah, terbilang
from smesco_desk.i18n import N_, _, official_document
from smesco_desk.printing.style import INK, MUTED, RULE, para, rgb
from smesco_desk.printing.tenancy.common import (
    WIDTH,
    build,
    day_name,
    label_table,
    letterhead,
    long_date,
    rich,
    style,
    title,
)
from smesco_desk.values.tenancy import AgreementData

_PER = {
    LeasePeriod.DAY: N_("hari"),
    LeasePeriod.WEEK: N_("minggu"),
    LeasePeriod.MONTH: N_("bulan"),
}


@official_document
def render_lease_agreement(data: AgreementData) -> bytes:
    """A4 portrait PDF bytes."""
    document = _("Perjanjian Sewa Stan {number}").format(number=data.number)
    return build(_story(data), data.building, document, "lease_agreement")


def per_period(period: str) -> str:
    return _(_PER[LeasePeriod(period)])


def fee_text(data: AgreementData) -> str:
    """The notice fee as the agreement states it."""
    periods = data.policy.fee_periods
    if periods <= 0:
        return _("tanpa biaya pemutusan")
    amount = format_rupiah(periods * data.lease.rent)
    return _("biaya pemutusan sebesar {n} kali sewa per {per} ({amount})").format(
        n=periods, per=per_period(data.lease.period), amount=amount
    )


def _story(data: AgreementData) -> list[Any]:
    body = style(9.5, alignment=4)
    story: list[Any] = [*letterhead(data.building)]
    story += title(_("PERJANJIAN SEWA STAN"), _("Nomor: {number}").format(number=data.number))
    opening = _(
        "Pada hari ini, {day}, tanggal {date}, bertempat di {place}, kami yang bertanda tangan "
        "di bawah ini:"
    ).format(day=day_name(data.signed_on), date=long_date(data.signed_on), place=data.building.name)
    story += [para(opening, body), Spacer(1, 3 * mm)]
    story += _parties(data, body)
    story += [
        para(
            _(
                "Kedua belah pihak sepakat mengadakan perjanjian sewa stan food court dengan "
                "ketentuan sebagai berikut:"
            ),
            body,
        ),
        Spacer(1, 2 * mm),
    ]
    for heading, content in _articles(data, body):
        story.append(KeepTogether([_article_heading(heading), *content]))
        story.append(Spacer(1, 2.5 * mm))
    story += [Spacer(1, 4 * mm), KeepTogether(_signatures(data))]
    return story


def _article_heading(text: str) -> Any:
    return para(text, style(10, True, INK, spaceBefore=2, spaceAfter=3), bold=True)


def _parties(data: AgreementData, body: Any) -> list[Any]:
    tenant, building = data.tenant, data.building
    first = [
        (_("Nama"), building.name),
        (_("Alamat"), building.address),
        (_("NPWP"), format_npwp(building.npwp) if building.npwp else ""),
        (_("Diwakili oleh"), _("{name}, Pengelola Tenan Food Court").format(name=data.signatory)),
    ]
    second = [
        (_("Nama usaha"), tenant.name),
        (_("Pemilik"), tenant.owner),
        (_("NIB"), tenant.nib),
        (_("NPWP"), format_npwp(tenant.npwp) if tenant.npwp else ""),
        (_("Telepon"), tenant.phone),
        (_("Produk"), tenant.products),
    ]
    if tenant.halal_number:
        second.append((_("Sertifikat halal"), tenant.halal_number))
    out: list[Any] = []
    for number, pairs, role in (
        ("1.", first, _("selanjutnya disebut PIHAK PERTAMA (Pengelola).")),
        ("2.", second, _("selanjutnya disebut PIHAK KEDUA (Penyewa).")),
    ):
        inner = label_table(pairs, 30 * mm, WIDTH - 8 * mm)
        table = Table([[para(number, body), inner], ["", para(role, style(9.5, True), True)]],
                      colWidths=[8 * mm, WIDTH - 8 * mm])  # fmt: skip
        table.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 1), (-1, 1), 1.5 * mm),
                ]
            )
        )
        out += [table, Spacer(1, 3 * mm)]
    return out


def _facilities(data: AgreementData) -> str:
    stall = data.stall
    parts = []
    if stall.power:
        meter = f" ({_('meter {no}').format(no=stall.power_meter)})" if stall.power_meter else ""
        parts.append(_("listrik") + meter)
    if stall.water:
        parts.append(_("air bersih"))
    if stall.gas:
        parts.append(_("sambungan gas"))
    return ", ".join(parts) if parts else _("tanpa sambungan")


def _articles(data: AgreementData, body: Any) -> list[tuple[str, list[Any]]]:
    lease, stall, policy = data.lease, data.stall, data.policy
    per = per_period(lease.period)
    period = _(PERIOD_LABELS[LeasePeriod(lease.period)]).lower()
    due = {
        LeasePeriod.MONTH.value: _("setiap tanggal {day} tiap bulan (tanggal terakhir bulan itu "
                                   "bila bulannya lebih pendek)").format(day=lease.due_day),
        LeasePeriod.WEEK.value: _("setiap awal minggu sewa"),
        LeasePeriod.DAY.value: _("setiap hari sewa"),
    }[lease.period]  # fmt: skip
    stall_rows = label_table(
        [
            (_("Kode stan"), stall.code),
            (_("Lantai"), str(stall.floor)),
            (_("Luas"), f"{size_m2_text(stall.size_cm2).replace('.', ',')} m²"),
            (_("Fasilitas"), _facilities(data)),
        ],
        30 * mm,
    )
    rent = rich(
        [
            (_("Harga sewa sebesar"), False),
            (format_rupiah(lease.rent), True),
            (_("per {per} ({words}), sewa {period}, dibayar di muka {due}. Pajak dikenakan "
               "menurut ketentuan yang berlaku.").format(
                per=per, words=terbilang(lease.rent), period=period, due=due), False),
        ],
        body,
    )  # fmt: skip
    if lease.deposit > 0:
        deposit_text = _(
            "PIHAK KEDUA menyerahkan deposit sebesar {amount} ({words}) sebelum stan dipakai. "
            "Deposit dikembalikan setelah sewa berakhir, dikurangi kerusakan, kehilangan atau "
            "tagihan yang belum dibayar, masing-masing dengan rincian dan alasannya."
        ).format(amount=format_rupiah(lease.deposit), words=terbilang(lease.deposit))
    else:
        deposit_text = _("Sewa ini tanpa deposit.")
    period_text = _(
        "Sewa berlaku sejak {first} sampai dengan {last} (kedua tanggal termasuk). Sewa dapat "
        "diperpanjang dengan persetujuan kedua belah pihak tanpa jeda."
    ).format(  # the term agreed, also after an early end
        first=long_date(lease.starts_on), last=long_date(lease.planned_ends_on)
    )
    if policy.notice_days > 0:
        notice = _(
            "PIHAK KEDUA yang mengakhiri sewa sebelum waktunya memberitahukannya secara tertulis "
            "paling lambat {days} hari sebelum hari terakhir yang diinginkan. Pemberitahuan "
            "yang kurang dari itu dikenai {fee}."
        ).format(days=policy.notice_days, fee=fee_text(data))
    else:
        notice = _(
            "PIHAK KEDUA dapat mengakhiri sewa sebelum waktunya dengan pemberitahuan tertulis."
        )
    return [
        (_("Pasal 1 — Objek Sewa"), [
            para(_("PIHAK PERTAMA menyewakan kepada PIHAK KEDUA stan food court berikut:"), body),
            Spacer(1, 1.5 * mm), stall_rows]),
        (_("Pasal 2 — Jangka Waktu"), [para(period_text, body)]),
        (_("Pasal 3 — Harga Sewa dan Pembayaran"), [rent]),
        (_("Pasal 4 — Deposit"), [para(deposit_text, body)]),
        (_("Pasal 5 — Tata Tertib"), [_rules(data, body)]),
        (_("Pasal 6 — Pengakhiran Lebih Awal"), [para(notice, body)]),
        (_("Pasal 7 — Penutup"), [para(_(
            "Perjanjian ini dibuat rangkap dua, masing-masing mempunyai kekuatan hukum yang "
            "sama, dan ditandatangani kedua belah pihak dalam keadaan sadar tanpa paksaan."
        ), body)]),
    ]  # fmt: skip


def house_rules(data: AgreementData) -> list[str]:
    """The numbered house rules of the food court."""
    late = _(
        "Sewa dan tagihan dibayar paling lambat pada tanggal jatuh temponya; keterlambatan "
        "dikenai denda keterlambatan sesuai ketentuan Pengelola yang berlaku dan dapat "
        "berujung pada penutupan stan."
    )
    if data.policy.notice_days > 0:
        notice = _(
            "Pengakhiran sewa lebih awal diberitahukan tertulis paling lambat {days} hari "
            "sebelumnya (Pasal 6)."
        ).format(days=data.policy.notice_days)
    else:
        notice = _("Pengakhiran sewa lebih awal diberitahukan tertulis kepada Pengelola.")
    return [
        _(
            "Stan buka setiap hari mengikuti jam operasional gedung dan tutup paling lambat "
            "pukul {time} WIB; stan yang tutup lebih dari tiga hari berturut-turut "
            "diberitahukan kepada Pengelola."
        ).format(time=data.closing_time),
        _(
            "PIHAK KEDUA menjaga kebersihan stan dan area di sekitarnya, membuang sampah "
            "terpilah ke tempat yang disediakan setiap hari, dan tidak membuang minyak atau "
            "sisa makanan ke saluran air."
        ),
        _(
            "Makanan dan minuman yang dijual halal dan aman: bahan segar dan tersimpan dengan "
            "benar, penjamah makanan memakai celemek dan penutup kepala, dan sertifikat halal "
            "(bila ada) dipajang di stan."
        ),
        _(
            "Stan tidak boleh disewakan ulang, dialihkan atau dipakai pihak lain tanpa "
            "persetujuan tertulis PIHAK PERTAMA."
        ),
        _(
            "Listrik dan air (menurut meteran) serta biaya layanan ditagih setiap bulan menurut "
            "tarif yang berlaku."
        ),
        late,
        _(
            "Instalasi listrik, gas dan air tidak boleh diubah tanpa izin Pengelola; tabung gas "
            "dan peralatan masak memenuhi standar keselamatan gedung."
        ),
        notice,
    ]


def _rules(data: AgreementData, body: Any) -> ListFlowable:
    item = style(9.5)  # left-aligned: a short rule justified leaves gaps
    items = [ListItem(para(rule, item), leftIndent=7 * mm) for rule in house_rules(data)]
    return ListFlowable(
        items, bulletType="1", bulletFormat="%s.", leftIndent=7 * mm, bulletFontSize=9.5,
        bulletFontName=style(9.5).fontName, spaceBefore=0,
    )  # fmt: skip


def _signatures(data: AgreementData) -> list[Any]:
    """Two blocks: the first party's, the tenant's over the meterai box."""
    label = style(9.5, alignment=1)
    name = style(9.5, True, alignment=1)
    place = para(
        _("Jakarta, {date}").format(date=long_date(data.signed_on)), style(9.5, alignment=2)
    )
    meterai = Table(
        [[para(_("Meterai 10.000"), style(7.5, color=MUTED, alignment=1))]],
        colWidths=[24 * mm],
        rowHeights=[18 * mm],
    )
    meterai.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, rgb(MUTED)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    rows = [
        [para(_("PIHAK PERTAMA"), name, True), "", para(_("PIHAK KEDUA"), name, True)],
        [para(data.building.name, label), "", para(data.tenant.name, label)],
        ["", "", meterai],
        [para(f"( {data.signatory} )", name, True), "",
         para(f"( {data.tenant.owner} )", name, True)],
        [para(_("Pengelola Tenan Food Court"), label), "", para(_("Pemilik"), label)],
    ]  # fmt: skip
    half = (WIDTH - 14 * mm) / 2
    table = Table(rows, colWidths=[half, 14 * mm, half], rowHeights=[None, None, 26 * mm,
                                                                      None, None])  # fmt: skip
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 2), (-1, 2), "MIDDLE"),
                ("LINEABOVE", (0, 3), (0, 3), 0.6, rgb(RULE)),
                ("LINEABOVE", (2, 3), (2, 3), 0.6, rgb(RULE)),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [place, Spacer(1, 3 * mm), table]
