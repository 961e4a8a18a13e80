"""Arguments of a predicate over spaCy's dependency parse: who does it (subject, passive agent,
inherited along coordination and control) and to whom (object, prepositional object). Which actor
such a phrase names is the reference layer's question (nlp/references.py). Shared by the event and
relation annotators."""

from __future__ import annotations

from collections.abc import Callable, Collection, Container

from spacy.tokens import Token

SUBJECT = {"nsubj"}
PASSIVE_SUBJECT = {"nsubjpass"}
INHERIT_SUBJECT = {"conj", "xcomp", "advcl", "pcomp", "ccomp", "acomp"}  # acomp: "is willing to withdraw"


def conjuncts(token: Token) -> list[Token]:
    """'Venezuela, Cuba, and Nicaragua' -> the three heads."""
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def is_infinitive(verb: Token) -> bool:
    """'to withdraw', 'asked them to go': a verb with its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT or c.dep_ == "auxpass" for c in verb.children)


def subject_of_misread_finite_verb(verb: Token) -> Token | None:
    """'Kestrel, a firm that tracks tankers, reported that ...' / '... accused Ruritania of ...': after a
    long apposition the parser may take the finite verb for a participle on the name (a verb set off by a
    comma on the sentence's head noun, with a clause or an object of its own); the name is its subject."""
    if verb.dep_ == "acl" and verb.tag_ in {"VBD", "VBN"} and verb.head.dep_ == "ROOT" \
            and verb.head.pos_ in {"PROPN", "NOUN"} and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and any(c.dep_ in {"ccomp", "dobj"} for c in verb.children):
        return verb.head
    return None


def subject_of(verb: Token, *, skip: Container[int] = frozenset(), subjects: Collection[str] = SUBJECT,
               inherit: Collection[str] = INHERIT_SUBJECT,
               fallback: Callable[[Token], Token | None] | None = None,
               climb: Callable[[Token], Token] | None = None) -> Token | None:
    """The doer: the subject, the passive agent ('by X'), or the subject of the clause this verb is
    coordinated with or controlled by ('Ruritania is believed to supply ...' -> Ruritania).

    One walk for every annotator; a caller with more to know about its own kind of verb says so:
    `skip` holds tokens that cannot be the doer (the words inside a quote), `subjects` and `inherit`
    the dependencies that count, `fallback` is asked at each clause that has no subject (a verb of
    saying whose speaker the parser put elsewhere), and `climb` may move the walk on from the clause
    it reached (from a reported clause to the verb that reports it)."""
    misread = subject_of_misread_finite_verb(verb)
    if misread is not None:
        return misread
    if verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"} and not any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children):
        return None  # "When asked if ...": a reduced passive names no doer
    node = verb
    # a present-tense verb coordinated with another agrees in number with the subject it shares
    finite = verb if verb.dep_ == "conj" and _present_tense(verb) else None
    for depth in range(4):
        if is_passive(node) and depth == 0:
            agent = next((c for c in node.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        # "VOA: Putin visited China": a speaker's label before a colon is no subject when another is there
        candidates = [c for c in node.children if c.dep_ in subjects and c.i not in skip]
        subject = next((c for c in candidates if not _labels(c)), candidates[0] if candidates else None)
        if subject is not None and depth > 0 and _disagrees(finite, subject):
            subject = None  # "officials rejected claims that the vote was rigged and insist ...": not the vote
        if subject is None and depth > 0 and verb.dep_ == "xcomp":
            subject = next((c for c in node.children if c.dep_ in PASSIVE_SUBJECT and c.i not in skip), None)
        if subject is not None:
            if subject.tag_ in {"WP", "WDT"} and node.dep_ == "relcl":
                return node.head
            return subject
        if fallback is not None:
            found = fallback(node)
            if found is not None:
                return found
        if node.dep_ == "acl":
            # "published a communique demanding that ...": the publisher demands; so too through a
            # count of them ("put out a flurry of statements insisting ...")
            noun = node.head
            while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                noun = noun.head.head
            if noun.dep_ in {"dobj", "pobj"} and noun.head.pos_ == "VERB":
                node = noun.head
                continue
        if node.dep_ not in inherit or node.head.i == node.i:
            return None
        node = node.head if climb is None else climb(node.head)
    return None


PLURAL_PRONOUNS = {"they", "we", "you", "i"}
SINGULAR_PRONOUNS = {"he", "she", "it"}


def _disagrees(verb: Token | None, subject: Token) -> bool:
    """'Officials rejected claims that the vote was rigged and insist that the count was fair': the parser
    may join "insist" to the verb of the rejected claim; a plural verb ("insist") cannot share a singular
    subject ("the vote"), nor a singular one ("insists") a plural, so that subject is not its doer."""
    if verb is None:
        return False
    plural = subject.tag_ in {"NNS", "NNPS"} or subject.lower_ in PLURAL_PRONOUNS or any(
        c.dep_ == "conj" for c in subject.children)
    singular = not plural and (subject.tag_ in {"NN", "NNP"} or subject.lower_ in SINGULAR_PRONOUNS)
    tag = _present_tense(verb)
    return (tag == "VBP" and singular) or (tag == "VBZ" and plural)


def _present_tense(verb: Token) -> str | None:
    """'VBP' or 'VBZ' for a verb in the present tense. A base form joined to a finite verb with no modal or
    "to" of its own to share ('the trial is unfair and maintain ...') is the tagger's misread plural present."""
    if verb.tag_ in {"VBP", "VBZ"}:
        return verb.tag_
    shared = any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in {"to", "do", "does", "did"})
                 for c in verb.head.children)
    if verb.tag_ == "VB" and verb.head.tag_ in {"VBZ", "VBD", "VBP"} and not shared and not any(
            c.dep_ == "aux" for c in verb.children):
        return "VBP"
    return None


def reporting_verb_of(verb: Token, saying: Container[str]) -> Token | None:
    """'The ministry said the shelling endangered the port and blamed Lisbon for it': the parser joins the
    second verb to the reported clause; in the very tense of the verb of saying and with no subject of its
    own, it may be the reporter's second act. The verb of saying, if so (which verbs read that way is
    the caller's to say: naming and judging do, 'said the rebels regrouped and attacked' does not);
    'Ruiz says the army shelled the port and blamed the rebels' (another tense) is no second act."""
    clause = verb.head
    reporter = clause.head
    if (verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBZ", "VBP"} and clause.dep_ == "ccomp"
            and reporter.i < clause.i < verb.i and verb.tag_ == reporter.tag_ and reporter.pos_ == "VERB"
            and reporter.lemma_.lower() in saying
            and not any(c.dep_ in SUBJECT | PASSIVE_SUBJECT for c in verb.children)):
        return reporter
    return None


def naming_complement(verb: Token) -> Token | None:
    """What a verb of naming calls its object: 'called the raid [an act of war]'. The parser gives it
    as an object predicate, as a second direct object, or as an apposition to the object."""
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    if complements:
        return complements[-1]  # two of them: the parser's reading of 'called [X's claims] ["false"]'
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) > 1:
        return objects[-1]
    if objects:
        return next((c for c in objects[0].children if c.dep_ == "appos" and c.i > objects[0].i), None)
    return None


