"""`users`, `user-deactivate`, `user-reactivate`, `user-unlock` and `audit` on the
command line (issue 13, point 11)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from smesco_desk.services.actors import Actor
from smesco_desk.services.core import Core
from smesco_desk.services.logins import MAX_FAILURES
from tests.core.helpers_cli import Desk, dump, make_desk
from tests.core.helpers_core import ADMIN_PASSWORD, USER_PASSWORD


@pytest.fixture
def desk(core: Core, data_dir: Path, admin: Actor, receptionist: Actor) -> Desk:
    return make_desk(core, data_dir, receptionist)


def test_users_lists_roles_and_states(desk: Desk) -> None:
    out = desk.run("users", "--json")
    assert out.status == 0, out.stderr
    users = {u["username"]: u for u in json.loads(out.stdout)}
    assert users["resepsionis"]["role"] == "receptionist" and users["resepsionis"]["active"]
    assert users["admin"]["locked_until"] is None


def test_an_administrator_deactivates_and_reactivates(desk: Desk) -> None:
    done = desk.run("user-deactivate", "resepsionis", "--user", "admin", stdin=ADMIN_PASSWORD)
    assert done.status == 0 and "deactivated" in done.stdout, done.stderr
    refused = desk.run("sell", "--item", "print_bw", "--method", "cash",
                       "--user", "resepsionis", stdin=USER_PASSWORD)  # fmt: skip
    assert refused.one_error_line() and "dinonaktifkan" in refused.stderr
    back = desk.run("user-reactivate", "resepsionis", "--user", "admin", stdin=ADMIN_PASSWORD)
    assert back.status == 0 and "active" in back.stdout
    actions = json.loads(desk.run("audit", "--kind", "user", "--json").stdout)
    assert [a["action"] for a in actions[:2]] == ["user.reactivate", "user.deactivate"]
    assert actions[0]["actor"] == "admin"


def test_the_last_administrator_is_refused_in_one_line(desk: Desk) -> None:
    before = dump(desk.db)
    out = desk.run("user-deactivate", "admin", "--user", "admin", stdin=ADMIN_PASSWORD)
    assert out.one_error_line() and dump(desk.db) == before


def test_a_receptionist_may_not_deactivate(desk: Desk) -> None:
    out = desk.run("user-deactivate", "admin", "--user", "resepsionis", stdin=USER_PASSWORD)
    assert out.one_error_line()


def test_wrong_passwords_on_the_command_line_lock_too_and_unlock(desk: Desk) -> None:
    for _ in range(MAX_FAILURES):
        out = desk.run("user-unlock", "admin", "--user", "resepsionis", stdin="salah-sandi\n")
        assert out.one_error_line()
    assert "terkunci" in out.stderr
    users = {u["username"]: u for u in json.loads(desk.run("users", "--json").stdout)}
    assert users["resepsionis"]["locked_until"] is not None
    done = desk.run("user-unlock", "resepsionis", "--user", "admin", stdin=ADMIN_PASSWORD)
    assert done.status == 0, done.stderr
    users = {u["username"]: u for u in json.loads(desk.run("users", "--json").stdout)}
    assert users["resepsionis"]["locked_until"] is None


def test_audit_filters_and_writes_a_csv_for_excel(desk: Desk, tmp_path: Path) -> None:
    shown = json.loads(desk.run("audit", "--actor", "resepsionis", "--json").stdout)
    assert shown and {a["actor"] for a in shown} == {"resepsionis"}
    target = tmp_path / "audit.csv"
    out = desk.run("audit", "--actor", "resepsionis", "--from", "2026-03-10",
                   "--to", "2026-03-10", "--csv", str(target))  # fmt: skip
    assert out.status == 0, out.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) - 1 == len(shown) and {r[1] for r in rows[1:]} == {"resepsionis"}
    assert desk.run("audit", "--csv", str(target)).status == 0  # its own export: replaced
    other = tmp_path / "notes.csv"
    other.write_text("mine\n")
    refused = desk.run("audit", "--csv", str(other))
    assert refused.one_error_line() and other.read_text() == "mine\n"
    assert desk.run("audit", "--csv", str(tmp_path / "a.txt")).status == 2
    backwards = desk.run("audit", "--from", "2026-03-11", "--to", "2026-03-10")
    assert backwards.one_error_line()
