"""The command line's `visits --search TEXT --json` (any run of four or more digits
of the phone, the start of any word of the name) and `checkout OLD_BADGE_NUMBER`
for a badge that was replaced (issue 13)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from smesco_desk.paths import database_path
from tests.core.helpers_cli import run
from tests.template_db import seed_data_dir


@pytest.fixture()
def data_dir(tmp_path: Path, template_database: Path) -> Path:
    seed_data_dir(template_database, tmp_path)
    assert run(tmp_path, "init", "--desk", "D02").returncode == 0
    return tmp_path


def register(data_dir: Path, name: str, phone: str) -> dict[str, object]:
    result = run(
        data_dir,
        "register",
        "--name",
        name,
        "--phone",
        phone,
        "--purpose",
        "meeting",
        "--consent",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    visit: dict[str, object] = json.loads(result.stdout)
    return visit


def searched(data_dir: Path, text: str) -> list[str]:
    result = run(data_dir, "visits", "--search", text, "--json")
    assert result.returncode == 0, result.stderr
    return sorted(v["name"] for v in json.loads(result.stdout))


def test_visits_search_matches_phone_runs_and_word_starts(data_dir: Path) -> None:
    register(data_dir, "Siti Nurhaliza", "0812-3456-7890")
    register(data_dir, "Zoë Ñúñez", "0857 1111 2222")
    assert searched(data_dir, "7890") == ["Siti Nurhaliza"]  # the last four
    assert searched(data_dir, "4567") == ["Siti Nurhaliza"]  # from the middle
    assert searched(data_dir, "Nurhal") == ["Siti Nurhaliza"]  # a surname's start
    assert searched(data_dir, "nunez") == ["Zoë Ñúñez"]  # diacritics ignored
    assert searched(data_dir, "789") == []  # three digits are not a run
    assert searched(data_dir, "haliza") == []  # not the start of a word


def test_checkout_of_a_replaced_badge_names_the_current_one(data_dir: Path) -> None:
    old = register(data_dir, "Siti Nurhaliza", "0812-3456-7890")
    new = register(data_dir, "Siti Nurhaliza", "0812-3456-7890")  # a new badge for her
    assert new["replaced_badges"] == [old["badge_number"]]
    with sqlite3.connect(database_path(data_dir)) as conn:
        before = conn.execute("SELECT count(*) FROM visit_checkouts").fetchone()[0]
    result = run(data_dir, "checkout", str(old["badge_number"]))
    assert result.returncode != 0
    (line,) = result.stderr.strip().splitlines()
    assert str(new["badge_number"]) in line and "Badge lama" in line
    assert result.stdout == ""
    with sqlite3.connect(database_path(data_dir)) as conn:
        assert conn.execute("SELECT count(*) FROM visit_checkouts").fetchone()[0] == before
    inside = json.loads(run(data_dir, "visits", "--in-building", "--json").stdout)
    assert [v["badge_number"] for v in inside] == [new["badge_number"]]
