"""Who did what to whom: PLOVER events coded over the dependency parse with the lexicon of
ontology/plover.yaml.

Three shapes of trigger: a verb ("Ruritania condemned the border raid"), a light verb with an event noun
as object ("Israel carried out 40 airstrikes on Hezbollah positions"), and an event noun with its own
arguments ("the State Department's designation of X", "an attack on Y linked to Z"). The source
must be a known or discovered actor, or the event is not coded: a sentence with no event is better
than a wrong one. A target that names no actor is kept as text. Conjoined actors give one event
each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.nlp.arguments import (
    conjuncts,
    for_clause_subject,
    is_condition,
    is_infinitive,
    is_passive,
    naming_complement,
    object_of,
    phrase_text,
    raised_object,
    reporting_verb_of,
    subject_of,
    told_to_act,
)
from newsgraph.nlp.claims import hedge_cues
from newsgraph.nlp.doctext import text_of, tokens_of
from newsgraph.nlp.references import References, actor_in, target_in
from newsgraph.nlp.timex import names_a_time
from newsgraph.ontology import EventLexicon, Trigger, stance_cues
from newsgraph.record import Event, Quantity, Quote, Span

QUALIFIERS = {
    "at least": "at_least", "more than": "more_than", "over": "more_than", "at most": "at_most",
    "up to": "at_most", "fewer than": "less_than", "less than": "less_than", "nearly": "about",
    "almost": "about", "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about",
}
ADJACENT_PREPS = {"in", "from", "of"}
MUTUAL_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
STANDING_CONFLICTS = {"war", "conflict", "dispute", "rivalry", "feud", "standoff", "tension", "hostility"}
NAMING_VERBS = {"call", "brand", "label", "dub", "term"}  # with two objects: "called the strike a farce"
RESPONSIBILITY_NOUNS = {"responsibility", "credit"}
CLAIMING_VERBS = {"claim", "take", "accept", "admit", "bear"}
BLAMING_VERBS = {"blame", "accuse", "fault", "condemn", "punish", "sanction"}  # "blamed X for the raid"
PARTAKING_PREPS = {"for", "during", "in", "at", "after", "before", "ahead"}  # "travel to X for talks with Y"
# "X and Y rejected the plan" reject the plan, not each other; these types always have a partner. An
# agreement too is made with, or offered to, someone: "agreed to share information", "offered to resign"
# with no one named commit to no actor (conceding, yielding to a demand, may still name none)
PARTNERED_TYPES = {"CONSULT", "COOPERATE", "SUPPORT", "AID", "AGREE"}
PLACE_TARGETED_HARM = {"ASSAULT", "COERCE"}  # harm to what names no actor is coded against the place's country
RECIPIENT_PREPS = {"to", "with", "against"}
PLACE_ADVERBS = {"anywhere", "everywhere", "deep", "inside", "elsewhere"}
PLACE_PREPS = {"in", "at", "outside", "near", "across", "throughout"}
# Verbal acts whose complement is what they threaten, demand, promise or refuse.
VERBAL_ACTS = {"THREATEN", "REQUEST", "AGREE", "REJECT"}
BACKING_TYPES = {"SUPPORT", "AID"}  # given by one actor to another, whatever the sentence says of it
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICTUAL = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}
INTENT_AUXILIARIES = {"will", "'ll", "shall"}
UNREAL_AUXILIARIES = {"will", "'ll", "shall", "would", "could", "may", "might", "can", "should", "must"}
OBLIGATION_MODALS = {"must", "should"}
OBLIGATION_VERBS = {"need", "have"}  # "X needs to act", "X has to withdraw"
REFUSING_HEADS = {"fail", "refuse", "decline"}
INTENT_HEADS = {"plan", "intend", "promise", "pledge", "vow", "offer", "agree", "prepare", "decide", "willing",
                "ready", "prepared", "determined", "set", "swear"}
DENYING_VERBS = {"deny"}  # the act denied is one's own: its target is not the denial's
CONDITION_MARKS = {"if", "unless", "until"}  # what a refusal or a threat waits for
OUTLET_NOUNS = {"newspaper", "paper", "daily", "magazine", "outlet", "broadcaster", "network", "channel", "station"}
# wrongs named as the reason for a sanction ("sanctioned for its role in the raids")
WRONG_NOUNS = {"role", "involvement", "part", "abuse", "violation", "corruption", "fraud", "crime", "support",
               "participation", "complicity", "activity", "repression", "crackdown", "attack"}
PARTITIVES_OF_CROWDS = {"hundreds", "thousands", "dozens", "scores", "tens", "crowds", "groups"}
SEEKING_VERBS = {"seek", "pursue", "eye", "want", "push"}  # an agreement sought: only with a partner named
PLACING_PREPS = {"in", "to", "into", "behind"}  # "found in breach", "sent to prison", "put behind bars"
SOURCE_LINKS = {"link", "tie", "attribute", "blame", "connect", "lead"}  # "an attack linked to/led by X": X did it
# a person who works with a body that employs people is one of its staff, not its partner
WORKING_VERBS = {"work"}
JOURNEY_VERBS = {"travel", "fly"}  # a visit only when a person makes the journey
EMPLOYER_TYPES = {"ngo", "media", "company", "think_tank", "international_organization", "political_party"}


def find_events(doc: Doc, actors: References, lexicon: EventLexicon, sentence_of: list[int],
                group_nouns: frozenset[str] = frozenset(), saying: frozenset[str] = frozenset(),
                judging: frozenset[str] = frozenset(), quotes: Iterable[Quote] = ()) -> list[Event]:
    events: list[Event] = []
    anchors: dict[int, Token] = {}  # id(event) -> its trigger token
    used_nouns: set[int] = set()

    def code(token: Token, *args: object, **kwargs: object) -> list[Event]:
        coded = _code(token, *args, group_nouns=group_nouns, **kwargs)  # type: ignore[arg-type]
        for event in coded:
            anchors[id(event)] = token
        return coded

    tokens = tokens_of(doc)
    for token in tokens:
        if token.pos_ != "VERB" or (_names_an_act(token) and not _designates(token, lexicon)):
            continue  # "called the shelling a crime" names an act, it does not call anyone
        light = _light_verb_trigger(token, lexicon)
        if light is not None:
            trigger, noun = light
            used_nouns.add(noun.i)
            target = object_of(noun, trigger.preps) or object_of(token, trigger.preps)
            if target is None or actor_in(target, actors) is None:
                # "gave Borduria 3 million euros of aid for schools": the recipient first
                target = _recipient(token, actors) or target or _object_target(noun, actors)
            if trigger.type == "AGREE" and token.lemma_.lower() in SEEKING_VERBS \
                    and (target is None or actor_in(target, actors) is None):
                continue  # "still wants a deal": an agreement sought with no partner named commits to no one
            doer = _object_controller(token, actors) or _decider(token, lexicon) or subject_of(token)
            if doer is None and noun.i == token.head.i and token.dep_ == "acl":
                # "the truce brokered by Ruritania between A and B": the participle's doer, only with the
                # partner named ("the truce, brokered by A and B" does not make A and B partners)
                if target is None or actor_in(target, actors) is None:
                    continue
                doer = (_participle_doer(token) or (None, None))[0]
            if doer is None and trigger.type == "MOBILIZE":
                doer = _own_forces_moved(token, lexicon, actors)
                if doer is not None:  # moved where the verb says, not to what is listed with the forces
                    target = object_of(token, trigger.preps)
                else:
                    doer = _forces_of_the_reporter(token, lexicon, actors, saying)
            events += code(token, trigger, actors, doer, target,
                           sentence_of, lexicon, quantity_of=noun,
                            trigger_tokens=[token, noun])
            continue
        arrived = _arrival(token, lexicon, actors)
        if arrived is not None:
            trigger, forces, place = arrived
            events += code(token, trigger, actors, forces, place, sentence_of, lexicon, quantity_of=forces,
                           trigger_tokens=[token])
            continue
        backed = _backing_gained(token, lexicon, actors)
        if backed is not None:
            noun, backer = backed
            used_nouns.add(noun.i)
            events += code(token, Trigger("SUPPORT"), actors, backer, subject_of(token), sentence_of, lexicon,
                           trigger_tokens=[token, noun])
            continue
        received = _received(token, lexicon, actors)
        if received is not None:
            trigger, noun, giver = received
            used_nouns.add(noun.i)
            events += code(token, trigger, actors, giver, subject_of(token), sentence_of, lexicon,
                           quantity_of=noun, trigger_tokens=[token, noun])
            continue
        given = _deadline_given(token, actors)
        if given is not None:
            # "gave Borduria four days to lift the blockade": an ultimatum, a demand of the one given the time
            events += code(token, Trigger("REQUEST", mode="ultimatum"), actors, subject_of(token), given,
                           sentence_of, lexicon)
            continue
        trigger = _verb_trigger(token, lexicon)
        if trigger is not None and trigger.mode == "phone" and not _called_party(token, actors):
            trigger = None  # "called the decision to jail him a travesty": naming, not phoning
        if trigger is None and token.lemma_.lower() in lexicon.crowd_verbs and _protest_crowd(token, lexicon):
            trigger = Trigger("PROTEST", mode="demo")  # "demonstrators gathered outside parliament"
        if trigger is None and _listed(token, lexicon):
            # "added the minister to its sanctions list": putting an actor on a list of the banned
            trigger = Trigger("SANCTION", mode="designation", target_types=LISTED_TYPES)
        if trigger is not None and trigger.type == "AGREE" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lexicon.unpromising_objects for c in token.children):
            trigger = None  # "offered no evidence", "offered a reward for his capture": nothing promised to anyone
        if trigger is not None and _asks_only_words(token, lexicon):
            trigger = None  # "declined to comment", "requesting comment": nothing asked or refused but words
        if trigger is not None and token.tag_ == "VBN" and token.dep_ in {"acomp", "advcl", "oprd"} \
                and token.head.lemma_.lower() in lexicon.copular_verbs \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            # "Ruiz stands accused of fraud": the subject of a copular verb is the one acted on, and the
            # doer is not named
            events += code(token, trigger, actors, None, subject_of(token.head), sentence_of, lexicon,
                           unknown_doer=True)
            continue
        if trigger is not None:
            target = _judged(token, trigger.complements) if trigger.complements else object_of(token, trigger.preps)
            if trigger.preps and (target is None or actor_in(target, actors) is None):
                # "designated eight cartels as terrorist organizations": the object is the target
                direct = object_of(token, frozenset())
                target = direct if direct is not None and (actor_in(direct, actors) or target is None
                                                           or target.head.lower_ == "as") else target
            if (target is None or actor_in(target, actors) is None) and \
                    token.lemma_.lower() not in lexicon.destination_verbs:
                # "offered a truce to Hamas", "sent drones to Russia": the recipient is the target;
                # not "deported them to Honduras", where Honduras is only where they were sent
                target = (_recipient(token, actors, on_object=True) or target or raised_object(token)
                          or _shared_object(token) or _shared_patient(token))
            if trigger.type in {"REJECT", "THREATEN"} and (target is None or actor_in(target, actors) is None):
                target = _party_of_infinitive(token, actors) or target
            if token.lemma_.lower() in lexicon.topic_verbs and not _prep_present(token, trigger.preps):
                # "Ruritania and Borduria discussed the war": what is discussed is a topic, never the partner
                target = None
            if trigger.type in JUDGING and target is not None and _is_harm(target, lexicon):
                # aimed at whoever did the harm (named with it, or reported earlier); never at its victim
                target = _harm_doer(target, lexicon)
            # "the ministry said the shelling went on and blamed Lisbon": the reporter's second act is theirs
            reporter = reporting_verb_of(token, saying) if token.lemma_.lower() in judging else None
            source = (_object_controller(token, actors) or _decider(token, lexicon) or _qualified_actor(token, actors)
                      or subject_of(reporter or token) or _gerund_doer(token))
            if source is None and trigger.type == "MOBILIZE":
                forces = _own_forces_moved(token, lexicon, actors)
                if forces is not None:
                    source, target = forces, object_of(token, trigger.preps) if trigger.preps else None
                else:
                    source = _forces_of_the_reporter(token, lexicon, actors, saying)
            if source is None and "from" in trigger.preps and trigger.type == "SANCTION":
                # "Ruiz was expelled from the party": the body one is cast out of did it
                body = _casting_body(token, actors)
                if body is not None:
                    source, target = body, next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            elif source is not None and target is not None and "from" in trigger.preps \
                    and actor_in(target, actors) == actor_in(source, actors):
                # "the bloc suspended Ruritania from the bloc": the member, not the body it is cast out of
                target = object_of(token, frozenset()) or target
            by_agent = _participle_doer(token) if source is None else None
            if by_agent is not None and actor_in(by_agent[0], actors) is not None:
                # (an agent naming no actor, "when attacked by troops", leaves the act unattributed)
                source = by_agent[0]
                if target is None or actor_in(target, actors) is None:
                    target = by_agent[1]
            agentless = source is None and _agentless_harm(token, trigger, lexicon)
            if agentless:
                source = _doer_of_setting(token, lexicon, actors) or _reporter_of_harm(token, actors, saying)
            coded = code(token, trigger, actors, source, target,
                         sentence_of, lexicon, quantity_of=next(
                             (c for c in token.children if c.dep_ == "dobj"), None),
                         unknown_doer=agentless)
            if trigger.type == "REQUEST" and _ordered_to_stop(token, lexicon):
                for event in coded:
                    if actors.type_of(event.target) in ORDERED_OFF_TYPES:
                        event.type, event.mode = "COERCE", "ban"
            events += coded
    for token in tokens:
        if token.pos_ == "NOUN" and token.i not in used_nouns and _under(token, lexicon):
            # "Rosneft, which is under U.S. sanctions", "a journalist under house arrest": the state the
            # holder is in is the act of whoever the noun names as its doer
            trigger = lexicon.nouns[token.lemma_.lower()][0]
            source, target = _noun_source(token), _under_holder(token)
            if source is not None and target is not None:
                events += code(token, trigger, actors, source, target, sentence_of, lexicon, quantity_of=token,
                               trigger_tokens=[token])
            continue
        if token.pos_ == "NOUN" and token.i not in used_nouns and not _asks_only_words(token, lexicon):
            answered = _answered_request(token, lexicon)
            if answered is not None:
                events += code(token, Trigger("REQUEST"), actors, answered[0], answered[1], sentence_of, lexicon,
                               trigger_tokens=[token])
                continue
            handover = _handover(token, lexicon, actors)
            if handover is not None:
                trigger, source, target = handover
                events += code(token, trigger, actors, source, target, sentence_of, lexicon, quantity_of=token,
                               trigger_tokens=[token])
                continue
            found = _noun_trigger(token, lexicon)
            if found is None and token.lemma_.lower() in lexicon.harm_outcomes and _claimant(token) is not None:
                # "blamed the militia for the death of a peacekeeper": the death is the blamed one's act
                found = Trigger("ASSAULT", frozenset({"of"})), token
            if found is None:
                continue
            trigger, first = found
            if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in lexicon.peaceful_modifiers
                   for c in token.children):
                continue  # "a trade war", "a price war": no one fights
            reporter = _reporting_party(token, trigger, saying)
            pair = _mutual_parties(token, trigger, actors)
            if token.dep_ in {"nsubj", "nsubjpass"} and trigger.type not in CONFLICTUAL | {"RETREAT"} \
                    and reporter is None \
                    and pair is None and not (trigger.type in BACKING_TYPES and _noun_source(token) is not None):
                # "Ruritania's partnership with Borduria is ...": a standing tie, not an event; but
                # "Ruritania's backing of the rebels proved decisive" reports the backing given
                continue
            source = (_noun_source(token) or _forces_owner(token, lexicon) or _participant(token, trigger)
                      or _purpose_doer(token, lexicon)
                      or _performer(token, lexicon) or reporter)
            target = object_of(token, trigger.preps) if trigger.preps else None
            joint = _joint_parties(token, actors) if trigger.type == "COOPERATE" and target is None else None
            if joint is not None:
                source, target = joint  # "U.S. and Iraqi forces killed him in a joint operation": each with the other
            elif _is_joint(token) and target is None:
                continue  # a joint effort whose partners the text does not name together
            if source is None and pair is not None:
                source, target = pair  # "talks between Ruritania and Borduria collapsed": the two parties
            if target is None and trigger.type in MUTUAL_TYPES and _participant(token, trigger) is not None \
                    and not any(t.type == trigger.type for t in lexicon.verbs.get(token.head.head.lemma_.lower(), [])):
                # "told the president in a phone call that ...": the one addressed is the other party (not
                # "hosted X for a meeting", the host's own act)
                target = next((c for c in token.head.head.children if c.dep_ in {"dobj", "dative"}), None)
            if source is None or target is None:
                continue
            events += code(token, trigger, actors, source, target, sentence_of, lexicon, quantity_of=token,
                            trigger_tokens=[first, token])
    for event, token in _obligations(doc, actors, saying, {t.i for t in anchors.values()}, sentence_of):
        anchors[id(event)] = token
        events.append(event)
    obliged = _quoted_obligations(doc, quotes, actors)
    for token, (speaker, speaker_text) in obliged.items():
        if doc[token].i in {t.i for t in anchors.values()}:
            continue  # an act coded on the obliged verb itself is recoded below
        for event in _obligation_of(doc[token], speaker, speaker_text, actors, sentence_of):
            anchors[id(event)] = doc[token]
            events.append(event)
    for token, source, target in _concerns(tokens, actors, lexicon):
        events += code(token, Trigger("ACCUSE"), actors, source, target, sentence_of, lexicon)
    for event, token in _warnings(doc, actors, lexicon, {t.i for t in anchors.values()}, sentence_of):
        anchors[id(event)] = token
        events.append(event)
    events = _fold_embedded(events, anchors, actors, lexicon)
    events = [e for e in events if not _in_condition(anchors[id(e)])]
    for event in events:
        # an act only intended is a threat or a promise before anything is aimed at it: "vowed to
        # retaliate" is no attack a later "condemned the strikes" answers
        _recode_intent(event, anchors[id(event)], actors)
    _aim_by_purpose(events, anchors, actors)
    _aim_at_partner_met(events, anchors)
    in_order = sorted(events, key=lambda e: e.trigger.start)
    _aim_at_earlier_acts(in_order, anchors, lexicon, actors)
    _aim_denials(in_order, anchors, actors)
    _aim_releases(in_order, anchors, actors, lexicon)
    for event in list(events):
        threat = _ultimatum(event, anchors[id(event)], lexicon) or _punished_for(event, anchors[id(event)])
        if threat is not None:
            anchors[id(threat)] = anchors[id(event)]
            events.append(threat)
    for event in events:
        _official_protest(event, anchors[id(event)], actors)
        _words_as_weapons(event, anchors[id(event)], actors)
        _leaving_a_body(event, anchors[id(event)], actors)
        _recode_obligation(event, anchors[id(event)], actors, saying)
        _recode_quoted_obligation(event, anchors[id(event)], obliged)
    return _dedupe([e for e in events if not _partnerless(e, anchors[id(e)]) and not _left_a_post(e, actors)
                    and not _against_nature(e, anchors[id(e)], lexicon)])


def _against_nature(event: Event, anchor: Token, lexicon: EventLexicon) -> bool:
    """'firefighters battled blazes in the hills', 'the army is fighting the outbreak': an attack whose object is
    a fire, a flood or a disease is no act against any actor, wherever it happens."""
    # (not "fire" itself: "opened fire on", "set fire to" are attacks)
    return event.type in {"ASSAULT", "COERCE"} and anchor.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() != "fire" and c.lemma_.lower() in lexicon.accidental_causes
        for c in anchor.children)


def _under(noun: Token, lexicon: EventLexicon) -> bool:
    """A noun of a state one is put in ('sanctions', 'arrest', 'siege') as the object of 'under'."""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.lemma_.lower() in lexicon.state_nouns
            and noun.lemma_.lower() in lexicon.nouns)


def _under_holder(noun: Token) -> Token | None:
    """Who is under it: the subject of the clause the phrase belongs to ('X, who is under sanctions'),
    or the noun the phrase qualifies ('a firm under sanctions')."""
    holder = noun.head.head
    if holder.pos_ in {"VERB", "AUX"}:
        subject = subject_of(holder)
        return _alias_bearer(subject) if subject is not None else None
    return holder if holder.pos_ in {"NOUN", "PROPN"} else None


ALIAS_VERBS = {"know", "call", "nickname", "dub", "name"}


def _alias_bearer(token: Token) -> Token:
    """'Ruiz, a retired colonel known as Tiger, who ...': a name given after 'known as' stands for the one
    who bears it (the noun the participle qualifies, and the name that noun is in apposition to)."""
    if token.dep_ != "pobj" or token.head.lower_ != "as" or token.head.head.dep_ != "acl" \
            or token.head.head.lemma_.lower() not in ALIAS_VERBS:
        return token
    bearer = token.head.head.head
    return bearer.head if bearer.dep_ == "appos" else bearer


def _shared_object(verb: Token) -> Token | None:
    """'the rebels have been shelling and raiding the villages': a verb with no object of its own shares
    the object of the verb coordinated after it."""
    if any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp"} for c in verb.children):
        return None
    later = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if later is None or any(c.dep_ in {"aux", "auxpass"} for c in later.children):
        return None  # "would strike anywhere and would enforce the truce": two clauses, each its own object
    return next((c for c in later.children if c.dep_ == "dobj"), None)


def _asks_only_words(word: Token, lexicon: EventLexicon) -> bool:
    """'declined to comment', 'requesting comment', 'asked the ministry for comment', 'requests for an
    interview': what is asked or refused is only words, a reporter's routine, no act between actors."""
    return any(c.dep_ in {"xcomp", "dobj"} and c.lemma_.lower() in lexicon.silent_complements
               for c in word.children) or any(
        g.dep_ == "pobj" and g.lemma_.lower() in lexicon.silent_complements
        for c in word.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children)


def _party_of_infinitive(verb: Token, actors: References) -> Token | None:
    """'declined to take part in the bloc's relocation scheme', 'refused to appear before the tribunal',
    'threatened to break the truce with the rebels': what one refuses or threatens to do is aimed at the actor
    its infinitive names, as object, as object of a preposition (on the verb or on its object), or as the
    owner of either."""
    clause = next((c for c in verb.children if c.dep_ == "xcomp" and is_infinitive(c)), None)
    if clause is None:
        return None
    objects = [c for c in clause.children if c.dep_ == "dobj"]
    named = objects + [g for holder in [clause, *objects] for c in holder.children if c.dep_ == "prep"
                       for g in c.children if g.dep_ == "pobj"]
    for noun in named:
        for candidate in [noun] + [c for c in noun.children if c.dep_ == "poss"]:
            if actor_in(candidate, actors) is not None:
                return candidate
    return None


def _shared_patient(verb: Token) -> Token | None:
    """'Ruiz returned to Caracas and was detained by police': a passive verb coordinated after a
    clause, with no subject of its own, was done to the subject of that clause."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children) \
            or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    first = verb.head
    while first.dep_ == "conj":
        first = first.head
    return next((c for c in first.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


# Who can be put on a list of the sanctioned: actors, not things ("added milk to the list")
LISTED_TYPES = frozenset({"person", "country", "government_body", "armed_forces", "armed_group",
                          "criminal_organization", "political_party", "media", "think_tank", "ngo",
                          "international_organization", "company", "organization"})


def _called_party(verb: Token, actors: References) -> bool:
    """'called her counterpart', 'phoned the president': the object of a verb of calling is a party
    named in a few words, no clause ('called the decision to jail him ...' names an act)."""
    called = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if called is None:
        return True  # "phoned on Monday", "spoke by phone with": the party is named elsewhere
    words = list(called.subtree)
    return len(words) <= 6 and actor_in(called, actors) is not None \
        and not any(t.pos_ in {"VERB", "AUX"} or t.is_quote for t in words)


def _listed(verb: Token, lexicon: EventLexicon) -> bool:
    """'Lithuania added the minister to its list', 'put the group on a blacklist': a verb of listing with
    an object and a list (of sanctioned, banned or designated) as where it is put."""
    if verb.lemma_.lower() not in lexicon.listing_verbs or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(g.lemma_.lower() in lexicon.list_nouns for c in verb.children
               if c.dep_ == "prep" and c.lower_ in {"to", "on", "onto"} for g in c.children if g.dep_ == "pobj")


def _participle_doer(verb: Token) -> tuple[Token, Token | None] | None:
    """'the mission, authorized by the Council and funded by Germany, ...', 'Backed by France, the rebels
    seized the town': a past participle that qualifies a noun (or opens the clause) names its doer in its
    'by' phrase, and the noun it qualifies (the clause's subject) is the one acted on. Participles
    coordinated with such a one qualify the same noun. Returns (doer, acted on)."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    node = verb
    while node.dep_ == "conj" and node.head.tag_ == "VBN":
        node = node.head
    if doer is None or node.dep_ not in {"acl", "advcl"}:
        return None
    if node.dep_ == "acl":
        return doer, node.head
    return doer, next((c for c in node.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


GERUND_PREPS = {"by", "in", "after", "before", "through", "upon", "on", "since"}


def _gerund_doer(verb: Token) -> Token | None:
    """'France answered the raid by bombing the airfield', 'the senators joined the others in calling on
    the minister to resign': a gerund after a preposition of manner or time has no subject of its own;
    its doer is the subject of the clause the phrase belongs to (of a passive clause, the one it is said
    of). Not 'without' (an act not done)."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in GERUND_PREPS:
        return None
    holder = verb.head.head
    if holder.pos_ not in {"VERB", "AUX"}:
        return None
    if is_passive(holder):
        return next((c for c in holder.children if c.dep_ == "nsubjpass"), None)
    return subject_of(holder)


def _reporting_party(noun: Token, trigger: Trigger, saying: frozenset[str]) -> Token | None:
    """'Ruritania said talks with Borduria were going well': talks with another, named with no party of
    their own as the subject of a clause that an actor reports, are held by the one reporting them.
    Returns that speaker."""
    if trigger.type != "CONSULT" or noun.dep_ != "nsubj" or noun.head.dep_ != "ccomp" \
            or noun.head.head.lemma_.lower() not in saying or "with" not in trigger.preps:
        return None
    if object_of(noun, frozenset({"with"})) is None or any(c.dep_ in {"poss", "compound", "amod"} and c.pos_ == "PROPN"
                                                           for c in noun.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in UNREAL_AUXILIARIES for c in noun.head.children):
        return None  # "said talks with Borduria must go on": talks wished for, not reported
    return subject_of(noun.head.head)


def _protest_crowd(verb: Token, lexicon: EventLexicon) -> bool:
    """The verb's subject is a crowd of protest ('demonstrators', 'hundreds of protesters')."""
    subject = subject_of(verb)
    if subject is not None and (subject.like_num or subject.lower_ in PARTITIVES_OF_CROWDS):
        subject = next((g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), subject)
    return subject is not None and subject.lemma_.lower() in lexicon.protesters


def _qualified_actor(verb: Token, actors: References) -> Token | None:
    """'the envoy praised Ruritanian troops guarding the border', 'barred Borduran fighters attacking the
    town': a present participle that qualifies an actor has that actor as its doer, not the subject of
    the clause the actor's noun belongs to (a statement noun, 'a communique demanding ...', is no actor and
    leaves the doer to the clause)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return verb.head if actor_in(verb.head, actors) is not None else None


# Responses that judge an act, aimed at its doer: "condemned the attack", "praised the strikes"
JUDGING = {"ACCUSE", "REJECT", "PROTEST", "SUPPORT"}
HARMS = {"ASSAULT", "COERCE", "SANCTION"}


def _is_harm(noun: Token, lexicon: EventLexicon) -> bool:
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (any(t.type in HARMS for t in lexicon.nouns.get(lemma, []))
                                    or lemma in lexicon.harm_outcomes or lemma in lexicon.patient_nouns)


def _harm_doer(noun: Token, lexicon: EventLexicon) -> Token | None:
    """The doer of a harmful act a judgement names, never its victim: 'condemned the Ruritanian attack on
    Beirut' (Ruritania), 'condemned the attack on Beirut' (no one named: an earlier report may say),
    'condemned Ruiz's arrest by the police' (the police; Ruiz is the one arrested, as the possessor of an
    arrest, a death or a deportation always is)."""
    if noun.lemma_.lower() not in lexicon.patient_nouns:
        return _noun_source(noun)
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                 for g in c.children if g.dep_ == "pobj"), None)


def _own_forces_moved(verb: Token, lexicon: EventLexicon, actors: References) -> Token | None:
    """'11,000 Ruritanian troops are deployed in Borduria', 'forces of the mission were deployed to the
    villages': forces moved in the passive with no agent were moved by the actor they belong to. Returns
    the forces when they name that actor."""
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    forces = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if forces is None or actor_in(forces, actors) is None:
        return None
    kinds = {forces.lemma_.lower()} | {c.lemma_.lower() for c in forces.children if c.dep_ == "compound"}
    return forces if kinds & _sent_forces(lexicon) else None


def _sent_forces(lexicon: EventLexicon) -> set[str]:
    """The nouns of forces one sends (the objects of the lexicon's MOBILIZE pairs with 'send')."""
    return {o for t in lexicon.light_verbs.get("send", []) if t.type == "MOBILIZE" for o in t.objects}


STATE_SIDES = {"country", "government_body", "armed_forces"}


def _forces_of_the_reporter(verb: Token, lexicon: EventLexicon, actors: References,
                            saying: frozenset[str]) -> Token | None:
    """'The ministry said hundreds of troops were deployed to the villages': forces that name no owner, moved in
    the passive with no agent in what a state or one of its bodies reports, are the reporter's own."""
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    forces = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if forces is None or forces.lemma_.lower() not in _sent_forces(lexicon) or actor_in(forces, actors) is not None:
        return None
    return _state_reporter(verb, actors, saying)


def _state_reporter(clause: Token, actors: References, saying: frozenset[str]) -> Token | None:
    """Who reports a clause, when it is the content of a verb of saying and the reporter is a state, one of
    its bodies or its armed forces ('the ministry said ...')."""
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in saying:
        return None
    reporter = subject_of(clause.head)
    if reporter is None or actors.type_of(actor_in(reporter, actors)) not in STATE_SIDES:
        return None
    return reporter


def _reporter_of_harm(verb: Token, actors: References, saying: frozenset[str]) -> Token | None:
    """'The army said five enemy jets had been shot down', 'Ruritania said 30 Borduran drones were destroyed':
    harm in the passive with no agent, to another state's people or forces, reported by a state or one of its
    bodies, is the reporter's own act claimed (not when the harmed are the reporter's own side, or name no
    actor: 'said 12 civilians were killed' gives no doer)."""
    harmed = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    reporter = _state_reporter(verb, actors, saying)
    if harmed is None or reporter is None:
        return None
    harmed_id, reporter_id = actor_in(harmed, actors), actor_in(reporter, actors)
    if harmed_id is None:
        return None
    harmed_entity, reporter_entity = actors.entity(harmed_id), actors.entity(reporter_id)
    if harmed_entity is None or reporter_entity is None or not harmed_entity.country \
            or harmed_entity.country == reporter_entity.country:
        return None
    return reporter


CASTING_BODIES = {"political_party", "international_organization", "government_body"}


def _casting_body(verb: Token, actors: References) -> Token | None:
    """'Ruiz was expelled from the ruling party', 'Ruritania was suspended from the bloc': a passive of
    casting out with no agent; the party or body named after 'from' is the one that cast out."""
    if not is_passive(verb) or any(c.dep_ == "agent" for c in verb.children):
        return None
    body = object_of(verb, frozenset({"from"}))
    if body is None or actors.type_of(actor_in(body, actors)) not in CASTING_BODIES:
        return None
    return body


def _decider(verb: Token, lexicon: EventLexicon) -> Token | None:
    """'Ruritania's decision to send troops to Borduria', 'the move by Ruritania to expel the envoy': the
    infinitive after a noun of deciding has no subject of its own; its doer is the one whose decision it
    is (the possessor, or the 'by' phrase)."""
    if verb.dep_ != "acl" or not is_infinitive(verb) or verb.head.lemma_.lower() not in lexicon.deciding_nouns:
        return None
    noun = verb.head
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                 for g in c.children if g.dep_ == "pobj"), None)


