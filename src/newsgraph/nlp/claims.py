"""How sure the text is: claim status per sentence (asserted, attributed, hedged), with the holder
and the cue, and the same status on every event.

Hedges are data (ontology/hedges.yaml): passive belief verbs ("is believed to"), hedging verbs
("Analysts suggest"), linking participles ("an attempt linked to X"), adverbs and adjectives of
doubt, modals of possibility and conditionals. Attribution comes from the quote annotator: a
sentence that reports someone's words is attributed to them. A hedge outranks an attribution: a
source's hedged claim stays hedged, with the source as holder.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from newsgraph.nlp.arguments import subject_of_misread_finite_verb
from newsgraph.nlp.doctext import text_of, tokens_of
from newsgraph.nlp.quotes import (
    QuoteMark,
    according_scope,
    citing_verb,
    ends_the_sentence,
    is_spoken_act,
    nobody_says,
    quote_marks,
    reports_a_view,
)
from newsgraph.ontology import ONTOLOGY_DIR, SpeechCues, word_sets
from newsgraph.record import Claim, Event, Quote, Sentence

RAISING_VERBS = {"appear", "seem"}  # "Russia appears to ...": the subject is the topic, not who doubts


@dataclass(frozen=True)
class HedgeCues:
    passive_reporting: frozenset[str]
    hedging_verbs: frozenset[str]
    linking_participles: frozenset[str]
    hedging_adverbs: frozenset[str]
    hedging_adjectives: frozenset[str]
    modals: frozenset[str]
    conditionals: frozenset[str]
    hypothetical: frozenset[str]
    credit_lines: frozenset[str]


@lru_cache(maxsize=1)
def hedge_cues(path: Path | None = None) -> HedgeCues:
    return word_sets(HedgeCues, path or ONTOLOGY_DIR / "hedges.yaml")


@dataclass
class Hedge:
    cue: Token
    scope: set[int]  # token indexes the hedge governs


def find_hedges(doc: Doc, cues: HedgeCues) -> list[Hedge]:
    """Every hedge cue with the tokens it governs."""
    hedges = []
    for token in tokens_of(doc):
        lemma, lower = token.lemma_.lower(), token.lower_
        scope_root: Token | None = None
        if lemma in cues.passive_reporting and token.tag_ == "VBN" and any(
                c.dep_ == "auxpass" for c in token.children) and any(
                c.dep_ in {"xcomp", "oprd", "acomp"} for c in token.children):
            scope_root = token  # "is believed to supply", "is considered likely"
        elif lemma in cues.hedging_verbs and token.pos_ == "VERB" and token.tag_ != "VBN":
            scope_root = token  # "Analysts suggest that ...", "appears to ..."
        elif lemma in cues.linking_participles and token.tag_ == "VBN" and token.dep_ in {"acl", "amod"}:
            scope_root = token.head  # "an attempt linked to X": the attempt is the suspected act
        elif lower in cues.hedging_adverbs and token.dep_ == "advmod":
            scope_root = token.head
        elif lower in cues.hedging_adjectives and token.dep_ == "amod":
            scope_root = token.head  # "the alleged plot"
        elif lower in cues.hedging_adjectives and token.dep_ == "acomp":
            scope_root = token.head  # "a deal is still possible"
        elif lower in cues.modals and token.tag_ == "MD":
            scope_root = token.head
        elif lower in cues.conditionals and token.dep_ == "mark":
            # "Tehran will retaliate if Israel strikes": the condition hedges the clause it governs
            scope_root = token.head.head if token.head.dep_ == "advcl" else token.head
        if scope_root is not None:
            hedges.append(Hedge(token, {t.i for t in scope_root.subtree}))
    return hedges


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def set_event_status(doc: Doc, events: list[Event], quotes: list[Quote], hedges: list[Hedge]) -> None:
    """An event inside reported speech, or reported by a verb of saying, is attributed to the
    speaker; under a hedge it is hedged (keeping the speaker, if any, as attributed_to)."""
    # the tokens each hedge reaches and the quotes near each stretch of text, found once: every event checked
    # against every quote and hedge was quadratic, minutes on a very long article
    hedged = _hedged_tokens(hedges)
    quotes_near: dict[int, list[Quote]] = {}
    for quote in quotes:
        for start, end in ((quote.content.start, quote.content.end), (quote.cue.start, quote.cue.end)):
            for window in range(start // WINDOW, max(start + 1, end) // WINDOW + 1):
                near = quotes_near.setdefault(window, [])
                if not near or near[-1] is not quote:
                    near.append(quote)
    for event in events:
        token = _token_at(doc, event.trigger.start)
        for quote in quotes_near.get(event.trigger.start // WINDOW, []):
            inside = quote.content.start <= event.trigger.start < quote.content.end
            is_cue = quote.cue.start <= event.trigger.start < max(quote.cue.end, quote.cue.start + 1)
            if inside or is_cue:
                event.status = "attributed"
                event.attributed_to = quote.speaker
                break
        if token is not None and token.i in hedged:
            event.status = "hedged"


WINDOW = 512  # characters: quotes are looked up by the window of text they touch


def _hedged_tokens(hedges: list[Hedge]) -> set[int]:
    """Every token a hedge makes doubtful: its scope, its cue, and the verb of a doubted argument."""
    tokens: set[int] = set()
    for hedge in hedges:
        tokens |= hedge.scope
        tokens.add(hedge.cue.i)
        verb = hedge.cue.head.head
        if _hedges_an_argument(hedge, verb):
            tokens.add(verb.i)
    return tokens


def find_claims(doc: Doc, sentences: list[Sentence], sentence_of: list[int], quotes: list[Quote],
                hedges: list[Hedge], cues: HedgeCues, speech: SpeechCues) -> list[Claim]:
    """One claim per sentence that states a proposition, with its status and holder.

    The principles (docs/CLAIMS.md): every declarative sentence that says something about the world
    is a claim, whether or not it also carries an event or a quote; questions, headings and credit
    lines are not. Its status comes from the whole sentence: hedged when the writer or the source
    signals doubt anywhere in it ("may", "reportedly", "is believed to", "appears to"); attributed
    when its main clause reports someone's words or view, or the sentence itself stands inside
    quotation marks (a floating quote, or the next sentence of a long quote); asserted otherwise.
    """
    claims = []
    marks = quote_marks(doc)
    by_sentence: dict[int, list[Token]] = {}
    for token in tokens_of(doc):
        by_sentence.setdefault(sentence_of[token.i], []).append(token)
    # quotes, quotation marks and hedges sorted by sentence once: scanning all of them for every sentence
    # was quadratic, minutes on a very long article
    starts = [sentence.start for sentence in sentences]
    quotes_near: dict[int, list[Quote]] = {}
    for quote in quotes:
        for index in sorted({_sentence_at(starts, quote.cue.start), _sentence_at(starts, quote.content.start)}):
            quotes_near.setdefault(index, []).append(quote)
    marks_near: dict[int, list[QuoteMark]] = {}
    for mark in marks:
        for index in range(_sentence_at(starts, mark.start), bisect_left(starts, mark.end)):
            marks_near.setdefault(index, []).append(mark)
    hedges_near: dict[int, list[Hedge]] = {}
    for hedge in hedges:
        hedges_near.setdefault(sentence_of[hedge.cue.i], []).append(hedge)
    for sentence in sentences:
        tokens = by_sentence.get(sentence.index, [])
        if not _states_something(doc, tokens, cues):
            continue
        root = next((t for t in tokens if t.dep_ == "ROOT"), tokens[0])
        reporting = _reporting_quote(doc, sentence, tokens, quotes_near.get(sentence.index, []))
        if reporting is not None and _reports_an_act(doc, reporting, speech):
            reporting = None  # "The mayor praised the plan as a lifeline": a reported act the writer asserts
        hedge = next((h for h in hedges_near.get(sentence.index, []) if _signals_doubt(h, root, cues)), None)
        hypothetical = _writers_hypothetical(root, cues)
        if hedge is None and hypothetical is not None:
            hedge = Hedge(hypothetical, set())
        holder, holder_text, cue = ((reporting.speaker, reporting.speaker_text, reporting.cue.text) if reporting
                                    else (None, None, None))
        if hedge is not None:
            if holder is None and holder_text is None and hedge.cue.pos_ == "VERB" \
                    and hedge.cue.lemma_.lower() not in RAISING_VERBS:
                subject = next((c for c in hedge.cue.children if c.dep_ == "nsubj"), None)
                holder_text = _phrase(subject) if subject is not None and subject.pos_ != "PRON" else None
            claims.append(Claim(sentence.index, "hedged", holder, holder_text, _cue_text(hedge.cue)))
        elif reporting is not None or _inside_quotation(text_of(doc), sentence, marks_near.get(sentence.index, [])) \
                or _reports_a_view(root, speech):
            claims.append(Claim(sentence.index, "attributed", holder, holder_text, cue))
        else:
            claims.append(Claim(sentence.index, "asserted"))
    return claims


def _sentence_at(starts: list[int], char: int) -> int:
    """The index of the last sentence that starts at or before the character."""
    return max(bisect_right(starts, char) - 1, 0)


def _reporting_quote(doc: Doc, sentence: Sentence, tokens: list[Token], quotes: list[Quote]) -> Quote | None:
    """The quote the sentence's main clause reports: its cue is the root or a verb coordinated with
    it ("Ruiz met the envoy and said ..."), it is "according to X" on the main clause, or the root
    stands inside the quoted words ('"We will stay," she said.'). A verb of saying in a subordinate
    clause ("the man who said he saw it fled") does not make the sentence someone's words."""
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    main = {root.i, *(c.i for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})}
    # "Ruiz was quick to point out that ...": the verb the main clause's adjective governs ("plans to urge"
    # is only intended)
    main |= {g.i for c in root.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"}
    main |= {c.i for c in root.children if c.dep_ == "xcomp" and any(a.dep_ == "acomp" for a in root.children)}
    own = [q for q in quotes if sentence.start <= q.cue.start < sentence.end or (
        not q.cue.text and sentence.start <= q.content.start < sentence.end)]
    for quote in own:
        cue = _token_at(doc, quote.cue.start) if quote.cue.text else None
        if cue is not None and (cue.i in main or (cue.lower_ == "according" and according_scope(cue).i in main)):
            return quote
        citing = citing_verb(cue) if cue is not None else None
        if citing is not None and citing.i in main:
            return quote  # "The agency quoted officials as saying ...": their words, reported
        misread = subject_of_misread_finite_verb(cue) if cue is not None else None
        if misread is not None and misread.i == root.i:
            return quote  # "Kestrel, a firm that tracks ships, reported that ...": the main verb, misparsed
        if quote.content.start <= root.idx < quote.content.end:
            return quote
        if cue is not None and cue.head.i == root.i and cue.dep_ in {"parataxis", "ccomp", "advcl"} \
                and cue.i > root.i and any(c.dep_ == "nsubj" for c in cue.children) \
                and not any(c.dep_ == "mark" for c in cue.children):
            # "Talks will resume, the minister said": the cue hangs from the reported clause; "..., as
            # Ruiz announced a plan" or "after Lima determined that ..." is a clause of time or cause
            return quote
    return None


def _reports_an_act(doc: Doc, quote: Quote, speech: SpeechCues) -> bool:
    """A judgement or an act done in words ("praised the plan as ...", "urged the rebels to ...", "thanked
    Ruritania for ..."): FORMAT.md's reported acts, which the writer asserts."""
    cue = _token_at(doc, quote.cue.start) if quote.cue.text else None
    return cue is not None and (cue.lemma_.lower() in speech.appraisals or is_spoken_act(cue, speech))


def _reports_a_view(root: Token, speech: SpeechCues) -> bool:
    """The main verb reports what a source said or holds even where no quote was drawn from it (its
    speaker unnamed or unresolved): "Officials said the road was closed", "Aid groups urged a truce",
    "The court called the ruling final", "according to the police" on the main clause."""
    if any(t.lower_ == "according" and any(c.lower_ == "to" for c in t.children) and ends_the_sentence(t)
           for t in root.sent):
        return True  # "..., according to diplomats." at the end of the sentence credits its report to them
    for verb in (root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})):
        lemma = verb.lemma_.lower()
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        if any(c.dep_ == "neg" for c in verb.children) or nobody_says(verb):
            continue  # "She did not say that the talks failed", "No official said": nobody's words are reported
        clause = any(c.dep_ == "ccomp" for c in verb.children)
        if lemma in speech.saying | speech.view_clauses and has_subject and clause:
            return True
        if has_subject and reports_a_view(verb, speech):
            return True
        if any(c.lower_ == "according" for c in verb.children):
            return True
    return False


