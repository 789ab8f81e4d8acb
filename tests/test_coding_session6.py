"""Rules added in session 6 (issue 3): a group's claim of responsibility makes it the author of the
event; the police lead a protest's intervention; deaths that a protest is about are not its dead;
conflicting counts from two sources keep the lower; road-tanker explosions are accidents.

Reports written for these tests; places are real but the events are invented."""

from __future__ import annotations

import pytest

from coding_support import one_event as _one
from eventdesk.coding import Coder
from eventdesk.records import Document, Event


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


# --- claims of responsibility --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "actor1", "actor2"),
    [
        # the claim in its own sentence after the attack, the target named first
        (
            "On 4 March 2024, a car bomb went off outside a police station in Baidoa, killing three "
            "police officers. Al Shabaab claimed responsibility for the attack.",
            "Somalia",
            "Al Shabaab",
            "Police Forces of Somalia (2022-)",
        ),
        # a claim sentence with no event word of its own still counts
        (
            "On 9 August 2024, a landmine destroyed an army truck near Beledweyne, killing two soldiers. "
            "Al Shabaab claimed responsibility.",
            "Somalia",
            "Al Shabaab",
            "Military Forces of Somalia (2022-)",
        ),
        # unidentified gunmen were the claimant's men: no unidentified group is left
        (
            "On 2 May 2024, unidentified gunmen shot dead a village chief near Douentza in Mali. JNIM "
            "claimed the killing in a statement.",
            "Mali",
            "JNIM: Group for Support of Islam and Muslims",
            "Civilians (Mali)",
        ),
        # the passive form: "an attack claimed by"
        (
            "On 6 May 2024, gunmen killed four herders near Mopti, Mali, in an attack claimed by JNIM.",
            "Mali",
            "JNIM: Group for Support of Islam and Muslims",
            "Civilians (Mali)",
        ),
    ],
)
def test_claimant_of_responsibility_is_actor1(
    coder: Coder, text: str, country: str, actor1: str, actor2: str
) -> None:
    event = _one(coder, text, country)
    assert (event.actor1, event.actor2) == (actor1, actor2)
    assert any(e.field == "actor1" and e.quote in text for e in event.evidence)


def test_a_claim_of_figures_is_no_claim_of_the_attack(coder: Coder) -> None:
    # "claimed the attack killed 20": the army's figure, not its authorship of someone else's attack
    event = _one(
        coder,
        "On 5 May 2024, militants attacked an army post near Menaka, and the army claimed the attack "
        "killed 20 of the assailants.",
    )
    assert event.actor1 != "Military Forces of Mali (2021-)" or event.actor2 is not None
    assert "Military Forces of Mali (2021-)" in (event.actor1, event.actor2)


def test_no_group_claimed_keeps_the_unidentified_attacker(coder: Coder) -> None:
    event = _one(
        coder,
        "On 5 May 2024, gunmen killed two farmers in Tillaberi region. No group claimed responsibility.",
        "Niger",
    )
    assert event.actor1 == "Unidentified Armed Group (Niger)"


# --- protests --------------------------------------------------------------------------------------


def test_police_intervene_not_the_soldiers_protesters_speak_of(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 February 2024, about 40 relatives of mobilised soldiers gathered in Moscow demanding their "
        "return from the front. Police detained 12 of them.",
    )
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor2 == "Police Forces of Russia (2000-)"


def test_deaths_a_protest_is_about_are_not_its_dead(coder: Coder) -> None:
    event = _one(
        coder,
        "On 28 September 2023, police fired on students protesting in Imphal over the killing of two "
        "teenagers, killing three demonstrators.",
    )
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 3


# --- fatalities ------------------------------------------------------------------------------------


def test_one_victim_named_by_its_role(coder: Coder) -> None:
    text = "On 3 May 2024, regime forces hit a car with a drone near Sarmin, killing its driver."
    event = _one(coder, text, "Syria")
    assert event.fatalities == 1


def test_conflicting_counts_keep_the_lower(coder: Coder) -> None:
    event = _one(
        coder,
        "On 21 August 2024, gunmen ambushed an army convoy near Damboa. ISWAP later claimed the attack, "
        "saying it killed 12 soldiers. The army said four soldiers died.",
    )
    assert event.fatalities == 4
    assert event.actor1 == "Islamic State West Africa Province (ISWAP)"