# Who an authority's order to stop is coercion of: civilian actors ("ordered the newspaper to suspend
# publication"), not its own organs or another state (a demand)
ORDERED_OFF_TYPES = {"person", "media", "ngo", "company", "political_party", "organization", "think_tank"}


def _ordered_to_stop(verb: Token, lexicon: EventLexicon) -> bool:
    """'ordered the paper to suspend publication', 'told the charity to close its offices': an order to
    stop, close or leave, given to a civilian actor, is a ban (COERCE), not a request."""
    if verb.lemma_.lower() not in lexicon.ordering_verbs:
        return False
    return any(c.dep_ in {"xcomp", "ccomp"} and is_infinitive(c) and c.lemma_.lower() in lexicon.ordered_stops
               for c in verb.children)


def _names_an_act(verb: Token) -> bool:
    """A verb with an object predicate names what its object is ('declared the strike illegal',
    'called the raids an act of war'); the object is the act of someone else."""
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    # a second object or an apposition names the first only after a verb of naming: "attacked
    # Hezbollah, the armed group" attacks
    return verb.lemma_.lower() in NAMING_VERBS and naming_complement(verb) is not None


def _designates(verb: Token, lexicon: EventLexicon) -> bool:
    """'designated the group a terrorist organization': for a verb of designation, naming what its
    object is is the act itself."""
    return any(t.mode == "designation" for t in lexicon.verbs.get(verb.lemma_.lower(), []))