def _inside_quotation(text: str, sentence: Sentence, marks: list[QuoteMark]) -> bool:
    """Most of the sentence stands between quotation marks: a quote's next sentence, or a floating quote."""
    inside = sum(max(0, min(m.end, sentence.end) - max(m.start, sentence.start)) for m in marks)
    return inside >= 0.6 * (sentence.end - sentence.start)


def _signals_doubt(hedge: Hedge, root: Token, cues: HedgeCues) -> bool:
    """A hedge on what the sentence states, by the writer or inside what a source says: not a
    condition ("if"), not a doubted modifier of a noun ("the possible eviction of tenants"), not a
    negated modal ("could not confirm" states an inability), and not in a relative or adverbial
    clause that only describes a participant ("the group, which is believed to ..., said ...")."""
    cue = hedge.cue
    if cue.lower_ in cues.conditionals:
        # "Tehran will retaliate if Israel strikes": a condition on the main statement hedges it
        return cue.dep_ == "mark" and cue.head.dep_ == "advcl" and cue.head.head == root
    if cue.dep_ == "amod" and cue.lower_ in cues.hedging_adjectives:
        # "a suspected drone struck": the doer itself is in doubt; "postponed the possible eviction" is no doubt
        return cue.head.head == root and cue.head.dep_ in {"nsubj", "nsubjpass"}
    if cue.dep_ == "advmod" and cue.head.pos_ not in {"VERB", "AUX"}:
        return False  # "apparently unconscious", "possibly also oil": a word, not the statement
    if cue.tag_ == "MD" and any(c.dep_ == "neg" for c in cue.head.children):
        return False
    node = cue
    while node.head.i != node.i:
        if node.dep_ in {"relcl", "acl", "advcl", "pcomp"} and not (cue.dep_ in {"acl", "amod"} and node is cue):
            return False
        if any(c.tag_ in {"WDT", "WP", "WRB"} and c.i < node.i for c in node.children) and node.dep_ == "ccomp":
            return False  # "what concessions Kyiv might accept": an embedded question, not a doubt
        node = node.head
    return True


