"""Coverage of the knowledge base for organisations international news names: service branches, intelligence
services, parliaments, armed groups, UN panels and companies resolve in (invented) sentences with the right type
and state, and look-alikes in ordinary use stay no entity."""

from __future__ import annotations

import pytest

from kb_sentences import entities
from newsgraph.kb.loader import KnowledgeBase


@pytest.mark.parametrize(("text", "expected"), [
    ("The Guyana Defence Force said it had reinforced its border posts near the river.",
     ("Guyana Defence Force", "armed_forces", "GY")),
    ("Officers of the Martial Law Command were questioned by prosecutors on Friday.",
     ("Martial Law Command", "armed_forces", "KR")),
    ("The National Assembly of Republika Srpska adopted a law on Thursday rejecting the state court's authority.",
     ("National Assembly of Republika Srpska", "government_body", "BA")),
    ("Investigators from the Iraqi National Intelligence Service detained three men in Basra.",
     ("Iraqi National Intelligence Service", "government_body", "IQ")),
    ("Maersk said it would reroute its container ships around Africa.", ("A.P. Moller-Maersk", "company", "DK")),
    ("ExxonMobil announced a new discovery off the coast.", ("ExxonMobil", "company", "US")),
    ("The Royal Navy sent a patrol ship to the region.", ("Royal Navy", "armed_forces", "GB")),
    ("The Japan Maritime Self-Defense Force held drills with Australian ships.",
     ("Japan Maritime Self-Defense Force", "armed_forces", "JP")),
    ("The Kurdistan Regional Government paid salaries late again.",
     ("Kurdistan Regional Government", "government_body", "IQ")),
    ("Serbia's Foreign Ministry summoned the envoy on Monday.",
     ("Ministry of Foreign Affairs of Serbia", "government_body", "RS")),
    ("The Islamic Resistance in Iraq claimed a drone attack on a base.",
     ("Islamic Resistance in Iraq", "armed_group", "IQ")),
    ("The UN Panel of Experts on Libya said arms kept flowing into the country.",
     ("UN Panel of Experts on Libya", "international_organization", None)),
    ("The Central African Armed Forces retook the town with help from Russian instructors.",
     ("Central African Armed Forces", "armed_forces", "CF")),
    ("The Ecuadorian National Police arrested a gang leader in Guayaquil.",
     ("National Police of Ecuador", "government_body", "EC")),
    ("Malacañang said the president would not attend the summit.", ("Malacañang Palace", "government_body", "PH")),
    ("Bankova said the talks would resume next week.",
     ("Office of the President of Ukraine", "government_body", "UA")),
    ("The Italian Coast Guard rescued 40 people off the island.", ("Italian Coast Guard", "armed_forces", "IT")),
    ("Fighters of the Arakan Rohingya Salvation Army clashed with rebels near the border.",
     ("Arakan Rohingya Salvation Army", "armed_group", "MM")),
    ("Saudi Aramco raised its prices for Asian buyers.", ("Saudi Aramco", "company", "SA")),
    ("The Afghan National Army collapsed as the insurgents advanced.", ("Afghan National Army", "armed_forces", "AF")),
    ("Gunmen of the Stability Support Apparatus clashed with a rival group overnight.",
     ("Stability Support Apparatus", "armed_group", "LY")),
])
def test_a_known_organisation_resolves_with_its_type_and_state(extractor, text: str, expected: tuple) -> None:  # noqa: ANN001
    assert expected in entities(extractor, text)


@pytest.mark.parametrize("text", [
    "An artillery shell hit the roof of a school.",  # Shell plc's bare name is no alias
    "A panel of experts will review the findings next month.",  # no bare 'Panel of Experts'
    "Total exports fell by a tenth last year.",  # TotalEnergies only by its name
    "Doctors urged patients to change their diet.",  # Japan's Diet only as 'Japanese parliament' and the like
    "He painted the blue house on the corner.",  # South Korea's former presidential office only capitalised
])
def test_a_look_alike_in_ordinary_use_is_no_entity(extractor, text: str) -> None:  # noqa: ANN001
    assert entities(extractor, text) == []


@pytest.mark.parametrize("form", ["Shell", "Total", "Diet", "MSC", "GDF", "CSIS-Canada", "Panel of Experts",
                                  "Group of Experts", "Joint Staff Headquarters", "IPC", "National Assembly"])
def test_ambiguous_or_common_forms_are_no_new_aliases(kb: KnowledgeBase, form: str) -> None:
    assert kb.lookup(form) == []


@pytest.mark.parametrize("code", ["US", "GB", "FR", "RU", "CN", "UA", "IL", "IR", "IQ", "SY", "LB", "EG", "TR", "SA",
                                  "SD", "ET", "SO", "KE", "CD", "RW", "NG", "ML", "BF", "NE", "CF", "MZ", "AF", "PK",
                                  "IN", "TW", "KP", "KR", "JP", "PH", "MM", "VE", "CO", "MX", "EC", "HT", "CU", "GY",
                                  "RS", "BA", "GE", "AM", "AZ", "BY", "BR", "AR", "AU", "CA", "DE", "IT", "ID", "ZA"])
def test_every_state_in_the_news_has_armed_forces_in_the_kb(kb: KnowledgeBase, code: str) -> None:
    assert any(e.type == "armed_forces" and e.country == code for e in kb.entries.values())