def _partnerless(event: Event, anchor: Token) -> bool:
    """Meeting, cooperating, backing and aiding are done with or towards another actor:
    'pledged its support for peace and stability', 'shared intelligence on the battlefield', 'sent
    jets to monitor the ships' name none, and coded as dyadic events they would be wrong facts. So is
    agreeing, except to a settlement another side offered ('agreed to a ceasefire', 'accepted the
    deal'), whose other side the text may leave unnamed."""
    if event.type not in PARTNERED_TYPES or event.target is not None:
        return False
    return event.type != "AGREE" or not _agreed_to_a_settlement(anchor)


SETTLEMENT_NOUNS = {"ceasefire", "truce", "deal", "agreement", "accord", "plan", "proposal", "terms", "pact",
                    "armistice", "settlement", "offer", "demand", "framework", "roadmap", "compromise"}


def _agreed_to_a_settlement(anchor: Token) -> bool:
    objects = [c for c in anchor.children if c.dep_ == "dobj"] + [
        g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in SETTLEMENT_NOUNS for o in objects)


def _agentless_harm(verb: Token, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """'Eight protesters were killed on Friday', 'hundreds were detained': violence or repression
    reported in the passive with no doer named is still an event, its doer unknown (PLOVER codes
    such reports with an unidentified source). Not when it is only possible or expected ('could be
    abducted') or a mishap caused it ('were killed in the crash')."""
    if not is_passive(verb) or (trigger.type not in {"ASSAULT", "COERCE"}
                                and not (trigger.type == "ACCUSE" and trigger.mode == "allege")):
        return False  # harm, and allegations ("were accused of plotting", "was charged with fraud")
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in UNREAL_AUXILIARIES for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children) or any(c.lower_ == "being" for c in verb.children):
        return False  # "were not deported"; "the risk of being deported" is no report that it happened
    causes = {g.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "by", "during"}
              for g in c.children if g.dep_ == "pobj"}
    return not causes & lexicon.accidental_causes


def _doer_of_setting(verb: Token, lexicon: EventLexicon, actors: References) -> Token | None:
    """'The premier was deposed in a coup led by the navy', 'three were wounded in a Borduran airstrike',
    'were detained during a raid by the police': harm in the passive with no agent, reported within an
    act of force, was done by that act's doer (None when the act names no actor)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
            continue
        for act in (g for g in prep.children if g.dep_ == "pobj"):
            kinds = lexicon.nouns.get(act.lemma_.lower(), [])
            if not any(t.type in {"ASSAULT", "COERCE"} for t in kinds):
                continue
            doer = _noun_source(act)
            if doer is not None and actor_in(doer, actors) is not None:
                return doer
            # "was killed in a gun battle with the police", "died in clashes with the rebels": in a fight
            # with a named side, that side did the harm
            rival = next((g for c in act.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                          if g.dep_ == "pobj"), None)
            if rival is not None and actor_in(rival, actors) is not None:
                return rival
    return None


def _recipient(verb: Token, actors: References, on_object: bool = False) -> Token | None:
    """Whom the act goes to: the indirect object, a 'to/with/against' object on the verb, or (`on_object`,
    for a verb that is the trigger alone) a 'to' object on its direct object ('offered talks to Borduria';
    not 'levied tariffs on exports to Borduria', where the light verb's noun says what is done)."""
    direct = [c for c in verb.children if c.dep_ == "dobj" and on_object]
    # "pledged 2 billion euros in aid to Borduria": the 'to' may hang on what an amount is in
    amounts = [p for c in direct for g in c.children if g.dep_ == "prep" and g.lower_ == "in"
               for p in g.children if p.dep_ == "pobj"]
    objects = [g for c in (*direct, *amounts) for g in c.children if g.dep_ == "prep" and g.lower_ == "to"]
    for prep in [*verb.children, *objects]:
        if prep.dep_ == "dative" and prep.pos_ in {"PROPN", "NOUN"} and actor_in(prep, actors, depth=0):
            return prep  # "Ruritania will give Borduria a loan"
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in RECIPIENT_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and actor_in(pobj, actors, depth=0):
                    return pobj
    return None


def _aim_by_purpose(events: list[Event], anchors: dict[int, Token], actors: References) -> None:
    """'staged a sit-in to press for the release of X', 'fired tear gas to clear the
    square': an act with no target of its own is aimed at whom its stated purpose is aimed at; for a
    hostile act, also when the purpose is no coded event but names an actor as its object ("launched an
    operation to drive the rebels out")."""
    by_token = {anchors[id(e)].i: e for e in events}
    for event in events:
        if event.target is not None or event.target_text is not None:
            continue
        token = anchors[id(event)]
        holders = [token, *(c for c in token.children if c.dep_ == "dobj")]  # "launched an operation to ..."
        for clause in (c for h in holders for c in h.children if c.dep_ in {"advcl", "xcomp", "acl"}):
            purpose = by_token.get(clause.i)
            if purpose is not None and purpose.source == event.source and (purpose.target or purpose.target_text):
                event.target, event.target_text = purpose.target, purpose.target_text
                break
            aimed = next((c for c in clause.children if c.dep_ == "dobj"), None)
            if purpose is None and is_infinitive(clause) and event.type in CONFLICTUAL and aimed is not None:
                target = actor_in(aimed, actors)
                if target is not None and target != event.source:
                    event.target, event.target_text = target, aimed.text
                    break


def _object_target(noun: Token, actors: References) -> Token | None:
    """For a light verb without a listed preposition: the object itself when it names an actor
    ('expelled two Russian diplomats', 'sought Borduria's help'), else what it is 'of' ('mounted an
    invasion of South Lebanon')."""
    named = [noun, *[c for c in noun.children if c.dep_ in {"amod", "compound", "nmod", "poss"}]]
    if any(actors.entity_at(t.i) for t in named):
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "into", "on", "against"}:
            return next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None


DEADLINE_VERBS = {"give", "grant", "allow"}
TIME_NOUNS = {"hour", "day", "week", "month", "year", "deadline"}


def _deadline_given(verb: Token, actors: References) -> Token | None:
    """'The Houthis gave Borduria four days to lift the blockade', 'gave the agency 14 days to present a plan':
    time given to an actor to do something is an ultimatum (its act only demanded). Returns the one given it."""
    if verb.lemma_.lower() not in DEADLINE_VERBS:
        return None
    if not any(c.dep_ in {"dobj", "npadvmod"} and c.lemma_.lower() in TIME_NOUNS for c in verb.children):
        return None
    if not any(c.dep_ in {"advcl", "xcomp"} and is_infinitive(c) for c in verb.children):
        return None
    given = next((c for c in verb.children if c.dep_ == "dative"), None)
    return given if given is not None and actor_in(given, actors) is not None else None


def _governor(token: Token, anchors_by_token: dict[int, list[Event]]) -> tuple[Token, str] | None:
    """The event trigger this one is the complement of: 'threatened [to ban] ...', 'demanded [that
    Israel ease] ...'; the act an ultimatum gives time for ('gave Borduria four days [to lift] ...')."""
    if token.dep_ == "advcl" and is_infinitive(token) and token.head.lemma_.lower() in DEADLINE_VERBS \
            and token.head.i in anchors_by_token:
        return token.head, "xcomp"
    # (nouns whose "that" clause is what they say, "denied reports that ...": the claim nouns of stances.yaml)
    if token.dep_ == "acl" and token.head.dep_ == "dobj" and token.head.lemma_.lower() in stance_cues().claim_nouns \
            and token.head.head.i in anchors_by_token:
        # "denied reports that it had armed the rebels": the content of a report the act answers
        return token.head.head, "ccomp"
    if token.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in token.children) \
            and token.head.i in anchors_by_token:
        # "called for Borduria to withdraw": the act asked for, its doer the one asked
        return token.head, "ccomp"
    if token.dep_ == "acl" and token.head.pos_ == "NOUN":
        # "renewed its call on Borduria to free them", "their appeals to both sides to stop fighting": the
        # act a request, offer or threat named by a noun is about
        holder = token.head.head if token.head.dep_ == "dobj" and token.head.i not in anchors_by_token else token.head
        if holder.i in anchors_by_token:
            return holder, "xcomp"
    node, relation = token, None
    for _ in range(2):
        # a demanded act may also be a noun: "demanded Israel's withdrawal" (its doer is the target)
        allowed = {"xcomp", "ccomp"} | ({"dobj"} if node is token and token.pos_ == "NOUN" else set())
        if node.dep_ not in allowed or node.head.i == node.i:
            return None
        relation = relation or ("ccomp" if node.dep_ == "dobj" else node.dep_)
        node = node.head
        if node.i in anchors_by_token:
            return node, relation
    return None


