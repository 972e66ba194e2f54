"""The registration form, checked field by field before anything is written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smesco_desk.domain.nik import InvalidNik, normalize_nik
from smesco_desk.domain.phone import InvalidPhone, normalize_phone
from smesco_desk.domain.text import clean_name, text_errors, unstorable, visible_length
from smesco_desk.errors import ValidationError
from smesco_desk.i18n import _
from smesco_desk.values.visitors import VisitorForm

MAX_TEXT = 200
GROUP_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass(frozen=True, slots=True)
class CleanForm:
    """A form that passed every check, in its stored shape (phone as +62...)."""

    name: str
    phone: str
    purpose: str
    organisation: str
    nik: str
    host: str
    visitor_id: str | None
    group_id: str | None = None


def validate_form(form: VisitorForm) -> CleanForm:
    """Check every field; ValidationError lists each bad one. Writes nothing."""
    errors = text_errors(
        {
            "name": form.name,
            "phone": form.phone,
            "purpose": form.purpose,
            "organisation": form.organisation,
            "nik": form.nik,
            "host": form.host,
        }
    )
    if form.visitor_id is not None and unstorable(form.visitor_id):
        errors["visitor_id"] = _("Data tamu lama tidak ditemukan; daftarkan sebagai tamu baru.")
    if form.group_id is not None and not GROUP_ID.fullmatch(form.group_id):
        errors["group_id"] = _("Rombongan tidak dikenal; mulai rombongan baru.")
    if errors.get("name") is None:
        _check_name(clean_name(form.name), errors)
    if form.consent is not True:  # "no" or 1 is not a visitor's consent
        errors["consent"] = _("Tamu harus menyetujui pemberitahuan privasi.")
    if set(errors) & {"phone", "nik", "organisation", "host", "purpose"}:
        raise ValidationError(errors)  # the rest cannot be read
    return _clean_fields(form, errors)


def _check_name(name: str, errors: dict[str, str]) -> None:
    if visible_length(name) < 2:
        errors["name"] = _("Nama wajib diisi (minimal 2 huruf).")
    elif len(name) > MAX_TEXT:
        errors["name"] = _("Nama terlalu panjang (maksimal 200 karakter).")


def _clean_fields(form: VisitorForm, errors: dict[str, str]) -> CleanForm:
    phone = ""
    try:
        phone = normalize_phone(form.phone)
    except InvalidPhone as exc:
        errors["phone"] = str(exc)
    nik = ""
    if form.nik.strip():
        try:
            nik = normalize_nik(form.nik)
        except InvalidNik as exc:
            errors["nik"] = str(exc)
    organisation, host = clean_name(form.organisation), clean_name(form.host)
    if len(organisation) > MAX_TEXT:
        errors["organisation"] = _("Nama organisasi terlalu panjang.")
    if len(host) > MAX_TEXT:
        errors["host"] = _("Tuan rumah/acara terlalu panjang.")
    if not form.purpose:
        errors["purpose"] = _("Pilih keperluan kunjungan.")
    if errors:
        raise ValidationError(errors)
    name = clean_name(form.name)
    return CleanForm(
        name, phone, form.purpose, organisation, nik, host, form.visitor_id, form.group_id
    )