def _writers_hypothetical(root: Token, cues: HedgeCues) -> Token | None:
    """'Losing the port would be a blow': "would" on the main verb is a hypothetical, so hedged;
    inside reported speech ("said it would retaliate") it is the future of the past, and is not."""
    return next((c for c in root.children if c.dep_ == "aux" and c.lower_ in cues.hypothetical), None)


def _phrase(token: Token) -> str:
    words = sorted((t for t in token.subtree if t.dep_ not in {"relcl", "acl", "appos", "punct"}), key=lambda t: t.i)
    return token.doc[words[0].i:words[-1].i + 1].text if words else token.text


def _hedges_an_argument(hedge: Hedge, root: Token) -> bool:
    """'A suspected Russian drone struck ...', 'an attack linked to Hezbollah killed ...': a doubted
    subject or object of the main verb makes the whole claim doubtful."""
    noun = hedge.cue.head
    return hedge.cue.dep_ in {"amod", "acl"} and noun.head == root and noun.dep_ in {"nsubj", "nsubjpass", "dobj"}


def _cue_text(cue: Token) -> str:
    """'is believed to' for a passive belief verb; the word itself otherwise."""
    aux = [c for c in cue.children if c.dep_ == "auxpass"]
    if cue.tag_ == "VBN" and aux and any(c.dep_ == "xcomp" for c in cue.children):
        return cue.doc[aux[0].i:cue.i + 1].text + " to"
    return cue.text


def _states_something(doc: Doc, tokens: list[Token], cues: HedgeCues) -> bool:
    """A proposition: a sentence with a verb that is neither a question nor a credit line."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    last = next((t for t in reversed(tokens) if t.text not in {'"', "”", "’", "'", ")"} and not t.is_space), None)
    if last is not None and last.text == "?":
        return False
    sentence_text = " ".join(t.lower_ for t in words)
    if any(line in sentence_text for line in cues.credit_lines):
        return False
    return any(t.pos_ in {"VERB", "AUX"} for t in tokens)
