"""Who said what: direct quotes (words between quotation marks) and indirect speech, each with its
cue, its speaker resolved through the actor layer, and the channel it went through.

Direct quotes are found from the quotation marks in the text, then tied to a cue by walking up
the parse from the quoted words to the nearest verb of saying. Indirect speech is a verb of saying
with a clausal complement ("X said (that) ..."), an object carrying the content for verbs such as
"highlight", or "according to X". Speakers come from the cue's subject, inherited along
coordinated and adverbial clauses; pronouns and "the ministry"-style descriptions are resolved to
the last fitting speaker or actor; unnamed sources ("analysts") keep their text with speaker None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.kb.loader import ACTOR_TYPES
from newsgraph.nlp.arguments import (
    is_condition,
    is_infinitive,
    naming_complement,
    reporting_verb_of,
    subject_of,
    subject_of_misread_finite_verb,
    told_to_act,
)
from newsgraph.nlp.doctext import text_of, tokens_of
from newsgraph.nlp.references import PLURAL_PRONOUNS, References
from newsgraph.nlp.timex import names_a_time
from newsgraph.ontology import SpeechCues
from newsgraph.record import Quote
from newsgraph.record import Span as TextSpan

OPENING = {"“": "”", '"': '"', "''": "''", "``": "''", "‘": "’", "«": "»", "„": "“"}  # `` '' in older wires
# Copy edited in several tools mixes straight and typographic double quotes ('"We will stay,” she
# said'): a double quote opened either way closes at either mark.
CLOSING = {'"': ('"', "”"), "“": ("”", '"')}
SUBJECTS = {"nsubj", "nsubjpass"}
MARKS_KEY = "newsgraph_quote_marks"
# "was quick to point out that ...": an infinitive after an adjective is said by the copula's subject
INHERITING = {"advcl", "conj", "xcomp", "pcomp", "acl", "ccomp", "dep", "prep", "acomp"}
# verbs that give someone's words through another's report ("quoted officials as saying")
CITING_VERBS = {"cite", "quote"}
# where or when a participle was said, not who said it ("at one point arguing", "at the summit saying")
SETTING_PREPOSITIONS = {"at", "during", "in"}
# the words naming a speaker: "leaders and groups", "officials in the capital" stay whole
NOT_IN_SPEAKER_TEXT = {"appos", "relcl", "acl", "punct", "advmod"}
EDGE_PUNCT = " \n\t,;:.—–-"
SENTENCE_END = {".", "!", "?"}
QUOTE_CHARS = {'"', "“", "”", "'", "‘", "’", "«", "»"}
TITLE_FUNCTION_WORDS = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "with", "by", "or"}
SENTENCE_BREAK = re.compile(r"[.!?][\"”’']*\s")
# where a mark may open (_mark_at): the scan jumps from one such character to the next, not through every
# character of the article
MARK_START = re.compile("[" + re.escape("".join(sorted({mark[0] for mark in OPENING}))) + "]")
SPEAKER_TYPES_EXCLUDED = {"location"}


@dataclass
class QuoteMark:
    """A run of text between quotation marks: [start, end) is the quoted text without the marks."""

    start: int
    end: int
    open_at: int
    close_at: int | None


def quote_marks(doc: Doc) -> list[QuoteMark]:
    """The quoted runs of a parsed article, found once and shared by the quote and claim annotators."""
    marks = doc.user_data.get(MARKS_KEY)
    if marks is None:
        marks = doc.user_data[MARKS_KEY] = find_quote_marks(text_of(doc))
    return marks


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Quoted runs, pairing marks the way news prints them.

    A typographic closing single quote doubles as the apostrophe (Iran’s, don’t), so it closes a
    quote only when no letter follows it. Two straight apostrophes ('') stand for a double quote in
    some archives. A quote left open at a paragraph end continues when the next paragraph opens with
    a quotation mark (the news convention for long quotes); otherwise it ends with its paragraph.
    """
    marks: list[QuoteMark] = []
    i = 0
    n = len(text)
    while i < n:
        candidate = MARK_START.search(text, i)
        if candidate is None:
            break
        i = candidate.start()
        opening = _mark_at(text, i)
        if opening and _opens(text, i, opening):
            close_marks = CLOSING.get(opening, (OPENING.get(opening, opening),))
            close_mark = close_marks[0]
            j = i + len(opening)
            end = None
            run_on = False
            while j < n:
                closing = next((m for m in close_marks if text.startswith(m, j) and _closes(text, j, m)), None)
                if closing is not None:
                    end, close_mark = j, closing
                    break
                if opening not in close_marks and text.startswith(opening, j) and _opens(text, j, opening):
                    # '“We will stay. The talks failed. “Nothing changes,” she said.': a second opening mark
                    # before any closing one is the next paragraph of a quote whose paragraphs were run
                    # together (flattened copy): the first run is a quote of its own, ending where it does
                    run_on = True
                    break
                if text[j] == "\n":
                    k = j
                    while k < n and text[k].isspace():
                        k += 1
                    if k < n and text.startswith(opening, k):
                        j = k + len(opening)  # the quote goes on in the next paragraph
                        continue
                    break
                j += 1
            stop = end if end is not None else j
            content_start = i + len(opening)
            if run_on:
                while stop > content_start and text[stop - 1].isspace():
                    stop -= 1
                j = stop
            elif end is None:
                # never closed: copy that lost its closing mark, or a paragraph run into the next one
                # (flattened text). The quote ends with its first sentence, not the paragraph.
                first_end = SENTENCE_BREAK.search(text, content_start, stop)
                if first_end is not None:
                    stop = first_end.start() + 1
                    j = stop
            if stop - content_start >= 2:
                marks.append(QuoteMark(content_start, stop, i, end))
            i = (end + len(close_mark)) if end is not None else max(j, i + 1)
            continue
        i += 1
    return marks


def _mark_at(text: str, i: int) -> str | None:
    for pair in ("''", "``"):
        if text.startswith(pair, i):
            return pair
    return text[i] if text[i] in OPENING else None


