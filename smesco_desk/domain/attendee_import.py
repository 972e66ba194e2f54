"""A participant list brought as a file: its rows cleaned, or the errors of each row.

Pure rules (no database): `check_attendees(rows, ...)` takes the rows of a
table (smesco_desk.domain.spreadsheet, header first) and returns the cleaned
participants and, for every bad row, its line number and one message per
field:

- the header names the columns, in Indonesian or English, in any order and
  case (`nama`/`name`, `telepon`/`hp`/`phone`, `organisasi`/`instansi`/
  `organisation`/`organization`, `nik`, `email`); a name and a phone column
  are required, the others optional; other columns are ignored;
- a row needs a name of at least two letters and a phone the phone rules
  accept (smesco_desk.domain.phone: stored as +62...); a NIK and an email are
  optional but must be valid when given;
- a phone or a NIK may appear once: a second row with it is an error naming
  the first, and so is one already on the booking (`taken_phones`, E.164;
  `taken_niks`, pseudonyms). A NIK is compared by its pseudonym, given as the
  function `pseudonym` (the visitors' keyed hash): the plain NIK is never
  kept beyond the cleaned row the service hashes and drops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from smesco_desk.domain.nik import InvalidNik, normalize_nik
from smesco_desk.domain.phone import InvalidPhone, normalize_phone
from smesco_desk.domain.text import clean_name, fold, text_errors, unstorable, visible_length
from smesco_desk.errors import DomainError, ValidationError
from smesco_desk.i18n import _

MAX_TEXT = 200
MAX_EMAIL = 254
FIELDS = ("name", "phone", "organisation", "nik", "email")
# Header texts (folded, letters and digits only) -> the field they name.
HEADERS: dict[str, str] = {
    **dict.fromkeys(("nama", "name", "namalengkap", "fullname", "namapeserta"), "name"),
    **dict.fromkeys(
        (
            "telepon",
            "telp",
            "tlp",
            "hp",
            "nohp",
            "nomorhp",
            "notelp",
            "notelepon",
            "nomortelepon",
            "phone",
            "phonenumber",
            "mobile",
            "whatsapp",
            "wa",
            "nowa",
        ),
        "phone",
    ),  # fmt: skip
    **dict.fromkeys(
        (
            "organisasi",
            "instansi",
            "lembaga",
            "perusahaan",
            "umkm",
            "asalinstansi",
            "organisation",
            "organization",
            "company",
        ),
        "organisation",
    ),  # fmt: skip
    **dict.fromkeys(("nik", "noktp", "nomorktp", "ktp", "nomornik"), "nik"),
    **dict.fromkeys(("email", "surel", "alamatemail", "emailaddress"), "email"),
}
_HEADER_NOISE = re.compile(r"[^0-9a-z]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+", re.ASCII)


@dataclass(frozen=True)
class AttendeeInput:
    """A participant as typed (a row of a file, or the form)."""

    name: str
    phone: str
    organisation: str = ""
    nik: str = ""
    email: str = ""


@dataclass(frozen=True)
class CleanAttendee:
    """A participant that passed every check: phone +62..., NIK its 16 digits or ""."""

    line: int
    name: str
    phone: str
    organisation: str
    nik: str
    email: str


@dataclass(frozen=True)
class RowProblem:
    """A bad row: its line in the file, the name as written, a message per field."""

    line: int
    name: str
    errors: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        reasons = "; ".join(f"{f}: {m}" for f, m in self.errors.items())
        return _("baris {line}: {reasons}").format(line=self.line, reasons=reasons)


@dataclass(frozen=True)
class AttendeeCheck:
    good: tuple[CleanAttendee, ...]
    bad: tuple[RowProblem, ...]


class BadAttendeeRows(DomainError):
    """An import refused because some rows are bad; nothing was written. Each
    problem names its line."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            _("{n} baris bermasalah; tidak ada peserta yang diimpor.").format(n=len(self.problems))
        )


def header_fields(header: Sequence[str]) -> dict[str, int]:
    """Field -> column index from the header row (the first column of a field
    counts). ValidationError when the name or the phone column is missing."""
    columns: dict[str, int] = {}
    for index, text in enumerate(header):
        known = HEADERS.get(_HEADER_NOISE.sub("", fold(text)))
        if known is not None and known not in columns:
            columns[known] = index
    missing = [f for f in ("name", "phone") if f not in columns]
    if missing:
        raise ValidationError(
            {
                "file": _(
                    "Baris judul harus punya kolom nama dan telepon (mis. nama, telepon, "
                    "organisasi, nik, email); tidak ditemukan: {missing}."
                ).format(missing=", ".join(missing))
            }
        )
    return columns