def named_object(verb: Token) -> Token | None:
    """What a verb of naming names: its direct object, or the first of two object predicates the parser may
    make of 'called [Borduria's claims] ["false"]'."""
    named = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if named is not None:
        return named
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    return complements[0] if len(complements) > 1 else None


def object_of(verb: Token, preps: frozenset[str]) -> Token | None:
    """The target: the object of a listed preposition, else the direct object (the passive subject)."""
    if preps:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "prt"}]
        # "25,000 tons of food aid to refugees": the preposition may hang on what a quantity is of
        quantities = [g for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
        for holder in (verb, *objects, *quantities):
            for child in holder.children:
                if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
                    # "pulled its troops out of the country": the parser hangs "of" on "out"
                    return next((c for c in child.children if c.dep_ == "pobj"), None) or next(
                        (g for c in child.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None)
        return for_clause_subject(verb, preps)
    if is_passive(verb):
        return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT), None)
    return next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and not _complementizer(c)), None)


def raised_object(verb: Token) -> Token | None:
    """'the court allowed Ruiz to run', 'forced the rebels to withdraw': the parser makes the one acted
    on the subject of the infinitive clause; it is the verb's target. The infinitive may be bare ('helped
    the army retake the town'): a base-form clause verb with no marker or auxiliary of its own."""
    for clause in verb.children:
        bare = clause.tag_ == "VB" and not any(c.dep_ in {"aux", "mark", "auxpass"} for c in clause.children)
        if clause.dep_ in {"ccomp", "xcomp"} and (is_infinitive(clause) or bare):
            return next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    return None


def told_to_act(verb: Token) -> Token | None:
    """'pressed Ruritania to withdraw', 'asked the court to confirm': the object a verb directs, with the
    infinitive saying what it is to do (the parser may also make the object the infinitive's own subject:
    raised_object). Shared by events (a directive trigger) and quotes (words requested of another are not said)."""
    for clause in verb.children:
        if clause.dep_ in {"xcomp", "ccomp"} and is_infinitive(clause):
            told = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < clause.i), None)
            if told is not None:
                return told
    return raised_object(verb)


def is_condition(clause: Token) -> bool:
    """An adverbial clause of condition: 'if Ruritania sends troops', 'unless the talks resume'."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in clause.children)


def _labels(token: Token) -> bool:
    """The word is a label followed by a colon ('VOA: ...', 'Armitage: ...')."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text == ":"


def for_clause_subject(verb: Token, preps: frozenset[str]) -> Token | None:
    """'called for Borduria to withdraw': the parser reads "for" as the mark of a clause whose subject
    is the one the preposition names."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in preps for m in clause.children):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def _complementizer(token: Token) -> bool:
    """'wrote that he and Ruiz had agreed': the parser may take the "that" opening a reported clause for
    the clause verb's object; before a verb that is no relative clause, it names nothing."""
    return token.lower_ == "that" and token.i < token.head.i and token.head.dep_ != "relcl"


PHRASE_DEPS = {"compound", "amod", "nummod", "poss", "det", "case", "quantmod", "advmod", "nmod", "prep", "pobj", "cc",
               "conj", "npadvmod"}


def phrase_text(token: Token, limit: int = 8) -> str:
    """A short text for a noun phrase: the head with its modifiers and short prepositional phrases,
    not its clauses ('at least 12 people', "Iran's nuclear sites", 'the town of Cizre')."""
    keep = {token.i}
    stack = [c for c in token.children if c.dep_ in PHRASE_DEPS]
    while stack:
        child = stack.pop()
        if child.dep_ == "prep" and len(list(child.subtree)) > 6:
            continue  # a long prepositional phrase is a clause's worth of words: leave it out
        keep.add(child.i)
        stack.extend(c for c in child.children if c.dep_ in PHRASE_DEPS)
    # keep the contiguous run around the head, at most `limit` words
    start = end = token.i
    while start - 1 in keep and token.i - (start - 1) < limit:
        start -= 1
    while end + 1 in keep and (end + 1) - start < limit:
        end += 1
    return token.doc[start:end + 1].text.strip(" ,;:")