def _fold_embedded(events: list[Event], anchors: dict[int, Token], actors: References,
                   lexicon: EventLexicon) -> list[Event]:
    """An act that is only threatened, demanded, promised or refused is not an event of its own: it
    tells the target of the verbal act that governs it ('demanded that Israel ease ...' -> the
    demand is aimed at Israel; 'threatened to cut ties with Russia' -> at Russia)."""
    by_token: dict[int, list[Event]] = {}
    for event in events:
        by_token.setdefault(anchors[id(event)].i, []).append(event)
    kept = []
    unaimed: set[int] = set()  # denials of help, aimed at no one their clause names
    for event in events:
        found = _governor(anchors[id(event)], by_token)
        if found is None:
            if not _asked_of_another(anchors[id(event)], lexicon):
                kept.append(event)
            continue
        governor_token, relation = found
        governing = [g for g in by_token[governor_token.i] if g.type in VERBAL_ACTS]
        if not governing:
            kept.append(event)
            continue
        for outer in governing:
            if governor_token.lemma_.lower() in DENYING_VERBS and event.type in COOPERATIVE | {"AGREE"}:
                # "denied arming the rebels" answers whoever said so, not the rebels it would have helped;
                # "denied firing at Israel" does answer the one fired at
                unaimed.add(id(outer))
                continue
            if outer.target is None:
                outer.target = event.source if relation == "ccomp" else event.target
                outer.target_text = event.source_text if relation == "ccomp" else event.target_text
            if outer.target == outer.source:
                outer.target = None
        if event.type == "REQUEST" and _answered_request(anchors[id(event)], lexicon) is not None:
            kept.append(event)  # "rejected Kenya's request": the request was made, whatever its answer
    for event in kept:
        token = anchors[id(event)]
        # "Washington alleges that Iran supplied the drones": an allegation with no object is aimed
        # at the one its clause is about, like a demand or a threat
        if event.target is None and event.type in VERBAL_ACTS | {"ACCUSE"} and id(event) not in unaimed:
            event.target, text = _complement_target(token, actors)
            event.target_text = event.target_text or text
            if event.target == event.source:
                event.target = None
    return kept


def _asked_of_another(token: Token, lexicon: EventLexicon) -> bool:
    """'rights groups urged the government to drop the charges': what one is asked to do is not done, even when
    whoever asks names no actor (so no request is coded to fold it into)."""
    if token.dep_ == "dobj":
        token = token.head  # a light verb's act is anchored on its noun: "to loosen [restrictions]"
    asker = token.head
    if token.dep_ not in {"xcomp", "ccomp", "advcl"} or not is_infinitive(token) or asker.i == token.i:
        return False
    asks = any(t.type == "REQUEST" for t in lexicon.verbs.get(asker.lemma_.lower(), []))
    # the one asked: the verb's object, or the object of "on" ("called on the ministry to act")
    called_on = any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in asker.children)
    # "renewed its call to the authorities to drop the charges": a request named by the verb's object
    by_noun = any(c.dep_ == "dobj" and any(t.type == "REQUEST" for t in lexicon.nouns.get(c.lemma_.lower(), []))
                  for c in asker.children)
    return by_noun or (asks and (told_to_act(asker) is not None or called_on))


def _complement_target(token: Token, actors: References) -> tuple[str | None, str | None]:
    """'demanded that Borduria withdraw ...' -> Borduria; 'threatened to cut trade with Ruritania' -> Ruritania."""
    for child in token.children:
        if child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and actor_in(subject, actors):
                return actor_in(subject, actors), subject.text
        if child.dep_ == "xcomp":
            objects = [g for g in child.children if g.dep_ in {"dobj", "dative"}]
            for grandchild in objects:
                if actor_in(grandchild, actors):
                    return actor_in(grandchild, actors), grandchild.text
            # "threatened to cut trade with Ruritania", "pledged to resume aid to Borduria"
            for holder in [child, *objects]:
                for prep in holder.children:
                    if prep.dep_ != "prep" or prep.lower_ not in RECIPIENT_PREPS | {"on", "into", "at"}:
                        continue
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and target_in(pobj, actors):
                            return target_in(pobj, actors), pobj.text
        # "will not sign the accord until Borduria withdraws": the refusal is aimed at the one whose act
        # it waits for
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and actor_in(subject, actors):
                return actor_in(subject, actors), subject.text
        # "threatened to quit the talks if Borduria presses on": the one the threat is aimed at
        if child.dep_ in {"xcomp", "ccomp"}:
            for clause in child.subtree:
                if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                                                  for m in clause.children):
                    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                    if subject is not None and actor_in(subject, actors):
                        return actor_in(subject, actors), subject.text
    return None, None


def _quoted_obligations(doc: Doc, quotes: Iterable[Quote], actors: References) -> dict[int, tuple[str, str | None]]:
    """'"Borduria must withdraw its troops," she said', and a quote's next sentence on its own: a
    speaker's words saying another actor must or should act are the speaker's demand of it, as when
    reported. Returns the obliged main verbs of quoted sentences (token index) with the speaker."""
    found: dict[int, tuple[str, str | None]] = {}
    for quote in quotes:
        if quote.speaker is None or not quote.direct:
            continue
        words = doc.char_span(quote.content.start, quote.content.end, alignment_mode="expand")
        for token in words or ():
            clause = token.head if token.dep_ == "xcomp" and token.head.lemma_.lower() in OBLIGATION_VERBS else token
            if clause.dep_ == "ROOT" and _obliging(clause) and not any(c.dep_ == "attr" for c in clause.children):
                # (not "it should be a priority for all of us": what something should be asks no one to act)
                found.setdefault(clause.i, (quote.speaker, quote.speaker_text))
    return found


def _obligation_of(clause: Token, speaker: str, speaker_text: str | None, actors: References,
                   sentence_of: list[int]) -> list[Event]:
    """The speaker's demand of each actor the obliged clause's subject names (not of the speaker)."""
    events = []
    for head in _obliged_parties(clause):
        target = actor_in(head, actors)
        if target is not None and target != speaker and not _same_side(speaker, target, actors):
            events.append(Event(type="REQUEST", source=speaker, target=target, source_text=speaker_text,
                                target_text=phrase_text(head),
                                trigger=Span(clause.text, clause.idx, clause.idx + len(clause.text)),
                                sentence=sentence_of[clause.i]))
    return events


def _recode_quoted_obligation(event: Event, token: Token, obliged: dict[int, tuple[str, str | None]]) -> None:
    """An act coded on a quoted obliged verb ('"Borduria must withdraw its troops"') is the speaker's
    demand that its doer do it."""
    clause = token.head if token.dep_ == "xcomp" and token.head.lemma_.lower() in OBLIGATION_VERBS else token
    if clause.i not in obliged and token.head.i in obliged and _onus_act(token):
        clause = token.head  # "it is up to Borduria to accept the truce": the accepting is only asked of it
    if clause.i not in obliged or event.source is None or event.type == "REQUEST":
        return
    speaker, speaker_text = obliged[clause.i]
    if speaker == event.source:
        return
    event.type, event.mode = "REQUEST", None
    event.target, event.target_text = event.source, event.source_text
    event.source, event.source_text = speaker, speaker_text


def _reported_clause(clause: Token) -> Token:
    """'said that talks had failed and that both sides must compromise': a clause coordinated with a
    reported one is reported by the same verb; the first of the coordinated clauses."""
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head
    return clause


def _obligations(doc: Doc, actors: References, saying: frozenset[str], coded: set[int],
                 sentence_of: list[int]) -> list[tuple[Event, Token]]:
    """'The Red Cross said US forces must ensure security': a speaker's 'X must ...' is a demand
    (REQUEST) on X, whatever the demanded act (acts that are events themselves are recoded instead)."""
    found = []
    for token in tokens_of(doc):
        reported = _reported_clause(token)
        if token.i in coded or reported.dep_ != "ccomp" or reported.head.lemma_.lower() not in saying:
            continue
        if not _obliging(token) or any(c.i in coded for c in token.children if c.dep_ == "xcomp"):
            continue
        speaker_token, parties = subject_of(reported.head), _obliged_parties(token)
        if speaker_token is None or not parties:
            continue
        speaker = actor_in(speaker_token, actors)
        for target_head in parties:
            target = actor_in(target_head, actors)
            if speaker and target and speaker != target:
                head = reported.head
                found.append((Event(type="REQUEST", source=speaker, target=target,
                                    source_text=phrase_text(speaker_token), target_text=phrase_text(target_head),
                                    trigger=Span(head.text, head.idx, head.idx + len(head.text)),
                                    sentence=sentence_of[head.i]), head))
    return found


CONCERN_PREPS = {"about", "over", "by", "at", "with", "regarding", "of"}  # "of": "critical of the junta"


def _concerns(tokens: list[Token], actors: References,
              lexicon: EventLexicon) -> list[tuple[Token, Token | None, Token]]:
    """'Germany is deeply concerned about Russia's buildup', 'the envoy said he was alarmed by reports of
    killings', 'Peru has long been critical of the junta': an actor's stated alarm at another's acts, or
    criticism of another, is disapproval (ACCUSE, PLOVER's former
    DISAPPROVE). Only when what alarms names an actor or an act the lexicon knows: 'worried about the
    economy' disapproves of no one. Returns (feeling word, the one who feels it, what it is about)."""
    found = []
    for token in tokens:
        if token.lower_ not in lexicon.concern_words or token.tag_ not in {"JJ", "VBN"}:
            continue
        cause = next((g for c in token.children if c.dep_ in {"prep", "agent"} and c.lower_ in CONCERN_PREPS
                      for g in c.children if g.dep_ == "pobj"), None)
        if cause is None:
            continue
        words = list(cause.subtree)
        if not any(actors.entity_at(t.i) and actors.type_of(actors.entity_at(t.i)) != "location" for t in words) \
                and not any(t.lemma_.lower() in lexicon.nouns or t.lemma_.lower() in lexicon.verbs for t in words):
            continue
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            found.append((token, passive, cause))
        elif token.dep_ in {"acomp", "advcl"} and token.head.pos_ in {"AUX", "VERB"}:
            # "Peru is critical of the junta"; "While critical of the junta, Peru said ...": the clause's subject
            found.append((token, subject_of(token.head), cause))
    return found


def _warnings(doc: Doc, actors: References, lexicon: EventLexicon, coded: set[int],
              sentence_of: list[int]) -> list[tuple[Event, Token]]:
    """'Moscow warned that Kyiv would pay a heavy price', 'the minister warned that anyone who helps the
    rebels could face charges', 'warned that if the raids go on, there will be no calm in the capital': a
    warning of what will or could befall someone, or of what follows a condition, is a threat (THREATEN),
    aimed at the one the warned clause is about when it names an actor. A warning of a mere forecast
    ('warned that prices could rise') names no harm and is no threat."""
    found = []
    for token in tokens_of(doc):
        if token.i in coded or token.lemma_.lower() not in lexicon.warning_verbs:
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if clause is None or not any(c.dep_ == "aux" and c.lower_ in UNREAL_AUXILIARIES for c in clause.children):
            continue
        words = list(clause.subtree)
        condition = next((t for t in words if is_condition(t)), None)
        # the regular past forms the lemmatiser gets wrong count too ("spared" -> "spar")
        harm = bool({form for t in words for form in _verb_lemmas(t)} & lexicon.warning_harms)
        if condition is None and not harm:
            continue
        speaker_token = subject_of(token)
        speaker = actor_in(speaker_token, actors) if speaker_token is not None else None
        if speaker is None:
            continue
        target_token = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        target = actor_in(target_token, actors) if target_token is not None else None
        if target is None and condition is not None:
            target_token = next((c for c in condition.children if c.dep_ == "nsubj"), None)
            target = actor_in(target_token, actors) if target_token is not None else None
        if target == speaker or _same_side(speaker, target, actors):
            # "warned that it would retaliate against the rebels": the speaker's own act, aimed at the one
            # it is against
            aimed = _aimed_in(clause, speaker, actors)
            target = actor_in(aimed, actors) if aimed is not None else None
            target_token = aimed if aimed is not None else target_token
        if target is None and (not harm or (target_token is not None and target_token.pos_ == "PRON"
                                            and target_token.tag_ == "PRP")):
            # a condition alone threatens someone only when it names them; "she could face ...", with
            # "she" standing for no one known, is a threat aimed at someone unknown
            continue
        found.append((Event(type="THREATEN", source=speaker, target=_as_coded_target(target, actors),
                            source_text=phrase_text(speaker_token),
                            target_text=phrase_text(target_token) if target is not None else None,
                            trigger=Span(token.text, token.idx, token.idx + len(token.text)),
                            sentence=sentence_of[token.i]), token))
    return found


def _aimed_in(clause: Token, speaker: str, actors: References) -> Token | None:
    """The actor a warned act of the speaker's own is against or on, other than the speaker."""
    for token in clause.subtree:
        if token.dep_ == "pobj" and token.head.lower_ in {"against", "on", "at"}:
            entity = actor_in(token, actors)
            if entity is not None and entity != speaker and not _same_side(speaker, entity, actors):
                return token
    return None