def test_a_part_of_the_dead_is_no_rival_count(coder: Coder) -> None:
    event = _one(
        coder,
        "On 21 August 2024, gunmen killed 12 villagers near Damboa. Police said four of them were children.",
    )
    assert event.fatalities == 12


# --- accidents -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 15 October 2024, a fuel tanker overturned on a highway near Kano and exploded as residents "
        "gathered to collect fuel, killing 48 people.",
        "On 15 October 2024, a tanker carrying petrol exploded in a market in Juba after a collision, "
        "killing 12 traders.",
    ],
)
def test_a_road_tanker_explosion_is_no_event(coder: Coder, text: str) -> None:
    assert coder.code(Document(id="t", text=text)) == []


def test_an_attack_on_a_tanker_is_still_an_event(coder: Coder) -> None:
    text = "On 15 October 2024, militants set fire to a fuel tanker near Maiduguri and killed its driver."
    events = coder.code(Document(id="t", text=text))
    assert events and events[0].fatalities == 1


# --- recall and sub-event types --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "sub_event_type", "actor1"),
    [
        # a post of the other side seized (not weapons or goods)
        (
            "On 20 January 2024, the Kachin Independence Army seized a Myanmar military outpost in Waingmaw "
            "township after two days of fighting.",
            "Myanmar",
            "Non-state actor overtakes territory",
            "KIA: Kachin Independence Army",
        ),
        # drones sent at a target
        (
            "On 4 August 2024, Hezbollah launched a swarm of drones at an Israeli army base near Metula.",
            "Israel",
            "Air/drone strike",
            "Hezbollah",
        ),
        # a town taken after the other side left, no fighting reported
        (
            "On 15 July 2024, the Arakan Army took control of Maungdaw town after junta troops withdrew "
            "without a fight.",
            "Myanmar",
            "Non-violent transfer of territory",
            "AA: Arakan Army",
        ),
        # a suicide attack with no one named: an unidentified armed group
        (
            "On 27 March 2024, a suicide bomber rammed an explosives-laden car into a bus carrying engineers "
            "near Besham, killing six people.",
            "Pakistan",
            "Suicide bomb",
            "Unidentified Armed Group (Pakistan)",
        ),
    ],
)
def test_recall_and_types(coder: Coder, text: str, country: str, sub_event_type: str, actor1: str) -> None:
    event = _one(coder, text, country)
    assert (event.sub_event_type, event.actor1) == (sub_event_type, actor1)


def test_weapons_seized_are_no_territory(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 March 2024, Iraqi security forces seized two weapons caches in a raid near Tarmiyah.",
        "Iraq",
    )
    assert event.sub_event_type != "Government regains territory"


def test_a_town_taken_after_fighting_stays_a_battle(coder: Coder) -> None:
    event = _one(
        coder,
        "On 15 July 2024, the Arakan Army took control of Maungdaw town after junta troops withdrew "
        "following heavy fighting that killed 12 soldiers.",
        "Myanmar",
    )
    assert event.event_type == "Battles"


# --- a dateline without a year ---------------------------------------------------------------------


def test_dateline_year_from_weekday() -> None:
    from eventdesk.nlp.dates import resolve_reference_date

    text = (
        "KHARTOUM, March 14 (Reuters) - Sudan's army said on Thursday it had repelled an attack on the "
        "city of El Fasher.\n\nFighting has displaced millions since April 2023."
    )
    # 14 March fell on a Thursday in 2024, the first such year from the latest year the report names
    assert str(resolve_reference_date(text)) == "2024-03-14"


@pytest.mark.parametrize(
    "text",
    [
        # no weekday: the year stays unknown rather than guessed
        "KHARTOUM, March 14 (Reuters) - Sudan's army said it had repelled an attack. The war began in 2023.",
        # no year anywhere: nothing to count from
        "KHARTOUM, March 14 (Reuters) - Sudan's army said on Thursday it had repelled an attack.",
    ],
)
def test_dateline_year_stays_unknown(text: str) -> None:
    from eventdesk.nlp.dates import resolve_reference_date

    assert resolve_reference_date(text) is None


def test_the_southern_front_as_a_place_is_no_group(coder: Coder) -> None:
    text = (
        "On 3 June 2024, government forces said they thwarted an attempt by the Houthis to advance on the "
        "southern front in Hays district."
    )
    event = _one(coder, text, "Yemen")
    assert "Southern Front" not in (event.actor1, event.actor2)
    assert "Military Forces of Yemen (2016-) Supreme Political Council" in (event.actor1, event.actor2)


