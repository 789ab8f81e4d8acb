"""eventdesk.iso3166 answers what pycountry.countries answers, without importing pycountry."""

from __future__ import annotations

import subprocess
import sys

import pycountry
import pytest

from eventdesk import iso3166
from eventdesk.store.ids import _iso3


def test_records_are_pycountrys_in_its_order() -> None:
    assert [dict(c) for c in pycountry.countries] == list(iso3166.records())


@pytest.mark.parametrize("field", ["alpha_2", "alpha_3", "numeric", "name", "common_name", "official_name"])
def test_get_matches_pycountry(field: str) -> None:
    for country in pycountry.countries:
        value = getattr(country, field, None)
        if value is None:
            continue
        for asked in (value, value.upper(), value.lower()):
            found = iso3166.get(field, asked)
            expected = pycountry.countries.get(**{field: asked})
            assert found is not None and expected is not None
            assert found["alpha_3"] == expected.alpha_3
    assert iso3166.get("name", "Atlantis") is None and iso3166.get("no_such_field", "x") is None


LOOKUPS = ["Syria", "syrian arab republic", "SY", "760", "Iran", "Iran, Islamic Republic of", "Bolivia",
           "Kosovo", "Türkiye", "Turkey", "Congo", "Atlantis", "", "Republic of Korea"]  # fmt: skip


@pytest.mark.parametrize("value", LOOKUPS)
def test_lookup_matches_pycountry(value: str) -> None:
    try:
        expected: str | None = pycountry.countries.lookup(value).alpha_3
    except LookupError:
        expected = None
    found = iso3166.lookup(value)
    assert (found["alpha_3"] if found else None) == expected


def test_event_id_prefixes_as_before() -> None:
    def old(iso: int | None, country: str | None) -> str:  # store.ids before iso3166, through pycountry
        record = pycountry.countries.get(numeric=f"{int(iso):03d}") if iso is not None else None
        if record is None and country:
            record = pycountry.countries.get(name=country) or pycountry.countries.get(common_name=country)
            if record is None:
                try:
                    record = pycountry.countries.lookup(country)
                except LookupError:
                    record = None
        return str(record.alpha_3) if record is not None else "XXX"

    cases: list[tuple[int | None, str | None]] = [
        (760, None), (None, "Syria"), (None, "Democratic Republic of Congo"), (999, "Iraq"), (None, "Gaza"),
        (None, "Palestine"), (275, "Palestine"), (None, "Russia"), (None, "South Sudan"), (None, "Nowhere"),
    ]  # fmt: skip
    for country in pycountry.countries:
        cases.append((None, country.name))
        cases.append((int(country.numeric), None))
    for iso, country in cases:
        assert _iso3(iso, country) == old(iso, country), (iso, country)


def test_coding_and_ids_do_not_import_pycountry() -> None:  # it costs ~35 ms of a cold start
    code = (
        "import sys; from eventdesk.store.ids import _iso3; from eventdesk.coding import Coder; "
        "from eventdesk.records import Document; Coder().code(Document('d', 'On 3 May 2021, gunmen killed a "
        "farmer in Kfar Mina, Syria.')); assert _iso3(760, None) == 'SYR'; print('pycountry' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
