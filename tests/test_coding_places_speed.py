"""The place finder's fast path finds the same leads as the plain regex scan."""

from __future__ import annotations

import pytest

from eventdesk.coding import places

# one phrase per kind of lead _LEAD knows (its alternatives), each before a place name
LEADS = [
    "in Aleppo", "near Idlib", "at Kafr Nabl", "outside Homs", "around Deir Hafer", "on Hama",
    "nearby Saraqib", "recaptured Qhriyyeh", "captured Tal Rifaat", "seized Marea", "stormed Ariha",
    "shelled Jisr al-Shughur", "struck Maarat", "bombarded Kafr Zita", "entered Manbij", "besieged Daraa",
    "liberated Raqqa", "took control of Tabqa", "took full control over Tabqa", "controlling Azaz",
    "took over Afrin", "on the outskirts of Aleppo", "on the edge of Sirte", "in the vicinity of Kobani",
    "close to Baiji", "5 km north of Mosul", "12km southwest of Idlib", "30 km  eastern of Homs",
    "north of Aleppo", "southeastern of Hama", "central of Sanaa", "the northern countryside of Aleppo",
    "the countryside of Hama", "eastern outskirts of Homs", "outskirts of Homs", "the neighborhood of Zahra",
    "neighbourhood of Zahra", "the frontline of Marib", "front lines of Marib", "fronts of Taiz",
    "the entrance of Tikrit", "desert of Palmyra", "badia of Sukhnah", "areas of Daraa", "the area of Daraa",
    "vicinity of Sinjar", "axis of Kabanah", "the village of Natugo", "town of Bama", "city of Maiduguri",
    "district of Quissanga", "province of Idlib", "governorate of Hama", "region of Tigray",
    "the western suburbs of Damascus", "suburbs of Damascus", "in the southern parts of Idlib",
    "in Ysyk-Ata district", "in al-Bab", "near ad-Dana",
]  # fmt: skip


@pytest.mark.parametrize("lead", LEADS)
def test_fast_leads_are_the_regex_scan(lead: str) -> None:
    for text in (
        f"On 3 May 2021, fighting was reported {lead} on Monday.",
        f"{lead} (Cabo Delgado), and then {lead}.",
        f"Xin{lead} _{lead} 5{lead}, {lead.upper()} {lead}",
    ):
        expected = [(m.span(), m.groups()) for m in places._LEAD.finditer(text)]
        for start, end in ((0, len(text)), (3, len(text) - 2), (text.find(lead), len(text))):
            assert [(m.span(), m.groups()) for m in places._leads(text, start, end)] == [
                (m.span(), m.groups()) for m in places._LEAD.finditer(text, start, end)
            ]
        assert [(m.span(), m.groups()) for m in places._leads(text, 0, len(text))] == expected
    text = f"Fighting was reported {lead} on Monday."
    assert any(m.start() == text.find(lead) for m in places._leads(text, 0, len(text))), lead


def test_non_ascii_text_takes_the_regex_scan() -> None:
    text = "Clashes near Kafr Nabl and in Ma\u2019arrat al-Nu\u2019man, then around Zardan\u0101."
    assert [m.span() for m in places._leads(text, 0, len(text))] == [
        m.span() for m in places._LEAD.finditer(text)
    ]