# --- attacks on civilians: who the attackers are -----------------------------------------------------


def test_storming_a_hotel_names_the_attacker(coder: Coder) -> None:
    event = _one(
        coder,
        "On 16 August 2024, Al Shabaab fighters stormed a hotel in Mogadishu, sparking an hours-long siege. "
        "Police said at least 32 people were killed, most of them civilians, before security forces ended "
        "the siege.",
        "Somalia",
    )
    assert (event.event_type, event.actor1, event.actor2) == (
        "Violence against civilians",
        "Al Shabaab",
        "Civilians (Somalia)",
    )
    assert event.assoc_actor_1 is None  # the forces that ended the siege are no ally of the attackers


def test_a_guard_killed_with_civilians_is_no_ally_of_the_attackers(coder: Coder) -> None:
    event = _one(
        coder,
        "On 16 January 2024, gunmen killed a vaccination worker and the police officer guarding her in "
        "Bajaur district.",
        "Pakistan",
    )
    assert (event.actor1, event.assoc_actor_1) == ("Unidentified Armed Group (Pakistan)", None)


# --- actors: groups named together, and groups of the Central African Republic, Haiti, Ecuador --------


@pytest.mark.parametrize(
    ("text", "country", "pair"),
    [
        (
            "On 2 June 2024, Dinka and Nuer youth clashed in Jonglei state over cattle, leaving 14 dead.",
            "South Sudan",
            {"Dinka Ethnic Militia (South Sudan)", "Nuer Ethnic Militia (South Sudan)"},
        ),
        (
            "On 8 November 2024, anti-Balaka militiamen attacked a UPC position near Bambari, sparking "
            "clashes that killed five fighters.",
            "Central African Republic",
            {"Anti-Balaka", "UPC: Union for Peace in the Central African Republic"},
        ),
        (
            "On 9 September 2024, police clashed with members of the Los Lobos gang in Guayaquil, killing "
            "three gang members.",
            "Ecuador",
            {"Police Forces of Ecuador (2023-)", "Los Lobos"},
        ),
    ],
)
def test_named_groups(coder: Coder, text: str, country: str, pair: set[str]) -> None:
    event = _one(coder, text, country)
    assert {event.actor1, event.actor2} == pair


def test_a_protest_demanding_a_return_names_no_rebel_group(coder: Coder) -> None:
    event = _one(
        coder,
        "On 5 May 2024, about 200 displaced people protested in Bria demanding their return home.",
        "Central African Republic",
    )
    assert (event.actor1, event.actor2) == ("Protesters (Central African Republic)", None)


# --- partisan statements -----------------------------------------------------------------------------


def test_the_enemy_in_a_statement_of_a_known_war(coder: Coder) -> None:
    event = _one(
        coder,
        "On 7 June 2024, the Ukrainian General Staff reported that the enemy carried out 42 attacks in the "
        "Pokrovsk direction, all of which were repelled.",
        "Ukraine",
    )
    pair = {"Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"}
    assert {event.actor1, event.actor2} == pair
    assert event.assoc_actor_1 is None and event.assoc_actor_2 is None


def test_the_islamic_states_own_name_for_its_fighters(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 July 2024, soldiers of the Caliphate detonated an explosive device on a vehicle of the "
        "Nigerian army near Gwoza, killing 4 of them.",
        "Nigeria",
    )
    assert (event.actor1, event.actor2) == (
        "Islamic State West Africa Province (ISWAP)",
        "Military Forces of Nigeria (2023-)",
    )


# --- strategic developments and air arms ---------------------------------------------------------------


def test_drones_shot_down_in_a_known_war_are_the_other_partys(coder: Coder) -> None:
    event = _one(
        coder,
        "On 30 April 2024, Ukrainian air defence shot down 12 Shahed drones over Dnipropetrovsk oblast, the "
        "air force said.",
        "Ukraine",
    )
    assert event.sub_event_type == "Disrupted weapons use"
    pair = ("Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)")
    assert (event.actor1, event.actor2) == pair