def _obliging(clause: Token) -> bool:
    """'Sudan must return ...', 'Washington needs to act', 'both sides have to compromise', 'it is up to
    Sudan to act': a clause that says what its subject (or the one the onus is put on) is obliged to do (not
    'does not need to', nor 'needs to be given')."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in clause.children):
        return True
    if _onus(clause) is not None:
        return True
    if clause.lemma_.lower() not in OBLIGATION_VERBS or any(c.dep_ in {"neg", "aux"} for c in clause.children):
        return False  # "would have to pay a price" foretells a consequence, it asks nothing
    return any(c.dep_ == "xcomp" and is_infinitive(c) and not is_passive(c) for c in clause.children)


def _onus(clause: Token) -> tuple[list[Token], Token] | None:
    """'It is up to Borduria to withdraw', 'it is now for Borduria to accept the truce': the onus put on an
    actor to act. Returns the ones it is put on and the act (the parser hangs them either as 'up to X' and an
    infinitive, or as a 'for X to' clause)."""
    if clause.lemma_.lower() != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children) \
            or any(c.dep_ == "neg" for c in clause.children):
        return None
    for act in clause.children:
        if act.dep_ == "advcl" and is_infinitive(act) and any(c.dep_ == "mark" and c.lower_ == "for"
                                                              for c in act.children):
            party = next((c for c in act.children if c.dep_ == "nsubj"), None)
            if party is not None:
                return conjuncts(party), act
    up = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "up"), None)
    to = next((c for c in up.children if c.dep_ == "prep" and c.lower_ == "to"), None) if up is not None else None
    party = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    act = next((c for c in clause.children if c.dep_ in {"xcomp", "advcl"} and is_infinitive(c)), None)
    return (conjuncts(party), act) if party is not None and act is not None else None


def _onus_act(token: Token) -> bool:
    """The act an onus is put on someone to do ("accept" in "it is up to Borduria to accept the truce")."""
    onus = _onus(token.head) if token.head.i != token.i else None
    return onus is not None and onus[1].i == token.i


def _obliged_parties(clause: Token) -> list[Token]:
    """Who an obliging clause obliges: the onus's bearers, else its subject and the subjects joined to it."""
    onus = _onus(clause)
    if onus is not None:
        return onus[0]
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return conjuncts(subject) if subject is not None else []


def _recode_obligation(event: Event, token: Token, actors: References, saying: frozenset[str]) -> None:
    """'Russia said Sudan must return the helicopter', 'said Sudan needs to return it': what a speaker
    says another actor must do is the speaker's demand (REQUEST) aimed at that actor."""
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in OBLIGATION_VERBS:
        token = token.head  # "needs to return": the clause is the verb of need
    bearer = None
    if _onus_act(token):
        # "said it was up to Borduria to free them": asked of the one the onus is on, whatever the act's subject
        token = token.head
        bearer = next((p for p in _obliged_parties(token) if actor_in(p, actors) is not None), None)
    reported = _reported_clause(token)
    if reported.dep_ != "ccomp" or reported.head.lemma_.lower() not in saying or not _obliging(token):
        return
    speaker_token = subject_of(reported.head)
    speaker = actor_in(speaker_token, actors) if speaker_token is not None else None
    if speaker is None or speaker == event.source:
        return
    head = reported.head
    event.type, event.mode = "REQUEST", None
    if bearer is not None:
        event.target, event.target_text = actor_in(bearer, actors), phrase_text(bearer)
    else:
        event.target, event.target_text = event.source, event.source_text
    event.source, event.source_text = speaker, phrase_text(speaker_token)
    event.trigger = Span(head.text, head.idx, head.idx + len(head.text))


def _official_protest(event: Event, token: Token, actors: References) -> None:
    """A state or its officials 'protesting' a decision is an official complaint (ACCUSE in PLOVER),
    not collective dissent."""
    source = actors.entity(event.source)
    subject = subject_of(token)
    people = subject is not None and (subject.ent_type_ in {"NORP", "CARDINAL"} or subject.tag_ == "NNS")
    if event.type == "PROTEST" and token.lemma_.lower() == "protest" and source is not None and not people \
            and source.type in {"country", "government_body", "international_organization"}:
        event.type, event.mode = "ACCUSE", None  # "Colombia protested", not "Hundreds of Venezuelans protested"


def _words_as_weapons(event: Event, token: Token, actors: References) -> None:
    """'the president attacked the newspaper over its report': attacking a news outlet by name is
    criticism (ACCUSE), not force; an attack on its offices or its reporters stays an assault."""
    if event.type != "ASSAULT" or token.pos_ != "VERB" or token.lemma_.lower() != "attack" or is_passive(token):
        return
    named = next((c for c in token.children if c.dep_ == "dobj"), None)
    if named is None:
        return
    # the outlet by its name, or by its name and its kind ("the Daily Planet newspaper")
    outlet = [named, *(c for c in named.children if c.dep_ == "compound")] \
        if named.lemma_.lower() in OUTLET_NOUNS else [named]
    if any(actors.type_of(actors.entity_at(t.i)) == "media" for t in outlet):
        event.type, event.mode = "ACCUSE", None


def _leaving_a_body(event: Event, token: Token, actors: References) -> None:
    """'Ruritania withdrew from the regional bloc', 'pulled out of the alliance': withdrawing, with no
    forces named, from an international organization one belongs to reduces relations with it (PLOVER
    SANCTION); withdrawing troops from it, or from a place, stays a retreat."""
    if event.type != "RETREAT" or event.mode != "withdraw" or any(c.dep_ == "dobj" for c in token.children):
        return
    if actors.type_of(event.target) == "international_organization":
        event.type = "SANCTION"


def _left_a_post(event: Event, actors: References) -> bool:
    """'Ruiz, who quit the bloc's commission last year, now teaches law': a person leaving a body they
    served in changes jobs, no relations between actors (a state leaving a bloc stays a sanction)."""
    return event.mode == "withdraw" and event.type in {"RETREAT", "SANCTION"} \
        and actors.type_of(event.source) == "person" and actors.type_of(event.target) == "international_organization"


def _punished_for(event: Event, token: Token) -> Event | None:
    """'Ruritania sanctioned the minister for rigging the vote', 'was sanctioned for its role in
    the raids': a sanction imposed for a stated wrong accuses its target of that wrong as well (ACCUSE,
    the same parties); not 'for two years' or 'for the first time'."""
    if event.type != "SANCTION" or event.target is None or token.pos_ != "VERB":
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
        reason = next((g for g in prep.children if g.dep_ in {"pcomp", "pobj"}), None)
        if reason is None or names_a_time(reason) or reason.like_num:
            continue
        if reason.tag_ == "VBG" or reason.lemma_.lower() in WRONG_NOUNS:
            return replace(event, type="ACCUSE", mode="allege")
    return None


def _ultimatum(event: Event, token: Token, lexicon: EventLexicon) -> Event | None:
    """'Ruritania urged Borduria to pull back or face new tariffs', 'told them to leave or pay the
    price': a demand whose alternative is a harm to the one asked is an ultimatum, a demand and a threat
    at once (PLOVER codes ultimatums as threats); not 'urged them to talk or write', an alternative that
    harms no one. Returns the threat, the same parties as the demand."""
    if event.type != "REQUEST":
        return None
    for asked in (c for c in token.children if c.dep_ in {"xcomp", "ccomp"}):
        alternatives = [c for c in asked.children if c.dep_ == "conj"]
        if any(c.dep_ == "cc" and c.lower_ == "or" for c in asked.children) and any(
                set(_verb_lemmas(alt)) & (lexicon.warning_harms | {"risk"}) for alt in alternatives):
            return replace(event, type="THREATEN", mode=None)
    return None


def _recode_intent(event: Event, token: Token, actors: References) -> None:
    """PLOVER codes an intention, not the act: 'X will provide aid' is AGREE, 'X will withdraw its
    troops unless ...' is THREATEN; a refused or failed cooperation ('will not accept', 'failed to
    reach agreement') is REJECT."""
    refused = token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSING_HEADS
    # "said it would not seek to open talks", "does not plan to resume aid": an intention denied
    refused = refused or (token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children)
                          and token.head.lemma_.lower() in INTENT_HEADS | {"seek", "want", "intend"})
    if (event.negated or refused) and event.type in COOPERATIVE | {"AGREE"}:
        event.type, event.mode, event.negated = "REJECT", None, False
        if event.target is None:  # "will not sign the accord until Borduria withdraws"
            event.target, event.target_text = _complement_target(token, actors)
        return
    intent = any(c.dep_ == "aux" and c.lower_ in INTENT_AUXILIARIES for c in token.children)
    # "they said they would boycott ...": reported future is an announced intention
    if token.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "would" for c in token.children):
        intent = True
    if token.dep_ == "xcomp" and (token.head.lemma_.lower() in INTENT_HEADS or token.head.lower_ in INTENT_HEADS):
        intent = True
    if event.type == "ASSAULT" and _being_readied(token):
        event.type, event.mode = "MOBILIZE", None  # "the army prepared to resume shelling the valley"
        return
    if not intent:
        return
    conditional = any(t.lower_ == "unless" for t in token.subtree)
    if event.type in CONFLICTUAL or (conditional and event.type not in VERBAL_ACTS):
        event.type, event.mode = "THREATEN", None
    elif event.type in COOPERATIVE:
        event.type, event.mode = "AGREE", None


PREPARING_HEADS = {"prepare", "ready", "poised", "gear"}


def _being_readied(token: Token) -> bool:
    """'the army prepared to resume shelling', 'troops were poised to storm the town': force made ready
    but not yet used is a military move (MOBILIZE), not an attack nor a threat."""
    node = token
    for _ in range(2):
        if node.dep_ not in {"xcomp", "advcl"} or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in PREPARING_HEADS or node.lower_ in PREPARING_HEADS:
            return True
    return False


def _in_condition(token: Token) -> bool:
    """'... if Ruritania attacks the port', 'unless the rebels withdraw', 'whether they agree or not': an
    act stated as a condition has not happened; the clause it conditions (a threat, a warning) is the
    event. The conditional conjunctions are the claims' own (ontology/hedges.yaml)."""
    node = token
    for _ in range(6):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in hedge_cues().conditionals
                                        for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# --- triggers -----------------------------------------------------------------------------------


def _has_particle(verb: Token, particle: str | None) -> bool:
    if particle is None:
        return True
    words = particle.split()
    children = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep", "advmod", "dobj"}]
    # "handed over 150 prisoners": the parser may read the particle right after the verb as "more than"
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is not None and following.dep_ == "quantmod" and following.head.head.head == verb:
        children.append(following.lower_)
    return all(word in children for word in words)


RESPONSES = {"REJECT", "ACCUSE", "PROTEST", "SUPPORT", "CONCEDE"}
DEFINITE = {"the", "this", "that", "these", "those"}


def _aim_at_earlier_acts(ordered: list[Event], anchors: dict[int, Token], lexicon: EventLexicon,
                         actors: References) -> None:
    """'Borduria imposed tariffs on steel. Ruritania rejected the move.': a response aimed at an act
    the text has just reported ("the move", "the decision", "the strikes") is aimed at whoever did it,
    the doer of the last such act reported before it by someone else. `ordered`: in reading order."""
    mentions: dict[str, list[Token]] | None = None  # the nouns of the text by lemma, made when first asked
    for event in ordered:
        if event.target is not None or event.source is None or event.type not in RESPONSES | {"REQUEST"}:
            continue
        trigger = anchors[id(event)]
        act = next((c for c in trigger.children if c.dep_ == "dobj"), None) or next(
            (g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
             if g.dep_ == "pobj"), None)
        if act is not None and event.type == "REQUEST":
            # "demanded an end to the attacks", "called for a halt of the raids": asked of their doer
            act = next((g for c in act.children if c.dep_ == "prep" and c.lower_ in {"to", "of", "in"}
                        for g in c.children if g.dep_ == "pobj"), None)
        lemma = act.lemma_.lower() if act is not None else ""
        answered = lemma in lexicon.answered_acts or lemma in lexicon.nouns or lemma in lexicon.patient_nouns
        # "the strikes", and "Ruiz's arrest": an act already known
        if act is None or not answered or not any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss"
                                                  for c in act.children):
            continue
        # not an act of the responder's own side ("Taipei condemned the drills" after Taiwan's coast
        # guard shadowed the ships is aimed at whoever held the drills)
        earlier = [e for e in ordered if e.trigger.start < event.trigger.start and e.source is not None
                   and (not _compatriots(event.source, e.source, actors) or e.target == event.source)]
        # (an act aimed at the responder is never their own side's: "a court issued a warrant for the
        # opposition leader ... he rejected the warrant")
        kinds = {t.type for t in lexicon.nouns.get(lemma, [])}
        # "the drills" points back to an act named with the same word first ("began drills"), then an
        # act the lexicon knows ("the strikes") to an act of its kind; "the move" to an act, not to
        # another's response to one
        named = [e for e in earlier if lemma in e.trigger.text.lower()]
        kin = [e for e in earlier if e.type in kinds]
        acts = [e for e in earlier if e.type not in RESPONSES]
        if kinds and kinds <= RESPONSES:
            # "rejected the accusations" answers an accusation made against the one who rejects, or one
            # the text did not report; never another's accusation of someone else, nor an act of
            # another kind ("the accusations" after a withdrawal was reported are not the withdrawal's)
            kin = [e for e in kin if e.target is not None and _one_side(e.target, event.source, actors)]
            named, acts = [e for e in named if e in kin], []
        if not named and act.tag_ in {"NNS", "NNPS"}:
            # "Borduria began naval drills on Monday. ... Ruritania condemned the drills.": a definite
            # plural repeats the word that named the act, and points back to whoever the text reported
            # doing it, not to another act of the same kind ("Ruritania sent ships to watch them")
            if mentions is None:
                mentions = {}
                for token in tokens_of(act.doc):
                    if token.pos_ == "NOUN":
                        mentions.setdefault(token.lemma_.lower(), []).append(token)
            doer = _doer_of_mention(act, mentions.get(lemma, []), event.source, actors)
            if doer is not None:
                event.target = doer
                continue
        antecedent = (named or kin or acts or [None])[-1]
        if antecedent is not None and antecedent.source is not None:
            event.target = antecedent.source