def _opens(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark == "``":
        return True  # only ever an opening mark
    if mark in {'"', "''"}:
        return not after.isspace() and (before.isspace() or before in "([{—–-")
    return not after.isspace()


def _closes(text: str, j: int, mark: str) -> bool:
    after = text[j + len(mark)] if j + len(mark) < len(text) else " "
    if mark == "’":
        return not after.isalpha()
    return not after.isalnum()


class _Context:
    """Per-article state: the reference layer (which also remembers who spoke, and where) and the
    tokens inside quotation marks."""

    def __init__(self, doc: Doc, refs: References, cues: SpeechCues, sentence_of: list[int]) -> None:
        self.doc, self.refs, self.cues, self.sentence_of = doc, refs, cues, sentence_of
        self.quoted: dict[int, QuoteMark] = {}
        # the last direct quote's speaker when only words name it ("the minister"): (end, sentence, words)
        self.unresolved_voice: tuple[int, int, str] | None = None


def find_quotes(doc: Doc, refs: References, cues: SpeechCues, sentence_of: list[int]) -> list[Quote]:
    context = _Context(doc, refs, cues, sentence_of)
    marks = quote_marks(doc)
    quoted_tokens = _tokens_in_marks(doc, marks)
    context.quoted = quoted_tokens
    found: list[tuple[int, Quote]] = []  # (order position, quote)

    # Visit direct quotes and indirect cues in reading order, so "he" finds the right last speaker.
    items: list[tuple[int, str, object]] = [(m.start, "direct", m) for m in marks]
    for token in tokens_of(doc):
        if token.i in quoted_tokens:
            continue
        if token.is_title and token.ent_type_ == "PERSON" and token.i + 1 < len(doc) \
                and doc[token.i + 1].ent_type_ == "PERSON" and doc[token.i + 1].ent_iob_ == "I":
            continue  # "Sayed Abdul Sadat told VOA": a given name that looks like a verb of saying is a name
        if (_is_saying(token, cues) or _is_according(token)) and not _commentary(token, cues) \
                and not _impersonal_infinitive(token):
            items.append((token.idx, "cue", token))
    items.sort(key=lambda item: item[0])
    for position, kind, item in items:
        if kind == "direct":
            quote = _direct_quote(context, item, quoted_tokens)  # type: ignore[arg-type]
            if quote is not None:
                found.append((position, quote))
        else:
            token: Token = item  # type: ignore[assignment]
            if _inside_reported_clause(token, [q for _, q in found], cues):
                continue
            # a cue that introduced quoted words may also report a clause around them ('the group
            # says X was "detained" and must be freed'): the clause is the quote, the words absorbed
            quote = _indirect_quote(context, token, quoted_tokens)
            if quote is not None:
                found.append((position, quote))
    quotes = _merge_split(text_of(doc), _drop_absorbed([q for _, q in found]))
    quotes = _with_co_speakers(context, quotes)
    _name_described_speakers(context, quotes)
    _channels_from_according(context, quotes)
    quotes = _dedupe(quotes)
    refs.quotes = quotes
    return quotes


DESCRIBED_WITHIN = 2  # sentences after a described speaker in which the text names them
DIFFERENT_ONE = {"another", "other", "second", "third", "fellow", "one"}


def _name_described_speakers(context: _Context, quotes: list[Quote]) -> None:
    """'A senior air force general said he expects a launch. "It is a matter of when," said Gen. Ana Ruiz,
    commander of the air forces': news copy often describes a speaker first and names them in the next
    sentences. A described speaker (one person, described by more than a bare noun: "a witness" may be
    anyone, "another official" is someone else) is the person whose quote comes next within two sentences,
    when the text names that person there for the first time."""
    doc, text = context.doc, text_of(context.doc)
    for position, quote in enumerate(quotes):
        if quote.speaker is not None or not quote.speaker_text:
            continue
        description = _description_phrase(doc, quote)
        if description is None:
            continue
        for later in quotes[position + 1:]:
            if later.sentence > quote.sentence + DESCRIBED_WITHIN:
                break
            entity = context.refs.entity(later.speaker)
            if later.speaker is None or later.speaker == quote.speaker:
                continue
            if entity is not None and entity.type == "person" and entity.mentions and \
                    min(m.start for m in entity.mentions) > description.end_char and \
                    not any(text.find(m.text, 0, description.start_char) >= 0 for m in entity.mentions):
                quote.speaker = later.speaker  # not a person the text named before, in whatever words
            break


def _description_phrase(doc: Doc, quote: Quote) -> Span | None:
    """The words that describe an unnamed speaker, when they describe one person in more than a noun."""
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if cue is None or not len(cue) or not quote.speaker_text:
        return None
    sentence = cue.root.sent
    at = text_of(doc).find(quote.speaker_text, sentence.start_char, sentence.end_char)
    phrase = doc.char_span(at, at + len(quote.speaker_text), alignment_mode="expand") if at >= 0 else None
    if phrase is None or len(phrase) < 3:
        return None
    head = phrase.root
    # one common noun (the tagger may call a lower-case role noun a name or an adjective: "a senior air force
    # general")
    if head.tag_ not in {"NN", "NNP", "JJ"} or not head.text.islower() or phrase[0].lower_ not in {"a", "an", "the"} \
            or any(t.lower_ in DIFFERENT_ONE for t in phrase) or any(c.dep_ == "conj" for c in head.children):
        return None
    return phrase


def _commentary(token: Token, cues: SpeechCues) -> bool:
    """'Underscoring the danger, the rebels raided a base', '..., highlighting the rift': a participle
    of these verbs set off from its clause is the writer's comment on the act, not anyone speaking."""
    return token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp"} and token.lemma_.lower() in cues.commentary


def _impersonal_infinitive(token: Token) -> bool:
    """'It is hard to say whether the truce will hold', 'too early to predict': a verb of saying after an
    adjective that no one is the subject of names what could be said, not anyone saying it ('she was quick
    to point out that ...' is her speaking)."""
    if not is_infinitive(token) or any(c.dep_ in SUBJECTS for c in token.children):
        return False
    # the parser hangs the infinitive on the adjective or on the copula beside it
    adjective = token.head if token.head.pos_ == "ADJ" else next(
        (c for c in token.head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if adjective is None:
        return False
    holder = adjective.head if adjective.dep_ in {"acomp", "amod", "advmod", "attr"} else adjective
    subject = next((c for c in (*adjective.children, *holder.children) if c.dep_ in SUBJECTS), None)
    return subject is None or subject.lower_ in {"it", "that", "this"}


def _inside_reported_clause(cue: Token, found: list[Quote], cues: SpeechCues) -> bool:
    """'Ruiz said Ruritania hoped the talks would resume': a verb of view inside what someone is reported to
    have said is part of their words, not a second source speaking."""
    inside = any(not q.direct and q.content.start <= cue.idx < q.content.end for q in found)
    if cue.tag_ == "VBG" and not _is_according(cue) and not any(c.dep_ in SUBJECTS for c in cue.children):
        return inside  # 'the suits allege the state erred by denying them lawyers': part of the allegation
    if cue.lemma_.lower() in cues.commentary:
        return inside  # "monitors say the ruling highlights the court's reach": what shows is part of their words
    if cue.lemma_.lower() in cues.saying or _is_according(cue):
        return False
    return inside


def _with_co_speakers(context: _Context, quotes: list[Quote]) -> list[Quote]:
    """'Ruiz and Mendes said the talks failed': each named speaker said it, so each gets the quote."""
    doc = context.doc
    result: list[Quote] = []
    for quote in quotes:
        result.append(quote)
        if not quote.cue.text or quote.speaker is None:
            continue
        span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        token = _speaker_head(span[0], context) if span is not None and len(span) else None
        # "Ruiz and Mendes", "Ruiz, Mendes and Lopez"; names joined by a comma alone are no coordination
        # ("convict Borja, Ana Ruiz, who ..., argued": the parser's misreading of a name set off)
        if token is None or not any(c.dep_ == "cc" for t in (token, *token.conjuncts) for c in t.children):
            continue
        for other in token.conjuncts:
            speaker = context.refs.speaker_in(other)
            if speaker and speaker != quote.speaker and context.refs.type_of(speaker) == context.refs.type_of(
                    quote.speaker):
                result.append(Quote(speaker=speaker, speaker_text=_speaker_text(other), cue=quote.cue,
                                    content=quote.content, direct=quote.direct, sentence=quote.sentence,
                                    channel=quote.channel))
    return result


def _merge_split(text: str, quotes: list[Quote]) -> list[Quote]:
    """'“It is over,” he said. “We move on.”' is one quote split around its cue: join the pieces
    that share a cue, or a cueless piece that continues the same speaker, within a short stretch of
    the same paragraph."""
    merged: list[Quote] = []
    for quote in quotes:
        last = merged[-1] if merged else None
        continues = last is not None and (quote.cue.start == last.cue.start or (
            not quote.cue.text and (quote.speaker or quote.speaker_text) is not None
            and (quote.speaker, quote.speaker_text if quote.speaker is None else None)
            == (last.speaker, last.speaker_text if last.speaker is None else None)))
        gap = text[last.content.end:quote.content.start] if last is not None else ""
        # '"We will stay," she said. "The talks failed."' is two sentences, each a quote of its own
        new_sentence = last is not None and (SENTENCE_BREAK.search(gap) is not None
                                             or text[last.content.start:last.content.end].endswith((".", "!", "?")))
        if (last is not None and last.direct and quote.direct and last.cue.text and continues
                and 0 <= len(gap) <= 80 and "\n" not in gap):
            if new_sentence:
                quote.continues = True  # its own quote, marked as going on from the one before
            else:
                last.content = TextSpan(text[last.content.start:quote.content.end], last.content.start,
                                        quote.content.end)
                continue
        merged.append(quote)
    return merged


def _drop_absorbed(quotes: list[Quote]) -> list[Quote]:
    """A partial quote inside reported speech ("said the plan was 'reckless'") is one attribution:
    the clause, not the quoted fragment, is what was said."""
    clauses = [q for q in quotes if not q.direct]
    return [q for q in quotes if not (q.direct and any(
        c.cue.start == q.cue.start and c.content.start <= q.content.start and q.content.end <= c.content.end + 1
        for c in clauses))]


def _tokens_in_marks(doc: Doc, marks: list[QuoteMark]) -> dict[int, QuoteMark]:
    inside: dict[int, QuoteMark] = {}
    for mark in marks:
        span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            inside[token.i] = mark
    return inside


def _is_saying(token: Token, cues: SpeechCues) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in cues.cue_lemmas and " " not in lemma:
        return False
    if _cites_as_saying(token) is not None:
        return False  # "the agency quoted officials as saying ...": the officials say it, through the agency
    if lemma in cues.coming_to_be:
        reflexive = [c for c in token.children if c.dep_ == "dobj"] + [
            g for c in token.children if c.dep_ in {"ccomp", "xcomp", "oprd"} for g in c.children if g.dep_ == "nsubj"]
        if any(r.lower_.endswith(("self", "selves")) for r in reflexive):
            return False  # "could find itself excluded": what became of it, no finding
    if token.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in token.children) and not any(
            c.dep_ in {"aux", "auxpass", "dobj"} for c in token.children):
        return False  # "with both sides accused of abuses": a passive participle's subject is the one judged
    if token.pos_ == "VERB" and _appeal(token, cues) is not None:
        return True  # "pleaded with residents to return"
    if lemma in cues.saying and token.pos_ in {"VERB", "NOUN", "AUX"}:
        return True
    if _figure_object(token, cues) is not None:
        return True  # "the mayor put the toll from the storm at 12"
    if token.pos_ == "VERB" and (lemma in cues.particle_verbs or " " in lemma) and any(
            f"{lemma} {c.lower_}" in cues.saying_with_particle for c in token.children if c.dep_ in {"prt", "prep"}):
        return True  # "pointed out that ...", "pointed to the delays" (but not "pointed a gun")
    if lemma in cues.view_clauses and lemma not in cues.judging and _judges_without_clause(token):
        return False  # "the envoy considers the plan unrealistic": a judgement held, no clause reported
    # verbs of view and belief report a source only as verbs, with their subject (or, finite and joined
    # to a verb that has one, with that verb's: "met the envoy and called on him to resign")
    return (token.pos_ == "VERB"
            and (lemma in cues.view_objects or lemma in cues.view_clauses or lemma in cues.appraisals)
            and (any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
                 or (token.dep_ == "conj" and token.tag_ in {"VBD", "VBZ", "VBP"} and token.head.dep_ == "ROOT"
                     and any(c.dep_ == "nsubj" for c in token.head.children))
                 or _set_off_participle(token)
                 or _second_act_of_reporter(token, cues)))


def _judges_without_clause(verb: Token) -> bool:
    """'considers the plan unrealistic', 'found the claim credible': a verb of belief whose complement is a
    verbless small clause (a thing and what it is judged to be), not a reported clause."""
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp", "oprd"}]
    return bool(clauses) and all(c.pos_ in {"ADJ", "NOUN", "PROPN"} for c in clauses)


def _cites_as_saying(verb: Token) -> Token | None:
    """'Reuters quoted two officials as saying the border had closed', 'Ruiz was quoted by the agency as
    saying': a verb of citing whose object (or passive subject) is given "as saying" something names who
    said it; the citing subject (or the passive's agent) is the outlet."""
    if verb.lemma_.lower() not in CITING_VERBS:
        return None
    # the one cited is the object, or the subject of the passive ("Ruiz was quoted as saying")
    cited = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    as_saying = any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children) for c in verb.children)
    return cited if as_saying else None


def citing_verb(cue: Token) -> Token | None:
    """For the "saying" of "quoted officials as saying", the verb that cites them."""
    if cue.dep_ != "pcomp" or cue.head.lower_ != "as":
        return None
    verb = cue.head.head
    return verb if _cites_as_saying(verb) is not None else None


