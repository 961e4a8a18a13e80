"""The article text with what was extracted marked in it: entity mentions, quoted content, event
triggers; each sentence an anchor (#s3) that every fact links to. The text is untrusted: each
piece is escaped, and only the marks are markup."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape


def highlighted(article: dict[str, Any]) -> Markup:
    text: str = article["text"]
    marks: list[tuple[int, int, str, str, str | None]] = []  # start, end, css class, title, link
    for quote in article["quotes"]:
        if quote["content_start"] is not None:
            marks.append((quote["content_start"], quote["content_end"], "quote",
                          f"quote by {quote['speaker'] or quote['speaker_text'] or '?'}", None))
    for event in article["events"]:
        if event["trigger_start"] is not None:
            marks.append((event["trigger_start"], event["trigger_end"], f"trigger {event['status'] or ''}",
                          f"{event['type']} {event['source'] or ''} → {event['target'] or event['target_text'] or ''}",
                          None))
    sentences = {s["idx"]: s for s in article["sentences"]}
    for claim in article["claims"]:
        sentence = sentences.get(claim["sentence"])
        if claim["status"] == "hedged" and claim["cue"] and sentence is not None:
            # the hedge's words, found in its sentence ("is believed to", "allegedly")
            found = text.find(claim["cue"], sentence["start"], sentence["end"])
            if found >= 0:
                marks.append((found, found + len(claim["cue"]), "hedge", f"hedge: {claim['cue']}", None))
    for mention in article["mentions"]:
        marks.append((mention["start"], mention["end"], f"mention t-{mention['type']}", mention["name"],
                      f"/actors/{mention['entity']}"))
    # innermost marks win where they overlap: mentions and triggers sit inside quotes
    boundaries = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks),
                         *(s["start"] for s in article["sentences"])})
    claims = {c["sentence"]: c for c in article["claims"]}
    sentence_starts = {s["start"]: s for s in article["sentences"]}
    out: list[str] = []
    open_sentence = False
    for left, right in zip(boundaries, boundaries[1:], strict=False):
        if left in sentence_starts:
            if open_sentence:
                out.append("</span>")
            sentence = sentence_starts[left]
            claim = claims.get(sentence["idx"])
            status = f" claim-{claim['status']}" if claim else ""
            title = ""
            if claim:
                cue = f": {claim['cue']}" if claim["cue"] else ""
                title = f' title="{escape(claim["status"] + cue)}"'
            out.append(f'<span class="sentence{status}" id="s{sentence["idx"]}"{title}>')
            open_sentence = True
        piece = escape(text[left:right])
        # wrap the innermost mark first, so the widest (a quote) ends up outside
        covering = sorted((m for m in marks if m[0] <= left and right <= m[1]), key=lambda m: m[1] - m[0])
        for start, end, css, title, link in covering:
            del start, end
            inner = f'<a href="{escape(link)}">{piece}</a>' if link else str(piece)
            piece = Markup(f'<mark class="{escape(css)}" title="{escape(title)}">{inner}</mark>')
        out.append(str(piece))
    if open_sentence:
        out.append("</span>")
    return Markup("".join(out))