MENTION_PREPS = {"in", "during", "of"}  # "held talks during the drills", "two days of exercises"


def _doer_of_mention(act: Token, mentions: list[Token], responder: str, actors: References) -> str | None:
    """The doer of the last earlier mention of the same noun: the subject of the clause it is the object of
    ("China began drills" or "took part in drills"), through a count of it ("two days of exercises"),
    or its possessor ("Borduria's drills"); none of the responder's own side. `mentions`: the nouns of the
    text with the act's lemma, in reading order."""
    start = act.sent.start
    for mention in reversed([m for m in mentions if m.i < start]):
        owner = next((c for c in mention.children if c.dep_ == "poss"), None)
        noun = mention
        while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ in MENTION_PREPS and noun.head.head.pos_ == "VERB":
            noun = noun.head
        if owner is None and noun.dep_ in {"dobj", "prep"} and noun.head.pos_ == "VERB" \
                and not is_passive(noun.head):
            owner = subject_of(noun.head)
        doer = actor_in(owner, actors) if owner is not None else None
        if doer is not None and not _compatriots(responder, doer, actors):
            return doer
    return None


# What one says to the partner of a meeting or a call in the same breath is said to that partner
SAID_TO_PARTNER = {"REQUEST", "AGREE", "SUPPORT"}


def _aim_at_partner_met(events: list[Event], anchors: dict[int, Token]) -> None:
    """'Ruritania's envoy spoke by phone with Borduria's president and called for a ceasefire', 'met the
    Borduran minister, urging restraint': a request, a promise or backing aimed at no actor, coordinated
    with a meeting or a call of the same doer, is addressed to the one met."""
    consults = {anchors[id(e)].i: e for e in events if e.type == "CONSULT" and e.target is not None}
    for event in events:
        if event.type not in SAID_TO_PARTNER or event.target is not None or event.source is None:
            continue
        token = anchors[id(event)]
        linked = [token.head] if token.dep_ in {"conj", "advcl"} else []
        linked += [c for c in token.children if c.dep_ == "conj"]
        partner = next((consults[t.i] for t in linked if t.i in consults and consults[t.i].source == event.source),
                       None)
        if partner is not None:
            event.target, event.target_text = partner.target, partner.target_text


def _aim_releases(ordered: list[Event], anchors: dict[int, Token], actors: References,
                  lexicon: EventLexicon) -> None:
    """'called for Ruiz's release', 'demanded the release of Ruiz from Borduran custody': a release is
    asked of whoever holds the captive (the custody named, or the last one the text reported detaining
    them), never of the captive. `ordered`: in reading order."""
    for event in ordered:
        if event.type != "REQUEST" or event.target is None:
            continue
        trigger = anchors[id(event)]
        asked = [c for c in trigger.children if c.dep_ == "dobj"] + [
            g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
            if g.dep_ == "pobj"]
        release = next((n for n in asked if n.lemma_.lower() in lexicon.release_nouns), None)
        if release is None:
            continue
        captives = [c for c in release.children if c.dep_ == "poss"] + [
            g for c in release.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj"]
        if not any(actor_in(c, actors) == event.target for c in captives):
            continue
        custody = object_of(release, frozenset({"from"}))
        holder = actor_in(custody, actors) if custody is not None else None
        if holder is None:
            holder = next((e.source for e in reversed(ordered) if e.trigger.start < event.trigger.start
                           and e.type == "COERCE" and e.target == event.target and e.source is not None), None)
        event.target = holder
        event.target_text = None if holder is None else event.target_text


def _aim_denials(ordered: list[Event], anchors: dict[int, Token], actors: References) -> None:
    """'Borduria accused Ruritania of arming the rebels. Ruritania denied any role.': a denial that names
    no one is aimed at whoever the text last reported accusing the one who denies. `ordered`: in reading
    order."""
    for event in ordered:
        if event.type != "REJECT" or event.target is not None or event.source is None \
                or anchors[id(event)].lemma_.lower() != "deny":
            continue
        accusers = [e.source for e in ordered if e.trigger.start < event.trigger.start and e.type == "ACCUSE"
                    and e.source is not None and e.target is not None
                    and _compatriots(e.target, event.source, actors)
                    and not _compatriots(e.source, event.source, actors)]
        if accusers:
            event.target = accusers[-1]


def _object_controller(verb: Token, actors: References) -> Token | None:
    """'The pact required the militia to withdraw': the infinitive's doer is the object of the verb it
    completes, when that object is an actor ('used drones to strike' leaves the strike to the subject)."""
    if verb.dep_ != "xcomp" or not is_infinitive(verb):
        return None
    told = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return told if told is not None and actor_in(told, actors) else None


def _judged(verb: Token, complements: frozenset[str]) -> Token | None:
    """'held the ministry responsible': the object an adjective of the list is predicated of. The parser
    hangs the adjective on the verb or on the object, or makes the object its subject."""
    for complement in verb.children:
        # "pleaded not guilty": a negated complement is listed with its 'not' ("held it not responsible"
        # holds no one responsible)
        said = ("not " if any(c.dep_ == "neg" for c in complement.children) else "") + complement.lemma_.lower()
        if said in complements and complement.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}:
            # with no one held so, what the complement is said of ("pleaded not guilty to the charges")
            return next((c for c in verb.children if c.dep_ == "dobj"), None) or next(
                (c for c in complement.children if c.dep_ == "nsubj"), None) or (
                object_of(complement, frozenset({"to", "of"})) or complement if said.startswith("not ") else None)
    for held in (c for c in verb.children if c.dep_ == "dobj"):
        if any(c.lemma_.lower() in complements and c.dep_ in {"amod", "oprd", "acl"} and c.i > held.i
               for c in held.children):
            return held
        # "declared Ruritania in breach of its obligations": the state the object is found in; "sent the
        # reporter to prison", "ordered him back to jail": the place the object is put in
        holders = [verb, held, *(c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "back")]
        if any(c.dep_ == "prep" and c.lower_ in PLACING_PREPS and any(
                g.dep_ == "pobj" and g.lemma_.lower() in complements for g in c.children)
               for holder in holders for c in holder.children):
            return held
    return None


def _prep_present(head: Token, preps: frozenset[str]) -> bool:
    """One of the prepositions hangs on the word (or its object), and not only as a date: 'called on
    Saturday' is no 'call on'."""
    holders = [head, *[c for c in head.children if c.dep_ in {"dobj", "prt"}]]
    return any(c.dep_ in {"prep", "dative"} and c.lower_ in preps and not _only_a_date(c)
               for h in holders for c in h.children) or for_clause_subject(head, preps) is not None


def _only_a_date(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(names_a_time(o) for o in objects)


def _choose(head: Token, triggers: list[Trigger]) -> Trigger | None:
    """A trigger listed with prepositions applies only when one of them hangs on the word; then it
    wins over the plain entry of the same word, which applies alone."""
    # the children are looked at only when an entry cares (each look makes a Token per child)
    if any(t.intransitive for t in triggers) and any(c.dep_ == "dobj" for c in head.children):
        triggers = [t for t in triggers if not t.intransitive]
    triggers = [t for t in triggers if not (t.directive and told_to_act(head) is None)
                and not (t.infinitive and not any(c.dep_ == "xcomp" and is_infinitive(c) for c in head.children))
                and not (t.complements and _judged(head, t.complements) is None)]
    with_prep = [t for t in triggers if t.preps and _prep_present(head, t.preps)]
    plain = [t for t in triggers if not t.preps]
    return (with_prep or plain or [None])[0]


def _verb_trigger(verb: Token, lexicon: EventLexicon) -> Trigger | None:
    lemma = verb.lemma_.lower()
    candidates = [t for t in lexicon.verbs.get(lemma, []) if _has_particle(verb, t.particle)]
    # the phrasal form wins over the bare verb ("crack down on" over "crack"); a verb blocked for a
    # type blocks only its bare form ("call" may be no event while "call for" is a request)
    phrasal = [t for t in candidates if t.particle]
    bare = [t for t in candidates if not t.particle and lemma not in lexicon.not_triggers.get(t.type, ())]
    if any(c.dep_ == "prt" for c in verb.children):
        # "called off the strike", "backed down": a particle the lexicon does not list with the verb
        # makes another verb, not the bare one
        bare = []
    return _choose(verb, phrasal) or _choose(verb, bare)


def _verb_lemmas(verb: Token) -> list[str]:
    """The lemma, and for a regular past form the lemmatiser got wrong ('staged' -> 'stag'), the
    form without its ending."""
    forms = [verb.lemma_.lower()]
    if verb.tag_ in {"VBD", "VBN"} and verb.lower_.endswith("ed"):
        forms += [verb.lower_[:-1], verb.lower_[:-2]]
    return forms


def _light_verb_trigger(verb: Token, lexicon: EventLexicon,
                        lemmas: list[str] | None = None) -> tuple[Trigger, Token] | None:
    """The light-verb pair of this verb; with `lemmas`, the pair this verb's object would make with
    those verbs instead (a receiving verb read as the giving verb it mirrors)."""
    forms = lemmas if lemmas is not None else _verb_lemmas(verb)
    triggers = next((lexicon.light_verbs[f] for f in forms if f in lexicon.light_verbs), [])
    if not triggers:
        return None
    particle = any(c.dep_ == "prt" for c in verb.children)
    nouns = [(child, {child.lemma_.lower()} | _nouns_within(child)) for child in _light_objects(verb)]
    matches = []
    for trigger in triggers:
        if not _has_particle(verb, trigger.particle) or (particle and not trigger.particle):
            continue  # "called off the strike" is not calling one
        for child, lemmas in nouns:
            if lemmas & trigger.objects and not _other_kind(child, trigger, lexicon):
                matches.append((trigger, child))
    # "held drills near the border" (a show of force) is not "held drills with the navy" (a joint
    # exercise): of the pairs the words allow, one whose preposition is there wins, like a plain verb's
    with_prep = [(t, noun) for t, noun in matches
                 if t.preps and (_prep_present(verb, t.preps) or _prep_present(noun, t.preps))]
    return (with_prep or matches or [None])[0]


def _nouns_within(child: Token) -> set[str]:
    """'suspended aid deliveries', 'provide 25,000 tons of food aid', 'suspended part of its aid programme':
    the event noun may be the compound before the head, what a quantity or a part is 'of' (or that noun's
    compound), or what an amount is 'in'."""
    compounds = {c.lemma_.lower() for c in child.children if c.dep_ == "compound"}
    partitive = [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"] + _amount_in(child)
    compounds |= {g.lemma_.lower() for g in partitive}
    compounds |= {c.lemma_.lower() for g in partitive for c in g.children if c.dep_ == "compound"}
    return compounds


def _amount_in(amount: Token) -> list[Token]:
    """'gave Borduria $60 million in military aid', 'provided 500 million yen in aid': an amount stands
    for the kind of help it is 'in' (on the amount or on its verb); nothing when the object is no amount
    ('sent troops in trucks')."""
    if not (amount.tag_ == "CD" or amount.like_num
            or any(c.dep_ in {"nummod", "quantmod"} or c.tag_ == "CD" for c in amount.children)):
        return []
    preps = [c for holder in (amount, amount.head) for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _light_objects(verb: Token) -> list[Token]:
    """The nouns a light verb acts on: its object, the subject of its passive, the noun its participle
    qualifies, and the noun a relative clause of it describes when that noun is what the clause's doer
    acted on ("the sanctions Ruritania
    imposed on Borduria", "the talks that Ruritania held with Borduria"; not "the sanctions that hit
    Borduria", where the noun is the clause's own subject)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "relcl" and verb.head.pos_ == "NOUN" and _clause_object_is_head(verb):
        objects.append(verb.head)
    if _participle_doer(verb) is not None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "the sanctions imposed by Ruritania on Borduria", "the truce brokered by Ruritania between ...":
        # a participle with its doer named, qualifying the noun it acts on
        objects.append(verb.head)
    return objects


def _clause_object_is_head(verb: Token) -> bool:
    """A relative clause whose own subject is a named doer (not a pronoun) and whose object slot is empty
    or a relative pronoun: the noun it hangs on fills that slot."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ in {"WDT", "WP"} or subject.lower_ == "that" or subject.pos_ == "PRON":
        return False  # a pronoun inside a noun phrase too often points elsewhere ("the attacks it carried out")
    return all(c.tag_ in {"WDT", "WP"} or c.lower_ == "that" for c in verb.children if c.dep_ == "dobj")


def _arrival(verb: Token, lexicon: EventLexicon,
             actors: References) -> tuple[Trigger, Token, Token | None] | None:
    """'Ruritanian troops arrived in Borduria', 'Ruritanian military instructors landed in Borduria': forces
    or helpers of an actor arriving somewhere were sent there by that actor, so the sending verb's pair
    with the subject as its object decides the type (a move of forces, or aid). The place is the target.
    Returns (trigger, the forces, the place) when the forces name their actor ('the troops arrived' names
    none)."""
    if verb.lemma_.lower() not in lexicon.arrival_verbs or any(c.dep_ == "neg" for c in verb.children):
        return None
    forces = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if forces is None or actor_in(forces, actors) is None:
        return None
    kinds = {forces.lemma_.lower()} | {c.lemma_.lower() for c in forces.children if c.dep_ == "compound"}
    for trigger in lexicon.light_verbs.get("send", []):
        if not trigger.particle and kinds & trigger.objects:
            place = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "to", "at"}
                          for g in c.children if g.dep_ == "pobj"), None)
            return trigger, forces, place
    return None


def _backing_gained(verb: Token, lexicon: EventLexicon, actors: References) -> tuple[Token, Token] | None:
    """'The plan has the backing of Borduria', 'her cause has won broad support in Ruritania': backing
    gained by the subject is given by the actor named after of/from/in (on the noun or the verb). Returns
    (the backing noun, the backer); not for support received from an actor as aid ('received support
    from X' is read as X providing it), nor 'has the support of the people' (no actor)."""
    if verb.lemma_.lower() not in lexicon.gaining_verbs:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lexicon.backing_nouns), None)
    if noun is None:
        return None
    preps = {"of", "in"} if verb.lemma_.lower() in lexicon.receiving_verbs else {"of", "from", "in"}
    backer = object_of(noun, frozenset(preps)) or object_of(verb, frozenset(preps))
    if backer is None or actor_in(backer, actors) is None or names_a_time(backer):
        return None
    return noun, backer