def test_a_group_splitting_is_a_change_to_the_group(coder: Coder) -> None:
    event = _one(
        coder,
        "On 18 March 2024, the Tigray People's Liberation Front announced it had split into two factions "
        "after a leadership dispute in Mekelle.",
        "Ethiopia",
    )
    assert event.sub_event_type == "Change to group/activity"


def test_an_armys_air_component_strikes_from_the_air(coder: Coder) -> None:
    event = _one(
        coder,
        "On 8 October 2024, the Nigerian army's air component struck bandit hideouts in Zamfara state, "
        "killing dozens of bandits.",
        "Nigeria",
    )
    assert event.sub_event_type == "Air/drone strike"


# --- a country that fires, and the people it hits ---------------------------------------------------------


def test_a_country_named_as_the_one_who_fires_is_its_military(coder: Coder) -> None:
    text = "On 20 June 2024, Russia launched a missile attack on Odesa, killing two people."
    event = _one(coder, text, "Ukraine")
    assert (event.actor1, event.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")


def test_a_country_as_a_place_is_no_actor(coder: Coder) -> None:
    text = "On 20 June 2024, gunmen attacked a bus in Nigeria's Zamfara state, killing six passengers."
    event = _one(coder, text, "Nigeria")
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"


def _civilians_hit_abroad(**place: object) -> Event:
    from eventdesk.coding.actors import relocalize

    e = Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Russia (2000-)",
        inter1=1,
        actor2="Civilians (Russia)",
        inter2=7,
        interaction=17,
        country="Ukraine",
        **place,  # type: ignore[arg-type]
    )
    relocalize(e, "Russia", "Ukraine", "Russia launched a missile attack on Odesa, killing two people.")
    return e


def test_civilians_of_a_town_placed_abroad_are_that_countrys() -> None:
    e = _civilians_hit_abroad(latitude=46.48, longitude=30.73, geo_precision=1)
    assert (e.actor2, e.inter1, e.interaction) == ("Civilians (Ukraine)", 8, 78)


def test_an_unplaced_event_keeps_the_attackers_country() -> None:
    e = _civilians_hit_abroad()
    assert (e.actor2, e.inter1) == ("Civilians (Russia)", 1)


# --- several episodes in one report -------------------------------------------------------------------------


def test_an_attack_in_response_is_another_event(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="On 3 March 2024, an Israeli drone strike killed three Hezbollah fighters near Naqoura. In "
            "response, Hezbollah fired a barrage of rockets at an Israeli army base in the western Galilee.",
        ),
        country="Lebanon",
    )
    assert [e.sub_event_type for e in events] == ["Air/drone strike", "Shelling/artillery/missile attack"]
    assert events[1].actor1 == "Hezbollah"


def test_interceptions_beside_a_strike_that_killed_are_another_event(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="On 20 June 2024, Russia launched a missile attack on Odesa, killing two people. Ukrainian "
            "air defences shot down four of the six missiles, the air force said.",
        ),
        country="Ukraine",
    )
    kinds = [e.sub_event_type for e in events]
    assert kinds == ["Shelling/artillery/missile attack", "Disrupted weapons use"]
    assert (events[1].actor1, events[1].actor2) == (
        "Military Forces of Ukraine (2019-)",
        "Military Forces of Russia (2000-)",
    )


def test_a_strike_wholly_intercepted_is_one_event(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="On 8 December 2023, several rockets were fired at a military base near Erbil. Air defences "
            "intercepted them, officials said.",
        ),
        country="Iraq",
    )
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


# --- a toll updated later, and who speaks of it ---------------------------------------------------------


def test_a_risen_death_toll_is_the_count_and_the_police_who_give_it_are_no_side(coder: Coder) -> None:
    event = _one(
        coder,
        "On 12 May 2024, police said the death toll from the car bomb attack on a restaurant in Mogadishu "
        "had risen to 15.",
        "Somalia",
    )
    assert event.fatalities == 15
    assert event.actor1 == "Unidentified Armed Group (Somalia)"


def test_an_armed_group_reporting_a_strike_on_it_stays_the_target(coder: Coder) -> None:
    event = _one(
        coder,
        "HPG reported that on 29 April 2024, Turkish forces conducted airstrikes in the Zap region of Duhok. "
        "There were no fatalities.",
        "Iraq",
    )
    pair = {"Military Forces of Turkey (2016-)", "PKK: Kurdistan Workers Party"}
    assert {event.actor1, event.actor2} == pair


