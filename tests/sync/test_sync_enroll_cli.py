"""Enrolment rules, refusals (schema, clock) and the `sync` command line."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import psycopg
import pytest

from smesco_desk.cli import main
from smesco_desk.db import migrate
from smesco_desk.errors import DomainError
from smesco_desk.sync import LinkState, SyncRefused
from smesco_desk.sync.connection import conninfo
from tests.sync.helpers_sync import (
    Desks,
    OffsetClock,
    outbox_pending,
    register,
    server_scalar,
    sync_all,
)


def test_a_desk_with_business_data_cannot_join_a_server_with_data(desks: Desks) -> None:
    desks.first("D01")
    d2 = desks.open("D02")
    d2.setup.initialize("D02")
    register(d2, "Siti Rahayu", "081234567890")
    with pytest.raises(DomainError, match="visit"):
        d2.sync.enroll(desks.server_url, "D02")
    assert not d2.sync.status().enrolled


def test_a_freshly_set_up_desk_may_join_its_set_up_is_replaced(desks: Desks) -> None:
    d1 = desks.first("D01")
    d2 = desks.open("D02")
    d2.setup.initialize("D02")  # its own purposes and NIK key: replaced by the server's
    d2.sync.enroll(desks.server_url, "D02")
    assert d2.nik_key.key() == d1.nik_key.key()
    assert [p.code for p in d2.visitors.purposes()] == [p.code for p in d1.visitors.purposes()]
    sync_all(d1, d2)


def test_desk_codes_are_unique_on_the_server(desks: Desks) -> None:
    desks.first("D01")
    other = desks.open("X9")
    with pytest.raises(DomainError, match="D01"):
        other.sync.enroll(desks.server_url, "D01")


def test_enrolling_again_resumes(desks: Desks) -> None:
    d1 = desks.first("D01")
    assert d1.sync.enroll(desks.server_url, "D01").mode == "resume"
    with pytest.raises(DomainError):
        d1.sync.enroll(desks.server_url, "D05")


def test_first_desk_code_must_be_its_own(desks: Desks) -> None:
    d1 = desks.open("D01")
    d1.setup.initialize("D01")
    with pytest.raises(DomainError, match="D01"):
        d1.sync.enroll(desks.server_url, "D07")


def test_not_a_postgresql_url(desks: Desks, tmp_path: Path) -> None:
    d1 = desks.open("D01")
    with pytest.raises(DomainError):
        d1.sync.enroll(f"sqlite:///{tmp_path}/x.db", "D01")


def _set_server_revision(server_url: str, revision: str) -> None:
    with psycopg.connect(**conninfo(server_url, "admin"), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = %s", (revision,))


def test_schema_mismatch_refuses_and_keeps_the_outbox(desks: Desks, server_url: str) -> None:
    d1 = desks.first("D01")
    register(d1, "Siti Rahayu", "081234567890")
    _set_server_revision(server_url, "9999")
    report = d1.sync.run_once()
    assert report.refused and "9999" in (report.error or "")
    assert len(outbox_pending(d1)) == 3
    assert server_scalar(server_url, "SELECT count(*) FROM visits") == 0
    status = d1.sync.status()
    assert status.state is LinkState.REFUSED and status.last_error == report.error
    # A new desk refuses to enrol too.
    with pytest.raises(SyncRefused):
        desks.open("D02").sync.enroll(server_url, "D02")
    _set_server_revision(server_url, migrate.HEAD_REVISION)
    assert d1.sync.run_once().sent == 3


@pytest.mark.parametrize("minutes", [6, -30])
def test_clock_skew_refuses_and_keeps_the_outbox(
    desks: Desks, server_url: str, minutes: int
) -> None:
    clock = OffsetClock()
    d1 = desks.first("D01", clock=clock)
    register(d1, "Siti Rahayu", "081234567890")
    clock.offset = timedelta(minutes=minutes)
    report = d1.sync.run_once()
    assert report.refused and str(abs(minutes)) in (report.error or "")
    assert len(outbox_pending(d1)) == 3
    clock.offset = timedelta(minutes=4)  # within five minutes
    assert d1.sync.run_once().error is None


def cli(tmp: Path, *args: str) -> list[str]:
    return ["--data-dir", str(tmp), *args]


def test_command_line(tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    d1, d2 = tmp_path / "d1", tmp_path / "d2"
    assert main(cli(d1, "init", "--desk", "D01")) == 0
    assert (
        main(
            cli(
                d1,
                "register",
                "--name",
                "Siti",
                "--phone",
                "0812345678",
                "--purpose",
                "meeting",
                "--consent",
            )
        )
        == 0
    )
    assert main(cli(d1, "sync", "enroll", "--server", server_url, "--desk", "D01")) == 0
    assert "uploaded" in capsys.readouterr().out
    assert main(cli(d2, "sync", "enroll", "--server", server_url, "--desk", "D02")) == 0
    assert "downloaded" in capsys.readouterr().out
    assert main(cli(d2, "sync", "run")) == 0
    assert capsys.readouterr().out.startswith("sent 2, received 0, conflicts 0")
    assert main(cli(d2, "sync", "status", "--json")) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["desk"] == "D02" and status["pending_ops"] == 0
    assert status["server"].endswith(server_url.rsplit("/", 1)[1])
    assert status["last_sync_at"] and status["conflicts"] == 0
    assert main(cli(d2, "visits", "--json")) == 0
    assert [v["name"] for v in json.loads(capsys.readouterr().out)] == ["Siti"]

    # Refused: a message on stderr, a non-zero status, the outbox kept.
    _set_server_revision(server_url, "9999")
    assert (
        main(
            cli(
                d1,
                "register",
                "--name",
                "Budi",
                "--phone",
                "0812345679",
                "--purpose",
                "meeting",
                "--consent",
            )
        )
        == 0
    )
    capsys.readouterr()
    assert main(cli(d1, "sync", "run")) == 1
    captured = capsys.readouterr()
    assert "9999" in captured.err and captured.out.startswith("sent 0")
    assert main(cli(d1, "sync", "status", "--json")) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending_ops"] == 3 and status["state"] == "refused"
    assert main(cli(d1, "sync", "conflicts", "--json")) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_status_before_enrolment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(cli(tmp_path, "init", "--desk", "D03")) == 0
    capsys.readouterr()
    assert main(cli(tmp_path, "sync", "status", "--json")) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["enrolled"] is False and status["desk"] == "D03" and status["server"] is None
    assert main(cli(tmp_path, "sync", "run")) == 1
    assert "server" in capsys.readouterr().err