def _received(verb: Token, lexicon: EventLexicon,
              actors: References) -> tuple[Trigger, Token, Token] | None:
    """'Borduria received drones from Ruritania': what one actor receives from another is what the
    giver gave it, so the giving verb's pair is read with giver and receiver swapped. Returns (trigger,
    object noun, giver); only when the giver is an actor ('received drones from a depot' gives none)."""
    giving = lexicon.receiving_verbs.get(verb.lemma_.lower())
    if giving is None or any(c.dep_ == "prt" for c in verb.children):
        return None
    found = _light_verb_trigger(verb, lexicon, [giving])
    if found is None:
        return None
    giver = object_of(verb, frozenset({"from"})) or object_of(found[1], frozenset({"from"}))
    if giver is None:
        # "accepted Borduran loans", "received Ruritania's aid": the giver named on what is received
        giver = next((c for noun in (found[1], *_amount_in(found[1])) for c in noun.children
                      if c.dep_ in {"amod", "compound", "nmod", "poss"} and actors.entity_at(c.i) is not None), None)
    if giver is None or actor_in(giver, actors) is None:
        return None
    receiver = subject_of(verb)
    if receiver is not None and actor_in(receiver, actors) == actor_in(giver, actors):
        return None
    return found[0], found[1], giver


def _other_kind(noun: Token, trigger: Trigger, lexicon: EventLexicon) -> bool:
    """'resumed their hunger strike': a compound the lexicon lists as another type's event (a protest)
    is that event, whatever its head would be on its own."""
    lemma = noun.lemma_.lower()
    phrases = [lexicon.noun_phrases.get(f"{c.lemma_.lower()} {lemma}", [])
               for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    return any(phrase and all(t.type != trigger.type for t in phrase) for phrase in phrases)


def _noun_trigger(noun: Token, lexicon: EventLexicon) -> tuple[Trigger, Token] | None:
    """A nominal trigger: a listed two-word phrase ("assassination attempt") or a listed noun."""
    lemma = noun.lemma_.lower()
    for modifier in (c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i):
        trigger = _choose(noun, lexicon.noun_phrases.get(f"{modifier.lemma_.lower()} {lemma}", []))
        if trigger:
            return trigger, modifier
    trigger = _choose(noun, lexicon.nouns.get(lemma, []))
    return (trigger, noun) if trigger else None


def _handover(noun: Token, lexicon: EventLexicon,
              actors: References) -> tuple[Trigger, Token, Token] | None:
    """'Ruritania's transfer of drones to Borduria', 'Ruritanian arms sales to Borduria', 'the deployment
    of Ruritanian troops to Borduria': a noun of handing over or sending is its verb's light-verb pair
    with what is handed over (the 'of' object or the compound), so the material decides the type (aid,
    or a move of forces; not 'the transfer of power'). The doer is the possessor or the name before the
    noun, else the owner of the forces sent; the recipient follows 'to'. Returns (trigger, doer, recipient)."""
    verb = lexicon.handover_nouns.get(noun.lemma_.lower())
    if verb is None:
        return None
    materials = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            materials += [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
    for trigger in lexicon.light_verbs.get(verb, []):
        if trigger.particle or "to" not in trigger.preps:
            continue
        material = next((m for m in materials if m.lemma_.lower() in trigger.objects), None)
        if material is None:
            continue
        recipient = _recipient_after(noun, materials)
        doer = _noun_source(noun) or (material if actor_in(material, actors) is not None else None)
        if recipient is None or doer is None or actor_in(recipient, actors) is None:
            return None
        return trigger, doer, recipient
    return None


def _recipient_after(noun: Token, materials: list[Token]) -> Token | None:
    """The object of the 'to' on the noun or on what is handed over, or of a 'to' right after the noun
    phrase that the parser hung on the verb above ('condemned the arms sales to Borduria')."""
    for holder in (noun, *materials):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                return next((g for g in prep.children if g.dep_ == "pobj"), None)
    after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    if after is not None and after.lower_ == "to" and after.dep_ == "prep":
        return next((g for g in after.children if g.dep_ == "pobj"), None)
    return None


def _answered_request(noun: Token, lexicon: EventLexicon) -> tuple[Token, Token] | None:
    """'the judge rejected Kenya's request to delay the hearing', 'the junta defied calls by the Council
    to free the prisoners': a request someone rejects, defies or grants was made to that someone; its
    maker (possessor, 'by' phrase or the name before it) asks (REQUEST) the one who answers.
    Returns (maker, answerer)."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in lexicon.answering_verbs:
        return None
    if not any(t.type == "REQUEST" for t in lexicon.nouns.get(noun.lemma_.lower(), [])):
        return None
    maker = _noun_source(noun) or next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "including"
         for b in c.children if b.dep_ in {"agent", "prep"} and b.lower_ == "by"
         for g in b.children if g.dep_ == "pobj"), None)  # "calls, including by the Council, to ..."
    answerer = subject_of(noun.head)
    return (maker, answerer) if maker is not None and answerer is not None else None


def _mutual_parties(noun: Token, trigger: Trigger, actors: References) -> tuple[Token, Token] | None:
    """'talks between Ruritania and Borduria', 'clashes between the militia and the army': an act two
    parties do to each other, named as a noun with both after 'between', is each one's act on the other.
    Only for talks and fighting: an agreement or a cooperation between two is often a standing tie ('the
    treaty between A and B allows ...'), and 'the war between A and B' is their opposition, not one act."""
    if trigger.type not in {"CONSULT", "ASSAULT"} or noun.lemma_.lower() in STANDING_CONFLICTS:
        return None
    between = object_of(noun, frozenset({"between"}))
    if between is None:
        return None
    parties = [t for t in conjuncts(between) if actor_in(t, actors) is not None]
    if len(parties) != 2 or actor_in(parties[0], actors) == actor_in(parties[1], actors):
        return None
    return parties[0], parties[1]


def _is_joint(noun: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ == "joint" for c in noun.children)


def _joint_parties(noun: Token, actors: References) -> tuple[Token, Token] | None:
    """'a joint operation by American and Iraqi forces', 'U.S. and Iraqi forces killed him in a joint
    operation', 'Russian and Chinese warships held joint exercises': a joint effort is each partner's
    cooperation with the other, the partners named together as the effort's modifiers, its 'by' agent, or the
    subject of the clause it belongs to."""
    if not _is_joint(noun):
        return None
    holders = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.lower_ != "joint"]
    holders += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
                if g.dep_ == "pobj"]
    clause = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ in {"pobj", "dobj"} and clause.pos_ in {"VERB", "AUX"}:
        subject = subject_of(clause)
        holders += [subject] if subject is not None else []
    for holder in holders:
        named = [t for head in conjuncts(holder) for t in [head, *(c for c in head.children
                 if c.dep_ in {"amod", "compound", "nmod"})] for t in conjuncts(t)]
        parties: dict[str, Token] = {}
        for token in named:
            actor = actor_in(token, actors)
            if actor is not None and actor not in parties:
                parties[actor] = token
        if len(parties) >= 2:
            first, second = list(parties.values())[:2]
            return first, second
    return None


def _participant(noun: Token, trigger: Trigger) -> Token | None:
    """'Ruiz will travel to Quito for talks with Borduria', 'the envoy said the deal was reached
    during talks with the rebels': who takes part in talks, a meeting or a joint effort named in an
    adverbial phrase is the subject of the clause the phrase belongs to."""
    # "Ruiz, on a visit to Quito, said ...": only a visit or a call is something one is "on"
    on_a_visit = trigger.type == "CONSULT" and noun.dep_ == "pobj" and noun.head.lower_ == "on"
    if not on_a_visit and (trigger.type not in MUTUAL_TYPES or noun.dep_ != "pobj"
                           or noun.head.lower_ not in PARTAKING_PREPS):
        return None
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    return subject_of(verb)


def _purpose_doer(noun: Token, lexicon: EventLexicon) -> Token | None:
    """'Crowds marched in protest against the raids', 'churches held prayers in support of the
    refugees': an act named in an 'in <noun> of/against' phrase is done by whoever does the clause."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in" or noun.lemma_.lower() not in lexicon.purpose_nouns:
        return None
    verb = noun.head.head
    for _ in range(4):  # the parser may hang the phrase on a place: "gathered outside the embassy in protest"
        if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"pobj", "prep", "dobj"}:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = subject_of(verb)
    return _doer_behind(subject, lexicon) if subject is not None else None


def _performer(noun: Token, lexicon: EventLexicon) -> Token | None:
    """'prosecutors ordered the arrest of the mayor': the subject of a verb that performs the act its
    object names is the act's doer."""
    if noun.dep_ != "dobj":
        return None
    lemmas = _verb_lemmas(noun.head)
    particles = [c.lower_ for c in noun.head.children if c.dep_ == "prt"]
    forms = [f"{lemma} {particle}" for lemma in lemmas for particle in particles]
    if not lexicon.performing_verbs & {*lemmas, *forms}:
        return None
    return subject_of(noun.head)


def _claimant(noun: Token) -> Token | None:
    """'the Front claimed responsibility for the bombing' (the Front bombed), 'Kyiv blamed Moscow for
    the strike' (Moscow struck): the one who owns or is charged with an act is its doer."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    holder = noun.head.head
    if holder.lemma_.lower() in RESPONSIBILITY_NOUNS and holder.dep_ == "dobj" \
            and holder.head.lemma_.lower() in CLAIMING_VERBS:
        return subject_of(holder.head)
    if holder.pos_ == "VERB" and holder.lemma_.lower() in BLAMING_VERBS:
        return next((c for c in holder.children if c.dep_ == "dobj"), None)
    return None


def _forces_owner(noun: Token, lexicon: EventLexicon) -> Token | None:
    """'the withdrawal of Ruritania's troops from Zenda', 'the deployment of Borduran and allied forces': the
    forces an act moves are its doer's own, so whoever owns them (possessor, demonym or name before them)
    does it."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for forces in prep.children:
            if forces.dep_ == "pobj" and forces.lemma_.lower() in lexicon.force_nouns:
                return next((c for c in forces.children if c.dep_ == "poss" or (
                    c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN") or (
                    c.dep_ == "amod" and c.ent_type_ == "NORP")), None)
    return None


def _noun_source(noun: Token) -> Token | None:
    """The doer of a nominal event: possessor, actor compound, 'by X', 'linked to X', or whoever
    claims it or is blamed for it."""
    claimed = _claimant(noun)
    if claimed is not None:
        return claimed
    for child in noun.children:
        if child.dep_ in {"poss", "nsubj"}:  # "with Baqaei warning of ...": the parser's subject of a noun
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.lemma_.lower() in SOURCE_LINKS:
            for prep in child.children:
                if prep.dep_ in {"prep", "agent"} and prep.lower_ in {"to", "by", "with"}:
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
    for child in noun.children:
        # "U.S. sanctions"; "U.S. and U.N. sanctions", where the parser makes the first name an nmod
        if child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN":
            return child
    for child in noun.children:
        if child.dep_ == "amod" and child.ent_type_ == "NORP":
            return child  # "Palestinian riots against ...": the demonym names who riots
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            # "Ruritanian drone strikes", "US drone attacks": the name before the weapon's noun
            named = next((g for g in child.children if (g.dep_ == "compound" and g.pos_ == "PROPN")
                          or (g.dep_ == "amod" and g.ent_type_ == "NORP")), None)
            if named is not None:
                return named
    return None


# --- coding -------------------------------------------------------------------------------------


def _code(trigger_token: Token, trigger: Trigger, actors: References, source: Token | None, target: Token | None,
          sentence_of: list[int], lexicon: EventLexicon, quantity_of: Token | None = None,
          trigger_tokens: list[Token] | None = None, group_nouns: frozenset[str] = frozenset(),
          unknown_doer: bool = False) -> list[Event]:
    if source is None and not unknown_doer:
        return []
    tokens = sorted(trigger_tokens or [trigger_token], key=lambda t: t.i)
    doc = trigger_token.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if tokens[-1].i - tokens[0].i > 4:
        start, end = trigger_token.idx, trigger_token.idx + len(trigger_token.text)
    span = Span(text_of(doc)[start:end], start, end)
    # "will no longer recognize the council": 'no' negates the adverb of time, and with it the act
    negated = any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"longer", "more"}
                                      and any(n.dep_ == "neg" for n in c.children))
                  for c in trigger_token.children)
    mode = trigger.mode or _mode(trigger_token, trigger.type, lexicon)
    quantity = _quantity(quantity_of) if quantity_of is not None else None
    place_id, place_text = _place_of(trigger_token, actors)
    events = []
    if source is not None:
        source = _doer_behind(source, lexicon)
        if _doerless_act(source, actors, lexicon) and actor_in(source, actors) is not None:
            # "the bombing of a French base killed ten soldiers": an act named with no doer did it; the
            # actor inside its phrase is the one it hit, not its author
            if trigger.type not in {"ASSAULT", "COERCE"}:
                return []
            source = None
    sources: list[Token | None] = conjuncts(source) if source is not None else [None]
    if source is not None and len(sources) == 1:
        sources = _coordinated_owners(source, actors) or _named_members(source, actors) or sources
    for source_head in sources:
        source_id = actor_in(source_head, actors) if source_head is not None else None
        if source_id is None and source_head is not None and source_head.lemma_.lower() in actors.cues.voices:
            # "a spokesman for the army rejected the charge": an unnamed voice acts for whom it speaks for
            source_id = actors.speaker_in(source_head)
        if source_head is not None and source_id is None and source_head.lemma_.lower() not in group_nouns:
            continue  # no actor named and no collective one: better no event than a wrong one
        targets = (_named_members(target, actors) or conjuncts(target)) if target is not None else [None]
        if target is not None and actor_in(target, actors) is None:
            # "hailed the agreement between Armenia and Azerbaijan", "urged a halt to the quarrel between A
            # and B": aimed at the parties between whom it is
            between = _between_parties(target, trigger_token)
            if between is not None and len(conjuncts(between)) > 1:
                # the parties that name actors ("between Ruritania and the islands": the islands name no one)
                targets = [t for t in conjuncts(between) if actor_in(t, actors) is not None] or conjuncts(between)
        if len(targets) > 1:
            # "concerned about Ruritania's incursions and threats": a conjunct naming no actor shares the
            # named one's possessor or modifier; it is no second target
            named = [t for t in targets if t is not None and (target_in(t, actors) or actors.tied_body(t))]
            targets = named or targets
        # signing an accord together, meeting, agreeing with each other; not offering or promising
        # something to a third party ("Canada and Norway offered to resettle the refugees")
        mutual = (trigger.type in MUTUAL_TYPES or "agreement" in trigger.objects
                  or trigger_token.lemma_.lower() in lexicon.mutual_verbs) \
            and trigger_token.lemma_.lower() not in lexicon.one_sided
        if len(sources) > 1 and (_reciprocal(target) or (mutual and (target is None
                                                                    or actor_in(target, actors) is None))):
            # "Iran and Venezuela signed an agreement", "... held war games in the gulf": each party acts
            # towards the other, whatever the phrase that names no actor says; and whatever the act, when
            # the object says so ("India and Pakistan accused each other")
            targets = [other for other in sources if other is not source_head]
        for target_head in targets:
            target_id = None
            if target_head is not None and names_a_time(target_head):
                target_head = None  # "called an emergency meeting on Monday": a date is no target
            if target_head is not None:
                target_id = (target_in(target_head, actors) or _adjacent_place(target_head, actors)
                             or actors.tied_body(target_head))
                if target_id is not None and _pro_or_anti(target_head, target_id, actors):
                    target_id = None
            elif place_id is not None and trigger.type not in PARTNERED_TYPES:
                # no one named as target: event data codes the place ("demonstrated in Serbia"); not for
                # acts done with or for a partner ("sent jets near Taiwan" gives Taiwan nothing)
                target_id = place_id
            if target_id is None and target_head is not None and place_id is not None \
                    and trigger.type in PLACE_TARGETED_HARM:
                # "gunmen attacked a military camp in Timbuktu": harm to something that names no actor is
                # coded, as event data codes it, against the country of the place where it happened
                target_id = place_id
            if source_id is not None and target_head is not None and _same_side(source_id, target_id, actors):
                # "eased curbs on U.S. aid to Ruritania": the doer's own side names the phrase, the
                # target is the other actor inside it
                target_id = _other_actor_in(target_head, source_id, actors) or target_id
            own_forces = trigger.type == "MOBILIZE" and target_head is not None and any(
                c.dep_ == "poss" for c in target_head.children)
            if source_id is not None and target_id == source_id and own_forces:
                # "Peru reinforced its troops on the border": the doer's own forces are the means, not
                # the one acted on; the act stands, its target unnamed
                target_id = None
            if source_id is not None and target_id == source_id:
                if target_head is None or actors.entity_at(target_head.i) or trigger.type in PARTNERED_TYPES \
                        or not any(c.dep_ in {"amod", "compound"} and actors.entity_at(c.i) == source_id
                                   for c in target_head.children):
                    continue
                # "the consulate told Ruritanian nationals to stay home": the doer's own people named only by a
                # modifier are no actor; the act stands, its target unnamed
                target_id = None
            target_id = _as_coded_target(target_id, actors)
            target_type = actors.type_of(target_id)
            if trigger.target_types and target_type not in trigger.target_types:
                continue  # "recognized her": only an actor of the listed kinds is recognised
            if trigger_token.lemma_.lower() in JOURNEY_VERBS and actors.type_of(source_id) != "person":
                continue  # "refugees travelled to Chile", "jets flew to Peru": a journey, no one's visit
            if trigger_token.lemma_.lower() in WORKING_VERBS and actors.type_of(source_id) == "person" \
                    and target_type in EMPLOYER_TYPES | {"person"}:
                continue  # "Ruiz, who works with the Red Cross", "an aide who worked with Ruiz": a job
            if trigger.type in lexicon.not_with_media and (target_type == "media" or (
                    target_head is not None and target_head.lemma_.lower() in lexicon.audiences)):
                continue  # "spoke with VOA", "spoke to reporters": an interview or a speech, not a meeting
            events.append(Event(
                type=trigger.type, mode=mode, source=source_id, target=target_id,
                source_text=phrase_text(source_head) if source_head is not None else None,
                target_text=phrase_text(target_head) if target_head is not None else None,
                trigger=span, sentence=sentence_of[trigger_token.i], negated=negated, quantity=quantity,
                location=place_text,
            ))
            if target_head is None and target_id is not None:
                events[-1].target_text = place_text
    return events