def test_the_agent_of_a_device_is_its_author(coder: Coder) -> None:
    event = _one(
        coder,
        "On 8 October 2023, explosives planted by ELN guerrillas damaged an oil pipeline near Saravena, the "
        "army said.",
        "Colombia",
    )
    assert (event.actor1, event.actor2) == ("ELN: National Liberation Army", None)


def test_an_arrest_by_forces_the_words_did_not_tie_to_the_state(coder: Coder) -> None:
    event = _one(
        coder,
        "On 20 February 2024, the Taliban arrested a former army officer in Herat city.",
        "Afghanistan",
    )
    assert (event.event_type, event.sub_event_type) == ("Strategic developments", "Arrests")
    assert event.actor1 == "Military Forces of Afghanistan (2021-)"


def test_state_officers_arrested_by_a_local_faction_stay_a_clash(coder: Coder) -> None:
    event = _one(
        coder,
        "On 21 October 2024, a local armed faction arrested four officers of the regime forces in Sweida "
        "city.",
        "Syria",
    )
    assert event.sub_event_type != "Arrests"


def test_a_follow_up_later_in_the_day_stays_the_event(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="On 3 May 2024, a group of youths attacked a police patrol in Tezpur, injuring one officer. "
            "Police later arrested three youths in this connection.",
        ),
        country="India",
    )
    assert len(events) == 1


# --- general6 kinds: agents after "by", vigilantes, surrenders, countries as parties ---------------------


def test_killed_by_bandits_is_an_attack_on_civilians(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 March 2024, five traders were killed by suspected bandits on the road near Gusau, residents "
        "said.",
        "Nigeria",
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Attack",
        "Unidentified Armed Group (Nigeria)",
        "Civilians (Nigeria)",
    )


def test_neutralised_is_killed(coder: Coder) -> None:
    text = "On 2 March 2024, the army said 14 terrorists were neutralised in a military operation near Djibo."
    event = _one(coder, text, "Burkina Faso")
    assert event.fatalities == 14


def test_vigilantes_fighting_bandits_are_a_battle(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 March 2024, vigilantes fought off bandits who tried to raid a village near Funtua; three "
        "bandits died in the gunfight.",
        "Nigeria",
    )
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_surrender_is_an_agreement_with_the_side_surrendered_to(coder: Coder) -> None:
    event = _one(
        coder,
        "On 2 March 2024, 30 Boko Haram fighters surrendered to troops in Gwoza, handing over rifles.",
        "Nigeria",
    )
    assert (event.sub_event_type, event.actor2) == ("Agreement", "Military Forces of Nigeria (2023-)")


def test_a_surrender_in_the_past_of_an_attack_keeps_the_attack(coder: Coder) -> None:
    event = _one(
        coder,
        "On 5 May 2024, a militia leader beat up a civilian in Kalehe. He had surrendered to the army in "
        "February and escaped.",
        "Democratic Republic of Congo",
    )
    assert event.event_type == "Violence against civilians"


def test_two_countries_exchanging_prisoners_are_the_parties(coder: Coder) -> None:
    event = _one(
        coder,
        "On 31 January 2024, Russia and Ukraine exchanged prisoners of war near Sumy, 195 for 195.",
        "Ukraine",
    )
    pair = {"Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"}
    assert {event.actor1, event.actor2} == pair


def test_the_junta_is_the_army_of_the_country_and_rangers_are_pakistans_only(coder: Coder) -> None:
    text = "On 2 March 2024, JNIM fighters ambushed a junta convoy near Boni, killing 12 soldiers."
    event = _one(coder, text, "Mali")
    assert "Military Forces of Mali (2021-)" in (event.actor1, event.actor2)
    event = _one(
        coder,
        "On 19 July 2023, army Scout Rangers clashed with New People's Army rebels in Las Navas, killing two "
        "rebels.",
        "Philippines",
    )
    pair = {"Military Forces of the Philippines (2022-)", "NPA: New People's Army"}
    assert {event.actor1, event.actor2} == pair


def test_a_past_perfect_sentence_with_an_earlier_date_is_no_event(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="On 5 May 2024, a militia leader beat up a civilian in Kalehe. He had surrendered to the "
            "army in February and escaped.",
        ),
        country="Democratic Republic of Congo",
    )
    assert [e.event_type for e in events] == ["Violence against civilians"]