def _reporter_of_participle(cue: Token, cues: SpeechCues) -> Token | None:
    """'Ruiz announced that Lima would build a port, calling it a gift': a participle set off at the end of
    a reported clause is the reporter's, not the clause's subject's: the verb of saying, if so."""
    if cue.lemma_.lower() not in cues.judging or not _set_off_participle(cue):
        return None
    clause = cue.head
    while clause.dep_ == "conj" and clause.head.i < clause.i:
        clause = clause.head
    reporter = clause.head
    if clause.dep_ == "ccomp" and reporter.i < clause.i and reporter.pos_ == "VERB" and _is_saying(reporter, cues):
        return reporter
    return None


def _set_off_participle(token: Token) -> bool:
    """'The minister praised the deal, calling it a historic step': a participle set off by a comma after
    its clause goes on with that clause's doer, who names or judges with it."""
    return (token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp", "conj"} and token.i > token.head.i
            and token.i > 0 and token.doc[token.i - 1].text == ","
            and any(c.dep_ in {"dobj", "oprd", "prep", "ccomp"} for c in token.children if c.i > token.i))


def _appeal(token: Token, cues: SpeechCues) -> Token | None:
    """'Officials pleaded with residents to return', 'appealed to donors to give': the preposition of an
    appeal whose infinitive says what the one appealed to is to do (the parser may hang the infinitive on
    the verb or read the preposition as the infinitive's marker)."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ == "prep" and f"{lemma} {child.lower_}" in cues.appeals and any(
                c.dep_ in {"xcomp", "advcl"} and c.i > child.i and is_infinitive(c) for c in token.children):
            return child
        if child.dep_ == "advcl" and is_infinitive(child):
            mark = next((m for m in child.children if m.dep_ == "mark" and f"{lemma} {m.lower_}" in cues.appeals), None)
            if mark is not None:
                return mark
    return None


def _second_act_of_reporter(token: Token, cues: SpeechCues) -> bool:
    """'The ministry said the shelling endangered the port and blamed Lisbon for it': a verb that names or
    judges, joined to the reported clause, is the reporter's second act; 'said the state was watching and
    expected calm' (a state of mind, not an act) stays in what is said."""
    return (token.lemma_.lower() in cues.judging
            and reporting_verb_of(token, cues.saying) is not None)


def _cues_direct_quote(token: Token, cues: SpeechCues, inner: Span) -> bool:
    """A verb that can introduce these quoted words: one of saying, or one that frames a quote."""
    return _is_saying(token, cues) or _frames_quote(token, cues, inner)


def _frames_quote(token: Token, cues: SpeechCues, inner: Span) -> bool:
    """A verb that reports speech only beside a direct quote, set off from it by punctuation ('"Not
    yet," he went on.', 'She went on: "We wait."'); 'Resistance continues "..."' frames nothing."""
    if token.pos_ != "VERB":
        return False
    text = text_of(token.doc)
    if token.i < inner.start:
        last = max([token, *(c for c in token.children if c.dep_ == "prt")], key=lambda t: t.i)  # "went on"
        gap = text[token.idx + len(token.text):inner.start_char]
        if any(ch.isalnum() for ch in text[last.idx + len(last.text):inner.start_char]):
            return False  # 'Security continues to need arms, "but ..."': the verb has words of its own
    else:
        gap = text[max(inner.end_char - 3, 0):token.idx]
    if not any(mark in gap for mark in ",:?!"):
        return False
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if particles:
        return f"{lemma} {particles[0]}" in cues.framing
    return lemma in cues.framing


def _is_according(token: Token) -> bool:
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def _according_to_a_measure(token: Token, cues: SpeechCues) -> bool:
    """'according to plan', 'according to their preference': in accordance with something, not a source."""
    to = next(c for c in token.children if c.lower_ == "to")
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    return pobj is not None and pobj.lemma_.lower() in cues.measures


# --- direct quotes ------------------------------------------------------------------------------


def _direct_quote(context: _Context, mark: QuoteMark, quoted: dict[int, QuoteMark]) -> Quote | None:
    doc = context.doc
    content = _trim(text_of(doc), mark.start, mark.end)
    if content is None:
        return None
    start, end = content
    inner = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if inner is None or _names_a_thing(inner):
        return None
    cue = _cue_for_quote(context, inner, quoted) if _worth_quoting(inner) else _describing_cue(context, inner, quoted)
    if cue is None and not _worth_quoting(inner):
        return None
    if cue is not None:
        speaker, speaker_text = _speaker(context, cue)
        if speaker is None and speaker_text is None:
            return None  # quoted words with a cue but nobody saying them: a title, a term, a slogan
        sentence = context.sentence_of[cue.i]
        cue_span = _cue_span(cue)
        channel = _channel(context, cue)
        lead_in = _lead_in_start(inner, cue, quoted)
        start = start if lead_in is None else lead_in
    else:
        # A floating quote: no cue in its sentence; the last speaker goes on talking.
        sentence = context.sentence_of[inner[0].i]
        speaker, speaker_text = context.refs.last_speaker(sentence), None
        voice = _unresolved_voice_before(context, start, sentence)
        if voice is not None:  # '"We wait," an aide said. "We have no choice."': the aide goes on
            speaker, speaker_text = None, voice
        if (speaker is None and speaker_text is None) or not _stands_alone(inner):
            return None
        cue_span = TextSpan("", start, start)
        channel = None
    if speaker:
        context.refs.note_speaker(sentence, speaker, cue.i if cue is not None else inner[0].i)
    elif cue is not None:
        context.refs.note_unnamed_voice(sentence, cue.i, speaker_text)
    context.unresolved_voice = (end, sentence, speaker_text) if speaker is None and speaker_text else None
    return Quote(speaker=speaker, speaker_text=speaker_text, cue=cue_span,
                 content=TextSpan(text_of(doc)[start:end], start, end), direct=True, sentence=sentence,
                 channel=channel)


def _lead_in_start(inner: Span, cue: Token, quoted: dict[int, QuoteMark]) -> int | None:
    """'But the gain from trade is “ten times the losses,” she said': quoted words that end a clause the
    writer began are part of that clause, and the verb of saying after them reports all of it; the
    content starts where the sentence does."""
    sentence = inner[0].sent
    lead = [t for t in sentence if t.i < inner[0].i and not t.is_punct and not t.is_space]
    if cue.i < inner[-1].i or not lead or any(t.i in quoted for t in lead) or cue.sent != sentence:
        return None
    # the clause must run into the quote: a verb outside it governs the quoted words
    roots = [t for t in inner if t.head.i < inner[0].i]
    if not roots or not any(t.pos_ in {"VERB", "AUX"} for t in lead):
        return None
    inside = {t.i for t in inner}
    if any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.i in inside for t in inner):
        return None  # 'Protests go on "The army has stepped up raids," she said': a whole sentence of hers
    first = next(t for t in sentence if not t.is_punct and not t.is_space)
    return first.idx


def _names_a_thing(inner: Span) -> bool:
    """'added an "internet protection" chapter': quoted words that modify a noun outside them are a
    term or a name, not words someone said."""
    inside = {t.i for t in inner}
    roots = [t for t in inner if t.is_alpha and t.head.i not in inside]
    return bool(roots) and all(t.dep_ in {"compound", "amod", "nmod"} and t.head.pos_ in {"NOUN", "PROPN"}
                               and t.head.i >= inner.end for t in roots)


def _describing_cue(context: _Context, inner: Span, quoted: dict[int, QuoteMark]) -> Token | None:
    """One quoted word is a quote when a verb of view gives it as its description of something
    ('branded the rebels "bandits"', 'called the charges "baseless"'): that word is what was said."""
    if not any(t.is_alpha for t in inner):
        return None
    cue = _nearest_cue(context, inner, quoted)
    if cue is None or cue.lemma_.lower() not in context.cues.view_objects or not _quoted_description(cue, quoted):
        return None
    return cue


def _unresolved_voice_before(context: _Context, start: int, sentence: int) -> str | None:
    """The words naming the speaker of the direct quote just before, in the same paragraph and at most
    two sentences back, when no actor stands behind them: a quote that floats after it is theirs too."""
    if context.unresolved_voice is None:
        return None
    end, spoken_in, words = context.unresolved_voice
    if sentence - spoken_in > 2 or "\n" in text_of(context.doc)[end:start]:
        return None
    return words


def _worth_quoting(inner: Span) -> bool:
    """Not a lone scare-quoted word ('so-called "experts"') nor a title ("Ten Ways to Read a Treaty")."""
    words = [t for t in inner if t.is_alpha]
    if len(words) < 2:
        return False
    # a title capitalises its words but the short function words ("Meet the Press", "This Week")
    content_words = [t for t in words if t.lower_ not in TITLE_FUNCTION_WORDS] or words
    capitalised = sum(1 for t in content_words if t.is_title or t.is_upper)
    # (a comma inside the closing mark is American punctuation after a title too: 'revised the “Press Law,”')
    is_title = capitalised >= 0.7 * len(content_words) and not inner.text.rstrip().endswith((".", "?", "!"))
    return not is_title


def _stands_alone(inner: Span) -> bool:
    """A floating quote is a whole sentence (or more), not a phrase someone put in quotes."""
    sentence = inner[0].sent
    words_in = sum(1 for t in inner if not t.is_punct)
    words_all = sum(1 for t in sentence if not t.is_punct and not t.is_space)
    if words_in >= 4 and words_in >= 0.8 * words_all:
        return True
    # '"We expect the smugglers to be caught" while the talks go on.': a quoted clause opening the
    # sentence, with its own subject, that the writer only sets in time or cause
    opening = all(t.is_punct or t.is_space for t in sentence if t.i < inner.start)
    after = next((t for t in sentence if t.i >= inner.end and not t.is_punct and not t.is_space), None)
    inside = range(inner.start, inner.end)
    has_subject = any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.i in inside for t in inner)
    return (words_in >= 4 and opening and has_subject and after is not None and after.dep_ == "mark"
            and after.head.dep_ == "advcl" and after.head.head.i in inside)


def _cue_for_quote(context: _Context, inner: Span, quoted: dict[int, QuoteMark]) -> Token | None:
    """The verb of saying that introduces the quoted words, if any.

    A verb after the quote that reports a clause of its own is not this quote's cue: in '"Why now?"
    Analysts say the vote was rushed.' the verb reports the vote, and the question floats."""
    cue = _nearest_cue(context, inner, quoted)
    if cue is not None and cue.i >= inner.end and any(
            c.dep_ == "ccomp" and c.i > cue.i and c.i not in quoted for c in cue.children):
        return None
    return cue


