"""ACLED's spelling of first-level units (admin1_acled.tsv) and the ASCII folding of GeoNames names."""

from __future__ import annotations

from eventdesk.geo.gazetteer import acled_admin1, load_admin1_acled


def test_the_spelling_table_loads_and_keys_by_country_and_code() -> None:
    names = load_admin1_acled()
    assert names[("LB", "04")] == "Beirut"
    assert names[("IQ", "16")] == "Wassit"
    assert all(len(cc) == 2 and code and name for (cc, code), name in names.items())


def test_schwa_folds_to_a_letter_not_a_symbol() -> None:
    assert acled_admin1("Ağcabǝdi") == "Agcabadi"
    assert "@" not in acled_admin1("Lənkəran")
    assert acled_admin1("Wāsiţ Province") == "Wasit"


def test_aliases_are_match_keys_of_three_letters_or_more() -> None:
    from eventdesk.geo.gazetteer import load_admin1_aliases

    aliases = load_admin1_aliases()
    assert "Metropolitana" in aliases[("CL", "12")]
    assert all(len(a) >= 3 for names in aliases.values() for a in names)