def test_the_enemy_in_a_report_from_one_side_of_a_known_war(coder: Coder) -> None:
    event = _one(
        coder,
        "On 11 April 2024, the enemy shelled Kherson with artillery, killing a 71-year-old woman, the head "
        "of the regional military administration said.",
        "Ukraine",
    )
    assert (event.actor1, event.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")
    assert event.fatalities == 1  # an age is no count


def test_the_enemy_against_a_named_party_is_the_other_party(coder: Coder) -> None:
    event = _one(
        coder,
        "On 7 June 2024, Russian troops repelled three attacks by the enemy near Robotyne.",
        "Ukraine",
    )
    pair = {"Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"}
    assert {event.actor1, event.actor2} == pair


def test_a_group_operating_beyond_its_home_does_not_move_the_event(coder: Coder) -> None:
    event = _one(
        coder,
        "On 17 June 2023, police in Mombasa arrested three suspected members of Al Shabaab who were planning "
        "attacks on hotels.",
        "Kenya",
    )
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Arrests",
        "Police Forces of Kenya (2022-)",
        "Al Shabaab",
    )


def test_operates_in_is_read_from_the_dictionary() -> None:
    from eventdesk.coding.actor_dictionary import ActorDictionary

    dictionary = ActorDictionary.default()
    assert dictionary.operates_in("Al Shabaab", "Kenya")
    assert not dictionary.operates_in("Al Shabaab", "Syria")


def test_who_controls_the_place_hit_is_not_the_target_when_civilians_were(coder: Coder) -> None:
    event = _one(
        coder,
        "On 20 November 2024, an army air raid on a neighbourhood of Nyala controlled by the Rapid Support "
        "Forces killed nine civilians, a residents' committee said.",
        "Sudan",
    )
    assert (event.actor1, event.actor2) == ("Military Forces of Sudan (2019-)", "Civilians (Sudan)")


def test_the_same_day_opens_another_event(coder: Coder) -> None:
    events = coder.code(
        Document(
            id="t",
            text="On 20 November 2024, an army air raid on Nyala killed nine civilians. The same day, RSF "
            "shelling of Omdurman killed four people.",
        ),
        country="Sudan",
    )
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Air/drone strike", "Military Forces of Sudan (2019-)"),
        ("Shelling/artillery/missile attack", "RSF: Rapid Support Forces"),
    ]


def test_operatives_of_a_group_killed_in_a_raid_make_a_battle(coder: Coder) -> None:
    event = _one(
        coder,
        "On 15 July 2023, the SDF raided a house in Al-Busayrah and killed two Islamic State operatives.",
        "Syria",
    )
    assert (event.event_type, event.actor2) == ("Battles", "Islamic State (Syria)")


def test_a_soldier_killed_by_a_mine_is_the_target_of_an_unidentified_group(coder: Coder) -> None:
    event = _one(
        coder,
        "On 18 April 2024, a Malian soldier was killed when his vehicle struck a landmine near Boni.",
        "Mali",
    )
    pair = ("Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)")
    assert (event.actor1, event.actor2) == pair


def test_security_personnel_are_the_police_the_report_names(coder: Coder) -> None:
    event = _one(
        coder,
        "On 6 January 2025, an IED planted by Maoist rebels hit a vehicle carrying security personnel in "
        "Bijapur, killing eight policemen.",
        "India",
    )
    assert event.actor2 == "Police Forces of India (2014-)"


def test_armed_youths_from_a_community_are_its_militia(coder: Coder) -> None:
    event = _one(
        coder,
        "On 16 March 2024, armed youths from the Murle community raided a cattle camp near Bor, killing "
        "seven herders.",
        "South Sudan",
    )
    assert (event.actor1, event.interaction) == ("Murle Ethnic Militia (South Sudan)", 47)


def test_a_mob_dragging_a_man_from_a_police_station_attacks_the_man(coder: Coder) -> None:
    event = _one(
        coder,
        "On 20 June 2024, a mob in Madyan dragged a man accused of blasphemy out of a police station and "
        "beat him to death, police said.",
        "Pakistan",
    )
    coded = (event.sub_event_type, event.actor2, event.interaction)
    assert coded == ("Mob violence", "Civilians (Pakistan)", 57)