def _nearest_cue(context: _Context, inner: Span, quoted: dict[int, QuoteMark]) -> Token | None:
    """The nearest verb of saying above the quoted words, or attached to the root they hang from."""
    cues = context.cues
    inside = {t.i for t in inner}
    roots = [t for t in inner if t.head.i not in inside or t.head.i == t.i]
    for root in roots:
        node = root
        view = None  # 'Ruiz says if voters think it is "a lost cause", ...': a verb of saying above a
        for step in range(8):  # verb of belief reports the quote; the belief is part of what was said
            if node.i not in inside and step == 1 and _frames_quote(node, cues, inner):
                return node  # the quote hangs right from it: '"Not yet," he went on.'
            # "does not comment on ... but 'remains focused ...'": a negated verb of saying reports nothing
            if node.i not in inside and _is_saying(node, cues) and not _noun_tagged_verb(node) \
                    and not any(c.dep_ == "neg" for c in node.children):
                if node.lemma_.lower() in cues.saying:
                    return node
                if node.lemma_.lower() in cues.view_objects and _quoted_description(node, quoted):
                    return node  # 'accused Lai after he labelled them "hostile"': the description is the labeller's
                view = view or node
            if node.head.i == node.i:
                break
            node = node.head
        if view is not None:
            return view
    # The quote is the sentence's main clause and the verb of saying hangs from it ("…," he said.)
    for root in roots:
        for child in [*root.children, *root.head.children]:
            if child.i not in inside and child.i not in quoted and (
                    _cues_direct_quote(child, cues, inner)):
                return child
    return _adjacent_cue(context, inner, quoted)


def _noun_tagged_verb(token: Token) -> bool:
    """'called the governor's remarks "reckless"': the parser may tag a noun after a possessive or an
    article as a verb; a verb never follows "the" or "'s", so it reports nothing."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.pos_ == "VERB" and before is not None and (
        before.tag_ in {"POS", "PRP$"} or before.lower_ in {"the", "a", "an"})


def _adjacent_cue(context: _Context, inner: Span, quoted: dict[int, QuoteMark]) -> Token | None:
    """A cue the parser put in another sentence: '… he said:' before, or '”, he said.' after."""
    doc, cues = context.doc, context.cues
    after = inner.end
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space) and "\n" not in doc[after].text:
        after += 1  # a cue after the quote stands in its paragraph
    closing = [t.text for t in doc[max(inner.start, inner.end - 2):after] if t.is_punct and t.text not in QUOTE_CHARS]
    if closing and closing[-1] == ".":
        after = len(doc)  # '"It is over." Ruiz then left.': a full stop ends the quote's sentence, no cue follows
    if after < len(doc) and _is_according(doc[after]) and any(t.text == "," for t in doc[inner.end - 1:after]):
        return doc[after]  # '"Growth will slow," according to the central bank.'
    for i in range(after, min(after + 6, len(doc))):
        token = doc[i]
        if token.i in quoted or "\n" in token.text:
            break
        if _cues_direct_quote(token, cues, inner):
            between = {t.i for t in doc[after:i]}
            subject = {t.i for c in token.children if c.dep_ in SUBJECTS for t in c.subtree}
            if between <= subject or not between:
                return token
            break
    before = inner.start - 1
    colon = None
    while before >= 0 and (doc[before].is_punct or doc[before].is_space) and "\n" not in doc[before].text:
        if doc[before].text in SENTENCE_END:
            return None  # '… he said. “Next sentence”': a new sentence opens, the quote floats
        colon = doc[before] if doc[before].text == ":" else colon
        before -= 1
    for i in range(before, max(before - 10, -1), -1):
        token = doc[i]
        if token.i in quoted or "\n" in token.text:
            break
        if _cues_direct_quote(token, cues, inner) and token.right_edge.i >= before:
            return token
    return _colon_introducer(context, colon) if colon is not None else None


SPEAKING_TYPES = set(ACTOR_TYPES) - {"location"}  # every actor but a place


def _colon_introducer(context: _Context, colon: Token) -> Token | None:
    """'The minister turned to the crowd: "We will not retreat."': a quote that a colon introduces is
    said by the actor the clause before the colon is about, whatever its verb."""
    doc = context.doc
    if colon.i < 1:
        return None
    verb = doc[colon.i - 1].sent.root
    if verb.pos_ not in {"VERB", "AUX"} or verb.i >= colon.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    actor = context.refs.actor_in(subject) if subject is not None else None
    return verb if actor is not None and context.refs.type_of(actor) in SPEAKING_TYPES else None


# --- indirect speech ----------------------------------------------------------------------------


def _indirect_quote(context: _Context, cue: Token, quoted: dict[int, QuoteMark]) -> Quote | None:
    doc, cues = context.doc, context.cues
    if _is_according(cue):
        content_tokens = _according_content(cue) if not _according_to_a_measure(cue, cues) else []
        if not content_tokens:
            return None
    else:
        if cue.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in cue.children) \
                and not any(c.dep_ in SUBJECTS for c in cue.children) and subject_of_misread_finite_verb(cue) is None:
            return None  # "When asked if ...": a reduced passive is not someone speaking
        if any(c.dep_ == "neg" for c in cue.children) or nobody_says(cue):
            return None  # "She did not say that the talks failed", "Neither side confirmed it": nobody said it
        if _asked_to_say(cue):
            return None  # "asked the court to confirm the ruling": words requested of another, not said
        content_tokens = _clause_content(cue, cues)
        if not content_tokens:
            _remember_speaker(context, cue)  # "Peskov spoke to reporters." then a floating quote
            return None
    quoted_words = sum(1 for t in content_tokens if t.i in quoted and t.is_alpha)
    clause_words = sum(1 for t in content_tokens if t.is_alpha)
    inside_marks = [t.i for t in content_tokens if t.i in quoted]
    modifiers_only = bool(inside_marks) and _names_a_thing(doc[inside_marks[0]:inside_marks[-1] + 1])
    if quoted_words and cue.lemma_.lower() in cues.view_objects and _quoted_description(cue, quoted) \
            and not modifiers_only:
        # 'called the plan "a gamble"': the quoted description is what was said, as a direct quote; quoted
        # words that only modify the description's noun ('as "swift and lawful" action') leave it to the clause
        return None
    # a clause the cue introduces, whose own subject and verb stand outside the quoted words ('told media his office had
    # listed 40 books deemed "against public morals"', 'said the plan was "reckless and doomed"') is
    # the quote, however long the fragment; the fragment is absorbed
    inside_content = {t.i for t in content_tokens}
    roots = [t for t in content_tokens if t.head.i not in inside_content]
    # (a subject partly outside the marks is the writer's: 'argued that the plan's "backbone" was ...')
    own_clause = cue.i < content_tokens[0].i and any(r.i not in quoted and r.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(w.i not in quoted and w.is_alpha for w in c.subtree)
        for c in r.children) for r in roots)
    if quoted_words and quoted_words * 2 >= clause_words and not own_clause:
        return None  # the clause is essentially its quoted words: reported as a direct quote
    bounds = _trim(text_of(doc), content_tokens[0].idx, content_tokens[-1].idx + len(content_tokens[-1].text))
    # one word is content only as the thing a verb of view asks for or says ("urged restraint")
    one_thing = len(content_tokens) == 1 and content_tokens[0].pos_ == "NOUN" \
        and cue.lemma_.lower() in cues.view_objects
    if bounds is None or (len(content_tokens) < 2 and not one_thing):
        return None
    speaker, speaker_text = _speaker(context, cue)
    if speaker is None and speaker_text is None:
        return None
    sentence = context.sentence_of[cue.i]
    if speaker:
        context.refs.note_speaker(sentence, speaker, cue.i)
    else:
        context.refs.note_unnamed_voice(sentence, cue.i, speaker_text)
    start, end = bounds
    return Quote(speaker=speaker, speaker_text=speaker_text, cue=_cue_span(cue),
                 content=TextSpan(text_of(doc)[start:end], start, end), direct=False, sentence=sentence,
                 channel=_channel(context, cue))


def nobody_says(cue: Token) -> bool:
    """A subject that names no one ("Neither Lima nor Quito has confirmed", "No official said")."""
    for subject in (c for c in cue.children if c.dep_ in SUBJECTS):
        if subject.lower_ in {"nobody", "none", "neither"} or any(
                c.lower_ in {"neither", "no"} and c.dep_ in {"preconj", "det"} for c in subject.children):
            return True
    return False


def _asked_to_say(cue: Token) -> bool:
    """An infinitive of saying under a verb with an object told to act ("asked the court to confirm")."""
    return is_infinitive(cue) and cue.dep_ in {"xcomp", "ccomp", "advcl"} and told_to_act(cue.head) is not None


def _remember_speaker(context: _Context, cue: Token) -> None:
    token = _speaker_head(cue, context)
    if token is not None and token.pos_ != "PRON":
        entity = context.refs.speaker_in(token)
        if entity:
            context.refs.note_speaker(context.sentence_of[cue.i], entity, cue.i)


def _figure_object(token: Token, cues: SpeechCues) -> Token | None:
    """The count a verb of figures gives ("put the toll at 12", "raised the tally of dead to 30"), with
    the figure after it."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in cues.figure_verbs:
        return None
    count = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}
                  and c.lemma_.lower() in cues.figure_objects), None)
    figure = any(c.dep_ == "prep" and c.lower_ in {"at", "to"} for c in token.children)
    return count if count is not None and figure else None