def rows_to_inputs(rows: Sequence[tuple[int, Sequence[str]]]) -> list[tuple[int, AttendeeInput]]:
    """The rows of a table (header first) as typed participants, by line."""
    if not rows:
        raise ValidationError({"file": _("Berkas kosong: tidak ada baris judul dan peserta.")})
    columns = header_fields(rows[0][1])

    def cell(cells: Sequence[str], name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    return [(line, AttendeeInput(*(cell(cells, f) for f in FIELDS))) for line, cells in rows[1:]]


def check_attendees(
    inputs: Sequence[tuple[int, AttendeeInput]],
    *,
    taken_phones: Collection[str] = (),
    taken_niks: Collection[str] = (),
    pseudonym: Callable[[str], str] | None = None,
) -> AttendeeCheck:
    """Every row cleaned or refused (see the module's docstring), in file order."""
    good: list[CleanAttendee] = []
    bad: list[RowProblem] = []
    phone_line: dict[str, int] = {}
    nik_line: dict[str, int] = {}
    phones_taken, niks_taken = set(taken_phones), set(taken_niks)
    for line, typed in inputs:
        errors, clean = clean_attendee(typed, line)
        if clean is not None:
            _check_unique(clean, "phone", clean.phone, phone_line, phones_taken, errors)
            if clean.nik:
                hashed = pseudonym(clean.nik) if pseudonym else clean.nik
                _check_unique(clean, "nik", clean.nik, nik_line, niks_taken, errors, hashed)
        if errors or clean is None:
            bad.append(RowProblem(line, _shown_name(typed.name), errors))
        else:
            good.append(clean)
    return AttendeeCheck(tuple(good), tuple(bad))


def _shown_name(typed: str) -> str:
    """The name of a bad row as a list may show it (nothing it cannot keep)."""
    return "" if unstorable(typed) else clean_name(typed)[:MAX_TEXT]


def _check_unique(
    clean: CleanAttendee,
    name: str,
    value: str,
    seen: dict[str, int],
    taken: set[str],
    errors: dict[str, str],
    taken_key: str | None = None,
) -> None:
    label = _("Nomor telepon") if name == "phone" else _("NIK")
    if value in seen:
        errors[name] = _("{what} sama dengan baris {line}.").format(what=label, line=seen[value])
    elif (taken_key or value) in taken:
        errors[name] = _("{what} sudah terdaftar sebagai peserta acara ini.").format(what=label)
    else:
        seen[value] = clean.line


def clean_attendee(
    typed: AttendeeInput, line: int = 0
) -> tuple[dict[str, str], CleanAttendee | None]:
    """The field errors of one participant and, if it has none, its clean form."""
    errors = text_errors({f: getattr(typed, f) for f in FIELDS})
    name = clean_name(typed.name) if "name" not in errors else ""
    if "name" not in errors:
        if visible_length(name) < 2:
            errors["name"] = _("Nama wajib diisi (minimal 2 huruf).")
        elif len(name) > MAX_TEXT:
            errors["name"] = _("Nama terlalu panjang (maksimal 200 karakter).")
    phone = nik = ""
    if "phone" not in errors:
        try:
            phone = normalize_phone(typed.phone)
        except InvalidPhone as exc:
            errors["phone"] = str(exc)
    organisation = clean_name(typed.organisation) if "organisation" not in errors else ""
    if len(organisation) > MAX_TEXT:
        errors["organisation"] = _("Nama organisasi terlalu panjang.")
    if "nik" not in errors and typed.nik.strip():
        try:
            nik = normalize_nik(typed.nik)
        except InvalidNik as exc:
            errors["nik"] = str(exc)
    email = typed.email.strip() if "email" not in errors else ""
    if email and (len(email) > MAX_EMAIL or not _EMAIL.fullmatch(email)):
        errors["email"] = _("Alamat email tidak valid.")
    if errors:
        return errors, None
    return errors, CleanAttendee(line, name, phone, organisation, nik, email)