def _between_parties(target: Token, trigger: Token) -> Token | None:
    """The 'between' object of a target phrase, or of what it is a halt to, of or over ('a halt to the
    quarrel over fishing rights between A and B'): at most two steps down. The parser may hang 'to' on the
    verb ('urged a halt | to the quarrel ...')."""
    nodes = [target]
    if target.head.i == trigger.i:
        nodes += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
                  if g.dep_ == "pobj"]
    for _ in range(2):
        found = next((object_of(node, frozenset({"between"})) for node in nodes
                      if object_of(node, frozenset({"between"})) is not None), None)
        if found is not None:
            return found
        nodes = [g for node in nodes for c in node.children
                 if c.dep_ == "prep" and c.lower_ in {"to", "of", "over", "in"} for g in c.children if g.dep_ == "pobj"]
    return next((object_of(node, frozenset({"between"})) for node in nodes
                 if object_of(node, frozenset({"between"})) is not None), None)


def _reciprocal(target: Token | None) -> bool:
    """'each other', 'one another', 'the other' (the parser's head is either word)."""
    if target is None:
        return False
    words = {target.lower_, *(c.lower_ for c in target.children if c.dep_ == "det")}
    return words in ({"each", "other"}, {"one", "another"}, {"the", "other"})


def _named_members(head: Token, actors: References) -> list[Token]:
    """'A group of Ruritanian lawmakers including Ana Ruiz urged ...', 'sanctioned several officials, such as
    Borduria's defence minister Ivo Petrov': a phrase that names no actor stands for the members it names
    (the reference layer's named_members; examples set off by a comma count as members of an act)."""
    return [] if actor_in(head, actors) is not None else actors.named_members(head, set_off=True)


def _coordinated_owners(head: Token, actors: References) -> list[Token]:
    """'Indian and Chinese troops clashed', 'French and Egyptian warships began joint drills', 'the
    ministers of India and Mauritius met': one noun whose coordinated modifiers name two or more actors
    stands for each of them, each acting on its own
    (and, for a mutual act, on the other)."""
    # "Cameroon and Chad officials" (the parser's nmod), "the foreign ministers of India and Mauritius"
    modifiers = [*head.children]
    if head.tag_ in {"NNS", "NNPS"}:
        modifiers += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
    for modifier in modifiers:
        if modifier.dep_ not in {"amod", "compound", "nmod", "pobj"} \
                or not any(c.dep_ == "conj" for c in modifier.children):
            continue
        owners = conjuncts(modifier)
        named = {actors.entity_at(t.i) for t in owners}
        if len(owners) > 1 and None not in named and len(named) == len(owners):
            return owners
    return []


def _as_coded_target(target_id: str | None, actors: References) -> str | None:
    """A place below the state ('shelled villages in the Zenda valley') is no actor: the target is
    left unnamed, the place kept as the target's text and the event's location; a state is one."""
    return None if actors.type_of(target_id) == "location" else target_id


def _doer_behind(subject: Token, lexicon: EventLexicon) -> Token:
    """The doer a subject phrase stands for: of a quantity, what it counts ('hundreds of protesters
    marched'); of an event noun, whoever carries it out ('an offensive by the rebels killed dozens',
    "Borduria's shelling destroyed the bridge")."""
    if subject.ent_type_ == "CARDINAL" or subject.like_num:
        counted = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
        if counted:
            return counted[0]
    if subject.lemma_.lower() in lexicon.nouns:
        doer = _noun_source(subject)
        if doer is not None:
            return doer
    return subject


def _doerless_act(subject: Token, actors: References, lexicon: EventLexicon) -> bool:
    """A subject that is a hostile act's noun with no doer of its own ('the bombing of the base', 'an
    attack on the convoy'), itself no actor's name."""
    if subject.pos_ != "NOUN" or actors.entity_at(subject.i):
        return False
    kinds = {t.type for t in lexicon.nouns.get(subject.lemma_.lower(), [])}
    return bool(kinds & CONFLICTUAL | kinds & {"ASSAULT"}) and _noun_source(subject) is None


def _pro_or_anti(target: Token, entity_id: str, actors: References) -> bool:
    """'pro-Palestinian activists', 'anti-Pakistan fighters': a name after 'pro-' or 'anti-' says whom the
    phrase's head supports or opposes; the head is not that actor."""
    named = [t for t in target.subtree if actors.entity_at(t.i) == entity_id]
    doc = target.doc
    return bool(named) and target not in named and all(
        t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in {"pro", "anti"} for t in named)


def _same_side(source: str, target: str | None, actors: References) -> bool:
    """The target is the doer, or the doer's own state ("Trump eased U.S. restrictions"): of the three
    degrees of one side (with _one_side and _compatriots), the narrowest."""
    return target is not None and (target == source or (
        _compatriots(source, target, actors) and actors.type_of(target) == "country"))


NON_STATE_TYPES = {"armed_group", "criminal_organization", "political_party", "ngo", "media", "company",
                   "think_tank"}


def _one_side(one: str, other: str, actors: References) -> bool:
    """The same actor, or two of one state that are no rivals: neither is a party, an armed group or
    another body outside the state ('the president' and 'the army' of one country are one side; 'the
    president' and the insurgents fighting him are not)."""
    return one == other or (_compatriots(one, other, actors) and actors.type_of(one) not in NON_STATE_TYPES
                            and actors.type_of(other) not in NON_STATE_TYPES)


def _compatriots(one: str, other: str, actors: References) -> bool:
    """The same actor, or two of the same state ('the presidential office' and 'the coast guard' of one
    country, or a state and one of its bodies)."""
    if one == other:
        return True
    first, second = actors.entity(one), actors.entity(other)
    if first is None or second is None:
        return False
    return bool(first.country) and first.country == second.country


def _other_actor_in(phrase: Token, source: str, actors: References) -> str | None:
    for token in sorted(phrase.subtree, key=lambda t: t.i):
        entity_id = actors.entity_at(token.i)
        if entity_id and not _same_side(source, entity_id, actors) and actors.type_of(entity_id) != "location":
            return entity_id
    return None


def _adjacent_place(target: Token, actors: References) -> str | None:
    """'a crackdown on gangs in Quito': the parser hangs 'in Quito' on the trigger, but it
    says which actor the target belongs to when it follows the target phrase directly."""
    governor = target.head.head if target.dep_ == "pobj" else target.head
    follows = target.right_edge.i + 1
    for prep in governor.children:
        if prep.dep_ == "prep" and prep.i == follows and prep.lower_ in ADJACENT_PREPS:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return actor_in(pobj, actors, depth=1)
    return None


def _place_of(trigger: Token, actors: References) -> tuple[str | None, str | None]:
    """Where it happened: 'in X' / 'at X' / 'outside X' on the trigger (or on its object: 'halted
    food convoys in Strelsau'), X a place or a state."""
    # "would strike anywhere in Lebanon": the place may hang on an adverb of place
    holders = [trigger, *[c for c in trigger.children if c.dep_ == "dobj"
                          or (c.dep_ == "advmod" and c.lower_ in PLACE_ADVERBS)]]
    for prep in (c for holder in holders for c in holder.children):
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                # "in Serbia", "in Serbia's capital", "in the town of Zenda"
                nested = [g for c in pobj.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}
                          for g in c.children if g.dep_ == "pobj"]
                entity_id = actors.entity_at(pobj.i) or next(
                    (actors.entity_at(c.i) for c in [*pobj.children, *nested] if c.dep_ in {"compound", "poss", "pobj"}
                     and actors.entity_at(c.i)), None)
                entity = actors.entity(entity_id)
                if entity is not None and entity.type in {"location", "country"}:
                    return entity_id, phrase_text(pobj)
    return None, None


def _mode(trigger_token: Token, event_type: str, lexicon: EventLexicon) -> str | None:
    words = {t.lemma_.lower() for t in trigger_token.subtree} | {trigger_token.lemma_.lower()}
    for mode, signals in lexicon.modes.get(event_type, {}).items():
        if words & signals:
            return mode
    return None


def _quantity(noun: Token) -> Quantity | None:
    """'at least 12 drone strikes' -> 12, at_least, strike."""
    for child in noun.children:
        if child.dep_ == "nummod" and child.like_num:
            number = re.sub(r"[,\s]", "", child.text)
            try:
                value = float(number)
            except ValueError:
                continue
            before = " ".join(t.lower_ for t in child.subtree if t.i < child.i)
            qualifier = next((q for phrase, q in QUALIFIERS.items() if before.endswith(phrase)), None)
            text = noun.doc[min(t.i for t in child.subtree):noun.i + 1].text
            return Quantity(value=int(value) if value.is_integer() else value, qualifier=qualifier,
                            unit=noun.lemma_.lower(), text=text)
    return None


def _dedupe(events: list[Event]) -> list[Event]:
    seen: set[tuple] = set()
    unique = []
    for event in events:
        # 'raids on prisons and police stations': targets that name no actor make one event, not one
        # per word of the list; actor targets each keep theirs
        key = (event.type, event.source, event.target, event.target_text if event.target else None,
               event.trigger.start)
        if key not in seen:
            seen.add(key)
            unique.append(event)
    return unique