def _clause_content(cue: Token, cues: SpeechCues) -> list[Token]:
    appeal = _appeal(cue, cues)
    if appeal is not None:
        last = max((c for c in cue.children if c.i > appeal.i), key=lambda c: c.i)
        return _run_through(cue.doc, appeal.i + 1, last)
    count = _figure_object(cue, cues)
    if count is not None:
        figure = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in {"at", "to"} and c.i > count.i]
        return sorted((t for part in (count, *figure[:1]) for t in part.subtree), key=lambda t: t.i)
    if cue.lemma_.lower() in cues.owning_verbs and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children):
        return []  # "the reef Manila claims as its territory": a possession claimed, not words
    # a clause after the verb first: "In a note sent after the vote failed, Ruiz said the count was
    # wrong" (the parser may also hang the adverbial's clause on the verb of saying)
    for child in sorted(cue.children, key=lambda c: (c.i < cue.i, c.i)):
        if child.dep_ == "ccomp" and not _quote_after_colon(cue, child) and cue.lemma_.lower() not in cues.naming_verbs:
            if any(m.dep_ == "mark" and m.lower_ in cues.question_marks for m in child.children):
                return []
            # a clause hanging off the content with its own verb of saying is a second quote
            # (the clause's own verbs, and those of a second clause joined to it: "that A and that B, calling ...")
            clause_verbs = [*child.children, *(g for k in child.children if k.dep_ == "conj" for g in k.children)]
            nested = {t.i for c in clause_verbs if c.dep_ in {"advcl", "conj"} and _is_saying(c, cues)
                      # "said that A but that B", "said A because they believe B": one content; "said A,
                      # while Borja said B": two, a verb of saying with its own subject
                      and not any(m.dep_ == "mark" and (m.lower_ == "that" or c.lemma_.lower() not in cues.saying
                                                        or not any(s.dep_ == "nsubj" for s in c.children))
                                  for m in c.children)
                      # "says an officer saw her but another pointed a gun": only a verb that reports
                      # words of its own is a second quote
                      and any(g.dep_ in {"ccomp", "dobj", "prep", "prt"} for g in c.children if g.i > c.i)
                      for t in c.subtree}
            # "..., according to Reuters": the outlet is the channel, not part of what was said
            nested |= {t.i for c in child.children if _is_according(c) for t in c.subtree}
            tokens = sorted((t for t in (*child.subtree, *_split_clause_rest(cue, child)) if t.i not in nested),
                            key=lambda t: t.i)
            while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc"):
                tokens = tokens[:-1]
            # "that" before the clause's own subject is its complementizer, whatever label the parser gave it
            while tokens and tokens[0].lower_ == "that" and (tokens[0].dep_ == "mark" or any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.i > tokens[0].i for c in child.children)):
                tokens = tokens[1:]
            noun_head = cue.head.pos_ in {"NOUN", "PROPN"} and cue.head.dep_ != "ROOT"  # not a misparsed clause
            if tokens and cue.dep_ == "relcl" and noun_head and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in RELATIVES and c.i < cue.i for c in child.children):
                # "the kingdoms that he says are neglected": what is said is of the noun the clause
                # qualifies, so the content runs from that noun's phrase
                tokens = [t for t in cue.doc[cue.head.left_edge.i:tokens[-1].i + 1] if not t.is_space]
            return _with_clauses_after(cue, _with_main_clause_after(cue, tokens), cues)
    statement = _statement_clause(cue)
    if statement:
        return statement
    # "when he announced the steps", "after she confirmed the deal": an object named in a clause of time
    # or cause is an act the sentence dates, not what was said
    timed = any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in cue.children if c.i < cue.i)
    if cue.lemma_.lower() in cues.object_content and not timed and not any(c.dep_ == "dative" for c in cue.children):
        # "denied the families health care" withholds something from someone: an act, not words
        for child in cue.children:
            if child.dep_ == "dobj":
                if child.lemma_.lower() in cues.speech_nouns | cues.taken_objects | cues.refused_objects \
                        | cues.source_nouns:
                    # "denied the report": a document or an utterance named, not what was said; "the
                    # flood claimed 20 lives": something taken, not said; "denied the appeal": refused;
                    # "cited court records": a source named
                    return []
                # "denied any fraud in the vote": the object with what the verb attaches after it
                # "stressed the need for observers if the truce holds": a condition is part of it
                after = _without_trailing_settings(
                    [c for c in cue.rights if c.i > child.i and (c.dep_ in {"prep", "oprd", "xcomp"} or (
                        c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children)))], cues)
                return sorted((t for part in (child, *after) for t in part.subtree), key=lambda t: t.i)
    if cue.lemma_.lower() in cues.judging:
        return _view_content(cue, cues)
    if cue.lemma_.lower() in cues.commitment | cues.object_content:
        for child in cue.children:
            # "vowed to retaliate": the commitment is what was said; "denies arming the rebels", "claimed
            # to have taken the base": the clause a verb of stating takes as its object
            gerund_or_infinitive = child.tag_ == "VBG" or is_infinitive(child)
            if child.dep_ == "xcomp" and (cue.lemma_.lower() in cues.commitment or gerund_or_infinitive):
                return sorted(child.subtree, key=lambda t: t.i)
    for prep in cue.children:
        if prep.dep_ == "prep" and f"{cue.lemma_.lower()} {prep.lower_}" in cues.saying_with_particle:
            # "pointed to the delays as a reason": what was cited, with what the verb says of it
            rest = [c for c in cue.rights if c.i > prep.i and c.dep_ in {"prep", "oprd", "advmod"}]
            parts = [prep, *_without_trailing_settings(rest, cues)]
            return [t for t in cue.doc[prep.i + 1:parts[-1].right_edge.i + 1] if not t.is_space]
    if cue.lemma_.lower() in cues.topic_verbs:
        # "spoke about the drought", "talked about how the plan failed": what was talked about; "complained
        # of delays, and of fraud": each such phrase
        topics = [prep for prep in cue.children if prep.dep_ in {"prep", "conj"} and prep.lower_ in {"about", "of"}]
        if topics:
            return [t for t in cue.doc[topics[0].i + 1:topics[-1].right_edge.i + 1] if not t.is_space]
    if cue.lemma_.lower() in cues.saying:
        # "She said closing the mine could cost jobs": the parser may take the clause for an
        # infinitival or loose complement; it is still the clause, if it has a subject of its own
        for child in cue.rights:
            infinitive = is_infinitive(child)  # "asked X to go"
            if child.dep_ in {"xcomp", "dep"} and not infinitive and any(
                    t.dep_ in {"nsubj", "nsubjpass"} for t in child.subtree):
                return sorted(child.subtree, key=lambda t: t.i)
        clause = _that_clause_in_setting(cue) or _clause_read_as_object(cue)
        if clause:
            return clause
    return _parenthetical_content(cue) or _trailing_content(cue)


def _that_clause_in_setting(cue: Token) -> list[Token]:
    """'Ruiz said on the “Morning Hour” show that the talks had failed': a quoted programme name can
    read to the parser as a verb, and the that-clause then hangs inside the prepositional phrase of the
    setting rather than on the verb of saying; it is still what was said."""
    for prep in cue.rights:
        if prep.dep_ not in {"prep", "npadvmod"}:  # "on the show", "the next day"
            continue
        for node in prep.subtree:
            marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < node.i]
            if node.dep_ in {"ccomp", "advcl", "relcl"} and marks and any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                return sorted((t for t in node.subtree if t.i > marks[0].i), key=lambda t: t.i)
    return []


RELATIVES = {"that", "which", "who", "whom"}
def _clause_read_as_object(cue: Token) -> list[Token]:
    """'Blinken said the militias had murdered men and targeted women': the parser may read the clause's
    verbs as adjectives and its object as the verb's; a subject with its own verb inside the object
    shows the clause, which runs from right after the verb."""
    objects = [c for c in cue.rights if c.dep_ == "dobj"]
    if not objects or cue.i + 1 >= len(cue.doc):
        return []
    inner = [t for t in objects[0].subtree if t.dep_ in {"nsubj", "nsubjpass"} and t.head.tag_.startswith("VB")]
    if not inner or inner[0].left_edge.i != cue.i + 1:
        return []
    return _run_through(cue.doc, cue.i + 1, objects[0])


SUBORDINATORS = {"unless", "if", "when", "once", "until", "while", "because", "although", "though", "after",
                 "before", "as"}


def _with_main_clause_after(cue: Token, tokens: list[Token]) -> list[Token]:
    """'Ruiz warned that unless the rebels disarm, the truce will fail': the parser may take the
    condition for the whole clause and hang the verb of saying on the clause after the comma; what
    was said runs on to the end of that clause."""
    if not tokens or tokens[0].lower_ not in SUBORDINATORS or cue.dep_ != "ccomp" or cue.head.i <= tokens[-1].i:
        return tokens
    main = cue.head
    rest = [t for t in main.subtree if t.i > tokens[-1].i and not (t.is_punct and t.i == main.sent.end - 1)]
    while rest and (rest[0].is_punct or rest[0].is_space):
        rest = rest[1:]
    return tokens + rest if rest else tokens


def _run_through(doc: Doc, start: int, last: Token) -> list[Token]:
    """The tokens from `start` to the end of `last`'s phrase, without the punctuation that closes it."""
    end = last.right_edge.i
    while end > last.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return [t for t in doc[start:end + 1] if not t.is_space]


def _tense_shift(cue: Token, conj: Token) -> bool:
    """'Ruiz says the guards left and later she was flown out', 'Ruiz said she backs the plan but she
    does not want to lead it': a clause joined to the verb of saying in another tense goes on with what
    is said; the writer does not switch tense to narrate in the middle of a report."""
    auxiliaries = [c for c in conj.children if c.dep_ in {"aux", "auxpass"}]
    past = conj.tag_ == "VBD" or any(a.lower_ in {"was", "were", "had"} for a in auxiliaries)
    present = conj.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP", "MD"} and a.lower_ not in {
        "would", "could", "might", "should"} for a in auxiliaries)
    return (cue.tag_ in {"VBZ", "VBP"} and past) or (cue.tag_ == "VBD" and present and not past)


def _quote_after_colon(cue: Token, clause: Token) -> bool:
    """'urged states to act: "Time is short."': a clause after a colon, with the verb's own object
    before it, is a direct quote of its own, not the content of the verb."""
    colon = next((t for t in cue.doc[cue.i + 1:clause.left_edge.i] if t.text == ":"), None)
    return colon is not None and any(c.dep_ in {"dobj", "xcomp"} and c.i < colon.i for c in cue.children)


