"""Text the services refuse (issue 9, item 11): NUL, lone surrogates, other control
characters, names that show nothing, and truthy values that are not booleans.
Each is a field error, and nothing is stored."""

from __future__ import annotations

from typing import Any

import pytest

from smesco_desk.db.models import DeskSetting
from smesco_desk.domain.charges import LineInput
from smesco_desk.errors import ValidationError
from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.values.payments import PaymentForm
from tests.core.helpers_core import cash, sale_form, table_counts, visitor_form

UNSTORABLE = ["Siti\x00Rahayu", "Siti \udcff", "\ud800", "Siti\x1b[31m"]
INVISIBLE = ["\u200b\u200b\u200b", "\u3164\u3164", "\u2060\ufeff\u200d", "\u0301\u0301"]


@pytest.mark.parametrize("value", UNSTORABLE + INVISIBLE)
def test_a_visitor_name_that_cannot_be_stored_or_shows_nothing(
    core: Core, receptionist: Actor, value: str
) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.visitors.register(receptionist, visitor_form(name=value))
    assert "name" in refused.value.errors
    assert table_counts(core) == before


@pytest.mark.parametrize("field", ["phone", "organisation", "host", "nik", "purpose"])
@pytest.mark.parametrize("value", UNSTORABLE[:3])
def test_every_visitor_field_refuses_nul_and_surrogates(
    core: Core, receptionist: Actor, field: str, value: str
) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.visitors.register(receptionist, visitor_form(**{field: value}))
    assert field in refused.value.errors
    assert table_counts(core) == before


@pytest.mark.parametrize("consent", ["no", "false", 1, "yes", None, [True]])
def test_consent_is_true_or_nothing(core: Core, receptionist: Actor, consent: Any) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as refused:
        core.visitors.register(receptionist, visitor_form(consent=consent))
    assert set(refused.value.errors) == {"consent"}
    assert table_counts(core) == before


def test_a_sale_refuses_text_that_cannot_be_stored_or_shows_nothing(
    core: Core, receptionist: Actor
) -> None:
    core.payments.open_shift(receptionist, 0)
    before = table_counts(core)
    cases: list[tuple[Any, Any, str]] = [
        (sale_form(payer="Budi\x00"), cash(), "payer_name"),
        (sale_form(payer="\u200b\u200b"), cash(), "payer_name"),
        (sale_form(LineInput("Cetak\udcff", 1, 1_000)), cash(), "lines.0.description"),
        (sale_form(LineInput("\u200b", 1, 1_000)), cash(), "lines.0.description"),
        (sale_form(LineInput("Cetak", 1, 1_000, unit="\x00")), cash(), "lines.0.unit"),
        (sale_form(), PaymentForm("qris", None, "REF\x00123"), "reference"),
    ]
    for form, payment, field in cases:
        with pytest.raises(ValidationError) as refused:
            core.payments.sell(receptionist, form, payment)
        assert field in refused.value.errors, (field, refused.value.errors)
    assert table_counts(core) == before


def test_a_void_reason_must_show_and_be_storable(
    core: Core, receptionist: Actor, supervisor: Actor
) -> None:
    core.payments.open_shift(receptionist, 0)
    receipt = core.payments.sell(receptionist, sale_form(), cash())
    before = table_counts(core)
    for reason in ("Salah\x00input", "\u200b\u200b\u200b\u200b\u200b\u200b", "Salah \udcff"):
        with pytest.raises(ValidationError) as refused:
            core.payments.void(supervisor, receipt.number, reason)
        assert "reason" in refused.value.errors
    assert table_counts(core) == before


def test_catalogue_flags_must_be_booleans(core: Core, supervisor: Actor) -> None:
    before = table_counts(core)
    with pytest.raises(ValidationError) as item:
        core.payments.save_price_item(supervisor, "jilid", "Jilid", 5_000, active="no")  # type: ignore[arg-type]
    assert "active" in item.value.errors
    with pytest.raises(ValidationError) as name:
        core.payments.save_price_item(supervisor, "jilid", "\u200b\u200b", 5_000)
    assert "name" in name.value.errors
    with pytest.raises(ValidationError) as purpose:
        core.visitors.save_purpose(supervisor, "pameran", "Pameran", "Fair\x00", active="no")  # type: ignore[arg-type]
    assert {"label_en", "active"} <= set(purpose.value.errors)
    assert table_counts(core) == before


def test_no_row_is_written_with_nul_or_a_surrogate_even_past_the_services(core: Core) -> None:
    """The last check, at every flush: what a service forgot is refused, not stored."""
    before = table_counts(core)
    for value in ("a\x00b", "\udcff"):
        with pytest.raises(ValidationError) as refused, core.db.write() as session:
            session.add(DeskSetting(key="note", value=value))
        assert "value" in refused.value.errors
    assert table_counts(core) == before
