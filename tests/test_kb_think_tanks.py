"""Coverage of the knowledge base for think tanks, research institutes and universities whose analysts news
quotes, worldwide: they resolve in (invented) sentences with type think_tank and the state they are based in,
ambiguous short forms stay no alias, and look-alikes in ordinary use stay no entity."""

from __future__ import annotations

import pytest

from kb_sentences import entities
from newsgraph.kb.loader import KnowledgeBase


@pytest.mark.parametrize(("text", "expected"), [
    ("Ana Ruiz, a fellow at the Hudson Institute, said the sanctions had lost their bite.",
     ("Hudson Institute", "US", )),
    ("Tomas Berg, an analyst at the Stimson Center, said the deal would hold.", ("Stimson Center", "US")),
    ("Mara Olsen, a researcher at the Lowy Institute, said the island states felt courted.",
     ("Lowy Institute", "AU")),
    ("Karl Weiss, a senior fellow at the Kiel Institute, said aid pledges had slowed.",
     ("Kiel Institute for the World Economy", "DE")),
    ("Lena Pirk, a scholar at the S. Rajaratnam School of International Studies, said the drills were routine.",
     ("S. Rajaratnam School of International Studies", "SG")),
    ("Ivo Tan, a fellow at the ISEAS-Yusof Ishak Institute, said the vote would be close.",
     ("ISEAS–Yusof Ishak Institute", "SG")),
    ("Rina Sato, a researcher at the Singapore Institute of International Affairs, said haze talks had stalled.",
     ("Singapore Institute of International Affairs", "SG")),
    ("Dewi Lestari, a researcher at CSIS Indonesia, said the cabinet reshuffle was expected.",
     ("CSIS Indonesia", "ID")),
    ("Aziz Omar, an analyst at ISIS Malaysia, said the ports would gain.",
     ("Institute of Strategic and International Studies Malaysia", "MY")),
    ("Thandi Mokoena, a researcher at ISS Africa, said the militants had regrouped.",
     ("Institute for Security Studies", "ZA")),
    ("Chen Wei, a professor at Tsinghua University, said the tariffs would hurt both sides.",
     ("Tsinghua University", "CN")),
    ("Park Ji-ho, a researcher at the Asan Institute for Policy Studies, said the launch was a message.",
     ("Asan Institute for Policy Studies", "KR")),
    ("Lin Yu, a researcher at the Institute for National Defense and Security Research, said the drills were larger.",
     ("Institute for National Defense and Security Research", "TW")),
    ("Ravi Menon, a fellow at the Observer Research Foundation, said the border talks had stalled.",
     ("Observer Research Foundation", "IN")),
    ("Oleh Marchuk, a sociologist at the Kyiv International Institute of Sociology, said trust had fallen.",
     ("Kyiv International Institute of Sociology", "UA")),
    ("A poll by the Levada Center showed support for the talks.", ("Levada Center", "RU")),
    ("Noa Levi, a researcher at the Begin-Sadat Center for Strategic Studies, said the strike was planned.",
     ("Begin-Sadat Center for Strategic Studies", "IL")),
    ("Omar Saleh, a fellow at the Sanaa Center for Strategic Studies, said the truce was fragile.",
     ("Sanaa Center for Strategic Studies", "YE")),
    ("Elif Kaya, a professor at Boğaziçi University, said the lira would weaken.", ("Boğaziçi University", "TR")),
    ("Luiz Prado, an economist at the Getulio Vargas Foundation, said inflation would ease.",
     ("Getulio Vargas Foundation", "BR")),
    ("Sofia Rey, a political scientist at the National Autonomous University of Mexico, said turnout was low.",
     ("National Autonomous University of Mexico", "MX")),
    ("Jana Novak, an analyst at the Polish Institute of International Affairs, said the pipeline was at risk.",
     ("Polish Institute of International Affairs", "PL")),
    ("Marta Lind, a researcher at the Norwegian Institute of International Affairs, said Arctic talks resumed.",
     ("Norwegian Institute of International Affairs", "NO")),
    ("Kofi Mensah, a researcher at Afrobarometer, said trust in parliament had fallen.", ("Afrobarometer", "GH")),
    ("Ben Hart, a professor at Harvard University, said the ruling was narrow.", ("Harvard University", "US")),
    ("Yuki Mori, a researcher at the Japan Institute of International Affairs, said the visit was symbolic.",
     ("Japan Institute of International Affairs", "JP")),
    ("Jean Petit, a researcher at Ifri, said Paris would not change course.",
     ("French Institute of International Relations", "FR")),
    ("Guo Ming, a professor at the University of Hong Kong, said the law had chilled debate.",
     ("University of Hong Kong", "HK")),
])
def test_a_think_tank_or_university_resolves_with_its_type_and_state(extractor, text: str, expected: tuple) -> None:  # noqa: ANN001
    name, country = expected
    assert (name, "think_tank", country) in entities(extractor, text)


@pytest.mark.parametrize("form", ["ISIS", "ISS", "IEA", "EPC", "CPR", "CPD", "IPS", "IAI", "IPAC", "ASPI", "KSE",
                                  "LSE", "NUS", "UCL", "ORF", "SWP", "CEPA", "GMF", "CASS", "Hudson", "Columbia",
                                  "Georgetown", "Centre for Strategic and International Studies", "Lowy",
                                  "Stanford", "Yale", "Princeton"])
def test_ambiguous_short_forms_are_no_think_tank_aliases(kb: KnowledgeBase, form: str) -> None:
    assert [e for e in kb.lookup(form) if e.type == "think_tank"] == []


def test_csis_stays_the_us_centre_and_the_indonesian_one_is_apart(kb: KnowledgeBase) -> None:
    assert [(e.id, e.country) for e in kb.lookup("CSIS")] == [("csis", "US")]
    assert [e.country for e in kb.lookup("CSIS Indonesia")] == ["ID"]


def test_iai_stays_israel_aerospace_industries(kb: KnowledgeBase) -> None:
    assert [e.type for e in kb.lookup("IAI")] == ["company"]


@pytest.mark.parametrize("text", [
    "The hudson river froze early this winter.",
    "She said the yale lock on the door was broken.",
    "Officials said the crisis group met behind closed doors.",
    "The friends of europe's farmers gathered in the square.",
    "Allen Stanford was sentenced to a long prison term.",  # Stanford, Yale, Princeton only with 'University'
    "Sarah Yale, a nurse, said the ward was full.",
    "The police in Princeton arrested two men on Sunday.",
])
def test_a_think_tank_look_alike_in_ordinary_use_is_no_entity(extractor, text: str) -> None:  # noqa: ANN001
    assert [e for e in entities(extractor, text) if e[1] == "think_tank"] == []