def _split_clause_rest(cue: Token, clause: Token) -> list[Token]:
    """'told investors that worries about the mines were overblown': the parser may read "worries" as a
    verb and split one clause into two complements of the verb of saying, the second starting where the
    first ends; together they are what was said."""
    rest = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > clause.i
                 and c.left_edge.i == clause.right_edge.i + 1), None)
    return list(rest.subtree) if rest is not None else []


def _with_clauses_after(cue: Token, tokens: list[Token], cues: SpeechCues) -> list[Token]:
    """What was said goes on past the reported clause the parser gave: a second that-clause or a clause
    in another tense joined to the verb of saying ('The governor said the state needs nurses, but that
    he would not raise taxes'), or the clause after a colon the parser made the root."""
    if not tokens:
        return tokens
    for conj in cue.children:
        if conj.dep_ == "conj" and conj.i > tokens[-1].i and not _is_saying(conj, cues) and (any(
                c.dep_ == "mark" and c.lower_ == "that" for c in conj.children) or _tense_shift(cue, conj)) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
            return tokens + _run_through(cue.doc, tokens[-1].i + 1, conj)
    if cue.dep_ == "ccomp" and cue.head.i > tokens[-1].i and any(
            t.text == ":" for t in cue.doc[tokens[-1].i + 1:cue.head.i]):
        # 'Senators said the plan fails for one reason: it ignores farmers': the parser makes the clause
        # after the colon the sentence's root; it spells out what was said
        return tokens + _run_through(cue.doc, tokens[-1].i + 1, cue.head)
    return tokens


def _trailing_content(cue: Token) -> list[Token]:
    """'Funds are running short, Ana Ruiz, a spokeswoman for the agency, told reporters.': a verb of
    saying at the end, after the speaker's name set off by commas, reports the clause before them
    (the parser often joins it as a conjunct). The content runs from the sentence start to the comma
    before the speaker."""
    doc = cue.doc
    if any(c.dep_ in {"nsubj", "nsubjpass", "ccomp"} for c in cue.children) or cue.i == 0 \
            or not (doc[cue.i - 1].text == "," or doc[cue.i - 1].pos_ == "PROPN"):
        return []  # "..., and warned ...": a coordinated act, not a speaker's name and verb
    comma = None
    i = cue.i - 1
    while i >= 0 and not doc[i].is_sent_start:
        if doc[i].pos_ in {"VERB", "AUX"} or doc[i].dep_ == "cc":
            break
        if doc[i].text == ",":
            comma = i
        i -= 1
    if comma is None or not any(t.pos_ == "PROPN" for t in doc[comma:cue.i]):
        return []
    start = comma
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    tokens = [t for t in doc[start:comma] if not t.is_space]
    return tokens if any(t.pos_ in {"VERB", "AUX"} for t in tokens) else []


def _statement_clause(cue: Token) -> list[Token]:
    """'said in a statement that the port was closed', 'told a news conference that ...': the parser
    hangs the clause on the noun of the medium or the audience; it is still what was said."""
    nouns = [c for c in cue.children if c.dep_ in {"dobj", "dative"}]
    nouns += [p for c in cue.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for medium in nouns:
        for clause in medium.children:
            # the parser often reads the "that" of 'told a news conference that ...' as a relative pronoun
            opens_with_that = clause.dep_ == "relcl" and clause.left_edge.lower_ == "that" and medium.dep_ != "pobj"
            if clause.dep_ in {"acl", "relcl", "ccomp"} and (opens_with_that or any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)):
                return [t for t in sorted(clause.subtree, key=lambda t: t.i)
                        if not (t.lower_ == "that" and t.i == clause.left_edge.i)]
    return []


def _quoted_description(cue: Token, quoted: dict[int, QuoteMark]) -> bool:
    """The quoted words are the description a view verb gives ('described the plan as "a gamble"',
    'branded them "traitors"'), not words inside its object ('voiced concern about "interference"')."""
    # an infinitive is a directive, not a description: 'called on states to adopt an "economic Article 5"'
    descriptions = [c for c in cue.children if c.dep_ in {"oprd", "acomp"}
                    or (c.dep_ == "xcomp" and not is_infinitive(c)) or (c.dep_ == "prep" and c.lower_ == "as")]
    # an adjective after the object is predicated of it ('called the strikes "unacceptable"'), whatever
    # dependency the parser gives it
    descriptions += [g for c in cue.children if c.dep_ == "dobj" for g in c.children
                     if g.dep_ in {"appos", "oprd"} or (g.dep_ == "amod" and g.i > c.i)]
    inside = {t.i for d in descriptions for t in d.subtree}
    return bool(inside) and any(i in quoted for i in inside)


TIME_MARKS = {"when", "after", "before", "as", "since", "while", "until", "once", "because"}
DESCRIBING = {"describe", "characterize", "characterise", "portray"}  # "branded them traitors" needs no "as"
VIEW_COMPLEMENTS = {"dobj", "oprd", "xcomp", "prep", "dative", "ccomp", "acomp"}


def _view_content(cue: Token, cues: SpeechCues) -> list[Token]:
    """'The court called the ruling final', 'Monitors voiced concern about the count', 'Kyiv blamed
    Moscow for the blast', 'Aid groups called for a truce': the object with the complements after it.
    A bare object is not enough for "call" ("she called the minister" is a phone call)."""
    # "warned residents on X to leave": the parser may hang the infinitive told to the object as an
    # adverbial once a phrase stands between them
    told = any(c.dep_ == "dobj" for c in cue.children)
    parts = _without_trailing_settings([c for c in cue.rights if c.dep_ in VIEW_COMPLEMENTS or (
        told and c.dep_ == "advcl" and (is_infinitive(c) or _judged_as(c) or is_condition(c)))], cues)
    colon = next((t.i for t in cue.doc[cue.i + 1:cue.sent.end] if t.text == ":"), None)
    if colon is not None and any(p.i < colon for p in parts):
        # 'urged states to act: "Time is short."': the words after the colon are a direct quote of their own
        parts = [p for p in parts if p.i < colon]
    if not parts or all(p.dep_ == "dobj" and p.lemma_.lower() in cues.source_nouns for p in parts):
        return []  # "citing unnamed sources": the source is named, not what it said
    directive = any(c.dep_ == "xcomp" for c in cue.children) or any(
        g.dep_ == "xcomp" for c in cue.children if c.dep_ == "dobj" for g in c.children)
    if directive and cue.tag_ == "VBG" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        # "..., urging lawmakers to act": a participle that goes on from another act with a directive
        # is a request (an event), not a view; "..., accusing them of fraud" still reports a view, and so
        # do a finite verb joined to another ("met the envoy and urged him to act") and an infinitive
        # ("plans to urge the ministers to act")
        return []
    # "the drills that Beijing called a punishment": the relative pronoun is the first object, the
    # description the second
    if cue.lemma_.lower() == "call" and not any(_describes(c) or _calls_for(c) for c in parts) \
            and naming_complement(cue) not in parts:
        return []
    # the "as" or "for" must be the judgement's own: in "welcomed the designation of X as a terrorist group"
    # it belongs to the naming noun, wherever the parser hangs it
    naming = any(p.dep_ == "dobj" and p.lemma_.lower() in cues.naming_nouns for p in parts)
    judging = {"for"} if naming else {"as", "for"}
    judged = [*parts, *[g for p in parts for g in p.children]]
    if cue.lemma_.lower() in cues.appraisals and not any(c.dep_ == "prep" and c.lower_ in judging for c in judged) \
            and not any(_judged_as(p) for p in parts):
        return []  # "welcomed the delegation" is an act; "welcomed the ruling as overdue" a view
    if cue.lemma_.lower() in DESCRIBING and naming_complement(cue) is None and not any(
            c.dep_ == "prep" and c.lower_ == "as" for c in [*parts, *[g for p in parts for g in p.children]]):
        return []  # "a phrase to describe the migrants": a description is only given "as" something
    return sorted((t for part in parts for t in part.subtree), key=lambda t: t.i)


def _judged_as(clause: Token) -> bool:
    """'dismissed the findings as politically motivated': the parser may read the judgement as an
    adverbial clause opened by "as"; it is still what the thing is judged as."""
    # "condemned the raid, as eight protesters were killed": a clause of its own subject is a time or cause
    return clause.dep_ == "advcl" and any(c.lower_ == "as" and c.i < clause.i and c.dep_ in {"advmod", "mark", "prep"}
                                          for c in clause.children) and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children)