@pytest.mark.parametrize(("text", "expected"), [
    # news outlets outside the US and Western Europe
    ("ThePrint reported that the ministry had delayed the order.", ("ThePrint", "media", "IN")),
    ("According to elPeriódico, the prosecutor had opened a new case.", ("elPeriódico", "media", "GT")),
    ("Khaosod reported that the protest leaders were charged on Monday.", ("Khaosod", "media", "TH")),
    ("Malaysiakini said the minister declined to comment.", ("Malaysiakini", "media", "MY")),
    ("Prothom Alo reported that the police detained two men.", ("Prothom Alo", "media", "BD")),
    ("Página/12 said the court would rule next week.", ("Página/12", "media", "AR")),
    ("Ojo Público found that the contracts were awarded without bidding.", ("Ojo Público", "media", "PE")),
    ("The Kathmandu Post reported heavy flooding in the valley.", ("The Kathmandu Post", "media", "NP")),
    # UN and regional bodies
    ("Norway filed its submission with the Commission on the Limits of the Continental Shelf in May.",
     ("Commission on the Limits of the Continental Shelf", "international_organization", None)),
    ("The East African Court of Justice dismissed the case on Tuesday.",
     ("East African Court of Justice", "international_organization", None)),
    ("Ministers met at the ASEAN Regional Forum in Vientiane.",
     ("ASEAN Regional Forum", "international_organization", None)),
    ("The Inter-American Court of Human Rights ordered the state to pay damages.",
     ("Inter-American Court of Human Rights", "international_organization", None)),
    ("The CICIG had investigated the former president for years.",
     ("International Commission against Impunity in Guatemala", "international_organization", None)),
    # human-rights, press-freedom, humanitarian and diaspora organisations
    ("The World Uyghur Congress called on the government to cancel the visit.",
     ("World Uyghur Congress", "ngo", "DE")),
    ("Thai Lawyers for Human Rights said 20 activists had been charged.",
     ("Thai Lawyers for Human Rights", "ngo", "TH")),
    ("Karapatan said the soldiers had raided the village.", ("Karapatan", "ngo", "PH")),
    ("The Inter American Press Association condemned the killing of the reporter.",
     ("Inter American Press Association", "ngo", "US")),
    ("Mwatana for Human Rights documented the air strike.", ("Mwatana for Human Rights", "ngo", "YE")),
    # companies of geopolitical news
    ("The tanker is owned by the Islamic Republic of Iran Shipping Lines, the report said.",
     ("Islamic Republic of Iran Shipping Lines", "company", "IR")),
    ("Data from MarineTraffic showed the vessel off the coast.", ("MarineTraffic", "company", "GR")),
    ("Aselsan signed a contract for new radars.", ("Aselsan", "company", "TR")),
    ("The Serum Institute of India shipped two million doses.", ("Serum Institute of India", "company", "IN")),
    ("Sinovac delivered the first batch of its vaccine.", ("Sinovac", "company", "CN")),
    # US bureaus and agencies
    ("The Bureau of International Narcotics and Law Enforcement Affairs funds the police training.",
     ("Bureau of International Narcotics and Law Enforcement Affairs", "government_body", "US")),
    ("The INL program trained 300 officers last year.",
     ("Bureau of International Narcotics and Law Enforcement Affairs", "government_body", "US")),
    ("The Bureau of Industry and Security added the firms to its entity list.",
     ("Bureau of Industry and Security", "government_body", "US")),
    ("FinCEN warned banks about the scheme.", ("Financial Crimes Enforcement Network", "government_body", "US")),
    ("The Defense Intelligence Agency assessed that the missile could reach Guam.",
     ("Defense Intelligence Agency", "government_body", "US")),
])
def test_an_actor_of_the_kb21_pass_resolves_with_its_type_and_state(extractor, text: str, expected: tuple) -> None:  # noqa: ANN001
    assert expected in entities(extractor, text)


@pytest.mark.parametrize(("form", "part_of"), [
    ("INL", "us-state-department"), ("DRL", "us-state-department"),
    ("Bureau of Diplomatic Security", "us-state-department"), ("FinCEN", "us-treasury"),
    ("Bureau of Industry and Security", "us-commerce-department"), ("DSCA", "us-defense-department"),
])
def test_a_us_bureau_is_part_of_its_department(kb: KnowledgeBase, form: str, part_of: str) -> None:
    assert [e.part_of for e in kb.lookup(form)] == [part_of]


@pytest.mark.parametrize("text", [
    "The wind blew from the windward side of the island.",  # the ship-tracking firm Windward only capitalised
    "The nation mourned the dead.",  # no newspaper named by a bare common word
    "The paper said nothing about the costs.",  # China's The Paper is no entry
    "Reporters waited at dawn outside the court.",  # Pakistan's Dawn is no entry
])
def test_a_kb21_look_alike_in_ordinary_use_is_no_entity(extractor, text: str) -> None:  # noqa: ANN001
    assert entities(extractor, text) == []


@pytest.mark.parametrize("form", ["The Nation", "The Star", "The Standard", "The Herald", "Punch", "Tempo", "The Hindu",
                                  "La Nación", "El Universal", "Article 19", "Peace and Security Council", "ISA",
                                  "Andina", "Rafael", "Vector", "Policy Planning Staff", "Bureau of Consular Affairs"])
def test_kb21_ambiguous_names_are_no_aliases(kb: KnowledgeBase, form: str) -> None:
    assert kb.lookup(form) == []


def test_the_us_cdc_and_africa_cdc_are_distinct(kb: KnowledgeBase) -> None:
    assert [e.id for e in kb.lookup("CDC")] == ["us-cdc"]
    assert [e.id for e in kb.lookup("Africa CDC")] == ["africa-cdc"]