def test_syrian_partisan_words_are_bound_to_syria(coder: Coder) -> None:
    event = _one(
        coder,
        "On 27 July 2024, JNIM said its fighters killed dozens of mercenaries of Wagner near Tinzaouaten.",
        "Mali",
    )
    assert "JWS: Syrian National Army" not in (event.actor1, event.actor2)
    assert "Wagner Group" in (event.actor1, event.actor2)


def test_the_islamic_state_in_the_sahel_takes_its_label_of_the_date(coder: Coder) -> None:
    text = "On {}, Nigerien soldiers clashed with ISGS fighters near Tamou."
    assert _one(coder, text.format("21 March 2024"), "Niger").actor2 == "Islamic State Sahel Province"
    assert _one(coder, text.format("21 March 2020"), "Niger").actor2 == "Islamic State (Greater Sahara)"


def test_a_camp_handed_over_is_a_non_violent_transfer(coder: Coder) -> None:
    event = _one(
        coder,
        "On 13 August 2023, UN peacekeepers handed over their camp at Ber to the Malian army ahead of their "
        "withdrawal.",
        "Mali",
    )
    assert event.sub_event_type == "Non-violent transfer of territory"


# --- crowds ------------------------------------------------------------------------------------------------


def test_party_supporters_clashing_with_police_are_a_violent_demonstration(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 May 2024, supporters of the PTI clashed with police in Lahore after the arrest of a party "
        "leader; police used tear gas.",
        "Pakistan",
    )
    coded = (event.sub_event_type, event.actor2)
    assert coded == ("Violent demonstration", "Police Forces of Pakistan (2024-)")


def test_two_groups_of_supporters_clashing_stay_mob_violence(coder: Coder) -> None:
    event = _one(
        coder,
        "On 7 May 2024, two groups of BJP supporters clashed with each other in Belonia after a police raid "
        "on a house.",
        "India",
    )
    assert event.sub_event_type == "Mob violence"


def test_the_force_a_crowd_protests_against_is_no_side(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 May 2024, residents of Kisumu blocked a highway and burned tyres to protest the killing of a "
        "trader by police.",
        "Kenya",
    )
    assert (event.sub_event_type, event.actor2) == ("Violent demonstration", None)


def test_protesters_dispersed_by_police_keep_the_police(coder: Coder) -> None:
    event = _one(
        coder,
        "On 9 May 2024, dozens of protesting citizens were dispersed by police in Tirana. [size=dozens]",
        "Albania",
    )
    assert event.actor2 == "Police Forces of Albania (2013-)"


def test_a_brawl_at_a_rally_is_a_riot(coder: Coder) -> None:
    event = _one(
        coder,
        "On 3 May 2024, far-right activists and counter-protesters brawled outside the state capitol in "
        "Salem.",
        "United States",
    )
    assert event.event_type == "Riots"


def test_sexually_assaulted_is_sexual_violence_not_a_raid(coder: Coder) -> None:
    event = _one(coder, "On 8 June 2024, RSF fighters sexually assaulted several women near Nyala.", "Sudan")
    assert event.sub_event_type == "Sexual violence"


def test_shops_looted_belong_to_civilians_whoever_left_the_town(coder: Coder) -> None:
    event = _one(
        coder,
        "On 8 June 2024, Sudanese soldiers looted shops in the market of Kosti after the RSF withdrew, "
        "residents said.",
        "Sudan",
    )
    assert (event.sub_event_type, event.actor2) == ("Looting/property destruction", "Civilians (Sudan)")


def test_domestic_violence_is_no_event(coder: Coder) -> None:
    text = "On 12 June 2024, a man stabbed his wife to death in a domestic dispute in Lahore, police said."
    assert coder.code(Document(id="t", text=text), country="Pakistan") == []


def test_mourners_at_a_funeral_are_not_the_dead(coder: Coder) -> None:
    event = _one(
        coder,
        "On 12 June 2024, thousands of people attended the funeral of a Hezbollah commander killed in an "
        "Israeli strike near Tyre.",
        "Lebanon",
    )
    assert event.sub_event_type == "Air/drone strike"
    assert event.fatalities != 1000


def test_killed_in_a_states_drone_strike_the_state_is_actor1(coder: Coder) -> None:
    text = "On 11 June 2024, a Hezbollah commander was killed in an Israeli drone strike near Tyre."
    event = _one(coder, text, "Lebanon")
    assert (event.actor1, event.actor2) == ("Military Forces of Israel (2022-)", "Hezbollah")