def _medium_or_time(prep: Token, cues: SpeechCues) -> bool:
    """'confirmed the deal in a post on X', '... on Friday': where or when it was said, not what."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if len(list(prep.subtree)) > 6:
        return False  # a long phrase carries content too ("in February of an officer who ...")
    return any(names_a_time(o) or o.lemma_.lower() in cues.media_nouns | cues.channel_nouns
               for o in objects)


def _without_trailing_settings(parts: list[Token], cues: SpeechCues) -> list[Token]:
    """Drop where and when it was said from the end of what was said ('confirmed the deal in a
    post on Friday'); inside the content such phrases stay, so the content remains one stretch."""
    # "..., according to the agency": who reports it, not what was said
    while parts and parts[-1].dep_ == "prep" and (_medium_or_time(parts[-1], cues) or parts[-1].lower_ == "according"):
        parts = parts[:-1]
    return parts


def _describes(part: Token) -> bool:
    """'called the vote a sham', 'called the plan illegal': a nominal or adjectival description
    ('called the minister late' is a phone call made late)."""
    return part.dep_ in {"oprd", "xcomp", "ccomp"} and part.pos_ in {"NOUN", "PROPN", "ADJ", "VERB", "AUX"}


def _calls_for(part: Token) -> bool:
    """'called for a truce', 'called on both sides to ...'; not 'called him on Sunday'."""
    objects = [c for c in part.children if c.dep_ == "pobj"]
    return (part.dep_ == "prep" and part.lower_ in {"for", "on"}
            and not any(names_a_time(o) for o in objects))


def reports_a_view(verb: Token, cues: SpeechCues) -> bool:
    """The verb reports a source's view through its object: what makes a sentence attributed."""
    # a judgement ("condemned the raid as reckless") or an act done in words ("urged the rebels to disarm")
    # is a reported act the writer asserts, though its words are quoted as the source's
    return verb.lemma_.lower() in cues.view_objects and not is_spoken_act(verb, cues) \
        and bool(_view_content(verb, cues))


def is_spoken_act(verb: Token, cues: SpeechCues) -> bool:
    """An act done in words, which a sentence reports as the writer's fact: urging, thanking, voicing, vowing,
    calling for or on ("called for a truce"; "called the vote a sham" gives a view)."""
    lemma = verb.lemma_.lower()
    return lemma in cues.spoken_acts or (lemma == "call" and any(
        c.dep_ == "prep" and c.lower_ in {"for", "on"} for c in verb.children))


def _inverted_speaker(cue: Token) -> Token | None:
    """'The real risk, say officials, is a second wave': the speaker after a verb of saying set off by
    commas (the parser may take the clause's own subject for the verb's too)."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    after = next((c for c in cue.children if c.dep_ in SUBJECTS and c.i > cue.i), None)
    if after is None and cue.dep_ == "parataxis":
        # "..., say some analysts, is ...": the parser may take the speaker after the verb for its object
        after = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if after is None or after.right_edge.i + 1 >= len(doc) or doc[after.right_edge.i + 1].text != ",":
        return None
    return after


def _parenthetical_content(cue: Token) -> list[Token]:
    """'The harvest, Ruritania said, was its largest in a decade': the cue sits between commas inside the
    clause it reports; the content is that clause without the cue's own words."""
    doc = cue.doc
    inverted = _inverted_speaker(cue)
    if inverted is not None and cue.head.i != cue.i:
        # "The real risk, say officials, is ...": the clause around the commas, without them
        cut = set(range(cue.i - 1, inverted.right_edge.i + 2))
        return sorted((t for t in cue.head.subtree if t.i not in cut and not t.is_space), key=lambda t: t.i)
    # the cue's own words by their edges (a walk of its subtree per cue would cost the square of a
    # long chain of clauses)
    low, high = cue.left_edge.i, cue.right_edge.i
    if low < cue.i and doc[low].dep_ in {"advmod", "cc"} and doc[low].head.i == cue.i and doc[low + 1].text == ",":
        low += 1  # "Still, Ruiz cautions, the deal ...": the parser may hang the opening adverb on the cue
    while low < cue.i and doc[low].is_punct:
        low += 1
    while high > cue.i and doc[high].is_punct:
        high -= 1
    left, right = low - 1, high + 1
    if left < 0 or right >= len(doc) or doc[left].text != "," or doc[right].text not in {",", "."}:
        return []
    if cue.head.i == cue.i or not any(c.dep_ in SUBJECTS for c in cue.children):
        return []
    if cue.dep_ == "relcl":
        return []  # "Ruiz, who added to her lead, won": a clause about its antecedent reports nothing
    if any(c.dep_ == "mark" for c in cue.children):
        return []  # "Later, after the hearing concluded, Ruiz left": a clause of time or cause says nothing
    excluded = {t.i for t in cue.subtree} | {left, right}
    return sorted((t for t in cue.head.subtree if t.i not in excluded and not t.is_space), key=lambda t: t.i)


def according_scope(according: Token) -> Token:
    """The clause "according to X" covers: the one it hangs from, but the whole sentence when it ends the
    sentence after a comma and hangs from a clause of its own ("A passed, while B voted against and C
    abstained, according to diplomats": the parser hangs it on the last clause, the writer sets it over
    all of them)."""
    sentence = according.sent
    head = according.head
    # a last verb phrase sharing its subject ("the gunmen burned the depot and searched every home,
    # according to officials") is all the phrase covers
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children)
    if ends_the_sentence(according) and head.i != sentence.root.i and own_subject:
        return sentence.root
    return head


def ends_the_sentence(according: Token) -> bool:
    """"..., according to X." closing the sentence after a comma: the writer credits the sentence's report
    to X, whatever clause the parser hangs the phrase from."""
    sentence = according.sent
    after = [t for t in sentence if t.i > according.right_edge.i and not t.is_punct and not t.is_space]
    return not after and according.i > sentence.start and according.doc[according.i - 1].text == ","


def _according_content(according: Token) -> list[Token]:
    """'According to X, <clause>': the clause the phrase is attached to, without the phrase."""
    head = according_scope(according)
    if head.i == according.i:
        return []
    excluded = {t.i for t in according.subtree}
    # "According to Farm Watch, a growers' coalition, farmers are barred ...": of two subjects the parser
    # gave the clause, one set off by commas right after the source describes the source
    subjects = sorted((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), key=lambda t: t.i)
    doc = according.doc
    if len(subjects) == 2 and according.i < subjects[0].i:
        first = subjects[0]
        left, right = first.left_edge.i, first.right_edge.i
        set_off = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
        if left > 0 and doc[left - 1].text == "," and set_off and left - 1 == according.right_edge.i + 1:
            excluded |= {t.i for t in first.subtree} | {left - 1}
    tokens = [t for t in head.subtree if t.i not in excluded]
    # keep the contiguous run around the head (drop anything cut off by the phrase)
    tokens.sort(key=lambda t: t.i)
    run = [t for t in tokens if (t.i < according.i) == (head.i < according.i)]
    return run


# --- speakers -----------------------------------------------------------------------------------


def _speaker_head(cue: Token, context: _Context) -> Token | None:
    """Who utters what a cue reports: the doer of the verb of saying (arguments.subject_of, never a
    word inside the quote, passive subjects of the clauses it inherits from counting), with what
    only verbs of saying need: "according to X", the speaker the parser put after the verb or
    before it, and the reporting verb a reported clause hangs from."""
    if _is_according(cue):
        to = next(c for c in cue.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        return _issuer(source, context) or source if source is not None else None
    citing = citing_verb(cue)
    if citing is not None:
        return _cites_as_saying(citing)
    quoted = context.quoted
    if cue.dep_ == "ccomp" and any(c.dep_ in SUBJECTS and c.i in quoted for c in cue.children):
        # 'Ruiz said the “special units” had confirmed it': the clause's own subject, in scare quotes,
        # confirmed it; the walk must not climb to the one reporting it
        return None
    inverted = _inverted_speaker(cue)
    if inverted is not None and inverted.i not in quoted:
        return inverted
    reporter = _reporter_of_participle(cue, context.cues)
    if reporter is not None:
        return _speaker_head(reporter, context)

    def elsewhere(node: Token) -> Token | None:
        if node is cue and _follows_quote(cue, quoted):
            # '“…,” said Leslie Wimes': the parser may hang the name after the verb in another role
            # ('“…,” read a statement from the ministry': the parser makes the text the verb's object)
            inverted = next((c for c in cue.rights if c.dep_ in {"dobj", "attr", "npadvmod", "appos", "dep"}
                             and (c.pos_ == "PROPN" or c.lemma_.lower() in context.refs.cues.voices)
                             and c.i not in quoted), None)
            if inverted is not None:
                return inverted
        if node is not cue and node.i in quoted:
            # '"We will stay," Ruiz said, adding that ...': the parser hangs "adding" on the quoted
            # words; the speaker is whoever says them
            saying = next((c for c in node.children if c.i not in quoted and c is not cue
                           and _is_saying(c, context.cues) and any(s.dep_ in SUBJECTS for s in c.children)), None)
            if saying is not None:
                return next(s for s in saying.children if s.dep_ in SUBJECTS)
        if node is cue and (node.dep_ == "ROOT" or (node.dep_ == "conj" and cue.i > 0
                                                    and cue.doc[cue.i - 1].text == ",")):
            # "..., Ana Ruiz, a spokeswoman, told reporters": the name set off before the verb
            name = _name_before(cue, context)
            if name is not None and node.dep_ == "conj" and cue.head.i not in quoted \
                    and _object_of_the_verb_before(name, cue):
                return None  # "Ruiz met the envoy Ana Borja, described the talks as ...": Ruiz goes on
            return name
        # the parser may also hang such a participle on the main verb when the noun ends a phrase after it
        # ("faces criticism from unions arguing that ...")
        hung_on_verb = cue.dep_ == "advcl" and cue.i > 0 and cue.doc[cue.i - 1].dep_ in {"pobj", "conj"}
        if node is cue and (cue.dep_ == "acl" or hung_on_verb) and cue.tag_ == "VBG" and cue.i > 0:
            # "criticism from unions arguing that ...": a participle after a noun says what that noun's
            # people say, whatever noun the parser hung it from; a document ("a letter urging") is
            # left to the walk, which finds who sent it
            before = cue.doc[cue.i - 1]
            if before.dep_ == "pobj" and before.head.lower_ in SETTING_PREPOSITIONS:
                # "with Ruiz at one point suggesting ...", "delegates at the summit arguing ...": the
                # participle's setting is no speaker; who speaks is whom the setting is of, or the one
                # a "with" before it names
                holder = before.head.head
                if holder.pos_ in {"NOUN", "PROPN"}:
                    before = holder
                else:
                    named = next((o for p in holder.children if p.dep_ == "prep" and p.lower_ == "with"
                                  and p.i < before.i for o in p.children if o.dep_ == "pobj"), None)
                    if named is None:
                        return None
                    before = named
            # not an object: "emailed supporters saying ..." is the sender speaking
            # a day or a time before the participle ("issued a statement Tuesday saying") says nothing
            if before.pos_ in {"NOUN", "PROPN"} and before.i not in quoted and \
                    not names_a_time(before) and \
                    before.dep_ not in {"dobj", "dative", "iobj"} and \
                    before.lemma_.lower() not in context.refs.cues.voices | context.cues.speech_nouns | \
                    context.cues.media_nouns | context.cues.saying:
                while before.dep_ == "conj" and before.head.i < before.i:
                    before = before.head  # "lawyers and rights groups arguing": all of them
                return before
        return None

    def to_reporting_verb(node: Token) -> Token:
        # "acknowledged [violations had occurred] and said ...": the parser may join the second
        # verb to the reported clause; the speaker is the subject of the verb that reports it
        return node.head if node.dep_ == "ccomp" and _is_saying(node.head, context.cues) else node

    subject = subject_of(cue, skip=quoted, subjects=SUBJECTS, inherit=INHERITING, fallback=elsewhere,
                         climb=to_reporting_verb)
    return _name_beside_role(subject, context) if subject is not None else None


def _name_beside_role(subject: Token, context: _Context) -> Token | None:
    """'The charity Relief Now says ...': the parser may split a role noun and the name set beside it
    without commas into two subjects of the verb; the speaker is the actor the name gives."""
    if subject.pos_ == "PRON":
        return subject
    if names_a_time(subject):
        # "Saturday at the convention Ruiz said ...": a day the parser took for a subject never speaks
        return next((c for c in subject.head.children if c.dep_ in SUBJECTS and c is not subject
                     and not names_a_time(c)), None)
    # of two subjects the parser gave the verb, the speaker is first one named itself ('In her speech, her
    # second this week, Ruiz said ...' over a subject naming an actor only through a possessive), then
    # one naming an actor ('In his address, his first since the fall, Ruiz accused ...')
    others = [c for c in subject.head.children if c.dep_ == subject.dep_ and c is not subject]
    if context.refs.entity_at(subject.i) is None:
        named = next((c for c in others if context.refs.entity_at(c.i) is not None), None)
        if named is not None:
            return named
    if context.refs.actor_in(subject, depth=0):
        return subject
    if subject.pos_ != "NOUN" or not context.refs.actor_in(subject, depth=1):
        named = next((c for c in others if context.refs.actor_in(c, depth=0)), None)
        if named is not None:
            return named
    if subject.pos_ != "NOUN":
        return subject
    beside = next((c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > subject.i), None)
    if beside is not None and beside.left_edge.i == subject.right_edge.i + 1 and context.refs.actor_in(beside, depth=0):
        return beside
    # 'Ruiz, in an interview with the “Morning Hour” show, said ...': the parser may take the person set
    # off at the head of the clause for an interjection and the programme for the subject
    person = next((c for c in subject.head.children if c.i < subject.i and c.dep_ in {"intj", "npadvmod", "dep"}
                   and context.refs.type_of(context.refs.entity_at(c.i)) == "person"), None)
    return person if person is not None else subject


def _issuer(document: Token, context: _Context) -> Token | None:
    """'according to figures the ministry released', 'according to a report issued by the agency':
    a document that names no actor of its own speaks for whoever released it."""
    if context.refs.actor_in(document, depth=0):
        return None
    for child in document.children:
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ in SUBJECTS), None)
            if subject is not None and context.refs.actor_in(subject, depth=0):
                return subject
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            issuer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if issuer is not None and context.refs.actor_in(issuer, depth=0):
                return issuer
    return None


def _name_before(cue: Token, context: _Context) -> Token | None:
    """A main verb of saying left without a subject by the parser ("In the capital, Ana Ruiz, head of
    the union, says ..."): the last person named before it in its clause, with no verb between."""
    sentence = context.sentence_of[cue.i]
    i = cue.i - 1
    while i >= 0:
        token = _head_of_set_off_clause(cue.doc[i], cue)
        if token.i != i:
            i = token.i  # "Ana Ruiz, who met Borja in May, says ...": a clause set off by commas names no speaker
        if context.sentence_of[i] != sentence or token.pos_ in {"VERB", "AUX"} or token.i in context.quoted:
            return None
        entity = context.refs.entity_at(token.i)
        if entity and context.refs.type_of(entity) == "person":
            return token
        i -= 1
    return None


def _head_of_set_off_clause(token: Token, cue: Token) -> Token:
    """The noun a relative clause set off by a comma describes, for a token inside it."""
    node = token
    while node.head.i != node.i and node.head.i < cue.i:
        if node.dep_ == "relcl" and node.left_edge.i > 0 and cue.doc[node.left_edge.i - 1].text == ",":
            return node.head
        node = node.head
    return token


def _object_of_the_verb_before(name: Token, cue: Token) -> bool:
    """The name stands in an object of the verb the cue is coordinated with, which has a subject of its own
    (the writer's verb: one inside quoted words is the parser joining the quote to its cue)."""
    verb = cue.head
    if not any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    node = name
    while node.head.i != node.i and node.i != verb.i:
        if node.dep_ in {"dobj", "pobj", "dative", "iobj"} and node.head.i != cue.i:
            return True
        node = node.head
    return False


def _follows_quote(cue: Token, quoted: dict[int, QuoteMark]) -> bool:
    i = cue.i - 1
    while i >= 0 and cue.doc[i].is_punct and i not in quoted:
        i -= 1
    return i in quoted or (i >= 0 and cue.doc[i].is_punct)


def _speaker(context: _Context, cue: Token) -> tuple[str | None, str | None]:
    """Who says it: the entity the reference layer finds for the cue's subject, and the words
    that name the speaker. "I" and "you" are the quote's own voice, not an attribution."""
    token = _speaker_head(cue, context)
    if token is None or token.lemma_.lower() in context.cues.happenings:
        return None, None  # "the attack highlighted the insecurity": a happening says nothing
    if token.pos_ == "PRON" and token.lower_ not in context.refs.cues.person_pronouns | \
            context.refs.cues.group_pronouns | context.cues.indefinite_speakers:
        return None, None
    speaker = context.refs.speaker_in(token)
    if speaker is None and token.pos_ == "NOUN":
        # "intelligence shared by the agency indicated ...", "figures the ministry released show ...": what
        # an actor issued speaks for it
        issuer = _issuer(token, context)
        speaker = context.refs.speaker_in(issuer) if issuer is not None else None
    if speaker is None and token.lower_ in PLURAL_PRONOUNS:
        many = context.refs.unnamed_many_before(token)
        if many:
            return None, many  # "Analysts say ... They add ...": the same unnamed many
    return speaker, _speaker_text(token, cue)


def _speaker_text(token: Token, cue: Token | None = None) -> str:
    keep = [token]
    # a restrictive clause belongs to the name ("figures the agency released", "a group of lawmakers
    # including Ana Ruiz"); one set off by a comma ("an official, who asked not to be named,") does not,
    # nor the clause of the cue itself ("a cartoon that mocked the minister")
    restrictive = [c for c in token.children if c.dep_ in {"relcl", "acl"} and c.i > token.i
                   and token.doc[c.left_edge.i - 1].text != ","
                   and (cue is None or not c.left_edge.i <= cue.i <= c.right_edge.i)]
    stack = [c for c in token.children if c.dep_ not in NOT_IN_SPEAKER_TEXT] + restrictive
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children if c.dep_ not in {"appos", "relcl", "acl", "punct"})
    keep.sort(key=lambda t: t.i)
    start, end = keep[0].i, keep[-1].i + 1
    text = token.doc[start:end].text.strip(EDGE_PUNCT)
    last = token.doc[end - 1]
    if last.text.endswith(".") and len(last.text) > 1 and last.text[-2].isalpha() and text.endswith(last.text[:-1]):
        text += "."  # "officials from the U.S.": the period of an abbreviation is the name's, not the sentence's
    return text


# --- channels -----------------------------------------------------------------------------------


def _channel(context: _Context, cue: Token) -> str | None:
    """The outlet it was said through: 'told Reuters', 'said in an interview with CNN', 'the agency
    quoted officials as saying'."""
    citing = citing_verb(cue)
    if citing is not None:
        agent = next((c for c in citing.children if c.dep_ == "agent"), None)
        outlet = next((c for c in citing.children if c.dep_ == "nsubj"), None) or (
            next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None)
        if outlet is not None:
            channel = _media_in(context, outlet)
            if channel:
                return channel
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} or (child.dep_ == "prep" and child.lower_ in {"to", "on", "in", "with"}):
            channel = _media_in(context, child)
            if channel:
                return channel
    return None


def _media_in(context: _Context, phrase: Token) -> str | None:
    for token in phrase.subtree:
        entity_id = context.refs.entity_at(token.i)
        if entity_id and context.refs.type_of(entity_id) == "media":
            return entity_id
    # an outlet the knowledge base does not know, named by what it is ("the official news agency, X")
    for token in phrase.subtree:
        if token.lemma_.lower() in context.cues.channel_nouns:
            for appos in token.children:
                entity_id = context.refs.entity_at(appos.i)
                if appos.dep_ == "appos" and entity_id:
                    return entity_id
    return None


def _channels_from_according(context: _Context, quotes: list[Quote]) -> None:
    """'X warned ..., according to IRNA': the outlet is X's channel, not a second speaker."""
    by_sentence: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_sentence.setdefault(quote.sentence, []).append(quote)
    doc = context.doc
    for token in tokens_of(doc):
        if not _is_according(token):
            continue
        sentence = context.sentence_of[token.i]
        others = [q for q in by_sentence.get(sentence, []) if q.cue.start != token.idx]
        if not others:
            continue
        to = next(c for c in token.children if c.lower_ == "to")
        channel = _media_in(context, to)
        if channel is None:
            continue
        for quote in others:
            quote.channel = quote.channel or channel
        quotes[:] = [q for q in quotes if q.cue.start != token.idx]


def _cue_span(cue: Token) -> TextSpan:
    if _is_according(cue):
        to = next(c for c in cue.children if c.lower_ == "to")
        end = to.idx + len(to.text)
        return TextSpan(text_of(cue.doc)[cue.idx:end], cue.idx, end)
    tokens = [cue, *[c for c in cue.children if c.dep_ == "prt"]]
    start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
    return TextSpan(text_of(cue.doc)[start:end], start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT:
        end -= 1
    return (start, end) if end > start else None


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    seen: set[tuple[int, int, str | None]] = set()
    unique = []
    for quote in quotes:
        key = (quote.content.start, quote.content.end, quote.speaker)  # co-speakers share words
        if key in seen:
            continue
        seen.add(key)
        unique.append(quote)
    return unique
