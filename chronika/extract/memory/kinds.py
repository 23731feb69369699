"""The nine kind rules of the memory classifier: each reads a sentence for one kind of act (a monument,
a renaming, a rehabilitation, archives, a poll, a commemoration, a publication, a suppression of
memory work, a statement) and returns a `Finding` with the cues it rests on and its direction
votes, or None."""

from __future__ import annotations

from typing import Iterable

from chronika.extract.memory import cues as C
from chronika.extract.memory.cues import DE, RE
from chronika.extract.memory.decisions import Finding
from chronika.extract.memory.gates import Rx, Text, cue_regexes
from chronika.extract.memory.polls import SHARE, poll_votes
from chronika.extract.memory.reading import Hit, Reading, last_sentence, quoted, stance

_PRONOUN_OBJECT = Rx(C.PRONOUN_OBJECT)
_SPEECH, _SPEECH_LIKE = Rx(C.SPEECH), Rx(C.SPEECH_LIKE)
_MON_NOUN, _MON_ERECT, _MON_REMOVE, _MON_BLOCK = Rx(C.MONUMENT_NOUN), Rx(C.MONUMENT_ERECT), Rx(C.MONUMENT_REMOVE), Rx(C.MONUMENT_BLOCK)
_STALIN_TARGET, _VICTIM_TARGET, _STALIN = Rx(C.STALIN_TARGET), Rx(C.VICTIM_TARGET), Rx(r"\bStalin\b")
_RENAME, _STALIN_NAME = Rx(C.RENAME_VERB), Rx(C.STALIN_NAME)
_RENAMED_TO, _RENAMED_FROM = Rx(C.RENAMED_TO), Rx(C.RENAMED_FROM)
_REHAB, _RELEASE = cue_regexes(C.REHAB), cue_regexes(C.REHAB_RELEASE)
_REHAB_STALIN, _REHAB_REVERSED = Rx(C.REHAB_OF_STALIN), Rx(C.REHAB_REVERSED)
_ARCH_NOUN, _ARCH_SELF, _ARCH_OPEN, _ARCH_CLOSE = Rx(C.ARCHIVE_NOUN), Rx(C.ARCHIVE_SELF), cue_regexes(C.ARCHIVE_OPEN), cue_regexes(C.ARCHIVE_CLOSE)
_POLL_NOUN, _POLL_OPINION, _POLL_ACT = Rx(C.POLL_NOUN), Rx(C.POLL_OPINION), Rx(C.POLL_ACT)
_COMM_STRONG, _COMM_WEAK, _VICTIM_OBJ, _PERP_OBJ = Rx(C.COMMEMORATE_STRONG), Rx(C.COMMEMORATE_WEAK), Rx(C.VICTIM_OBJECT), Rx(C.PERPETRATOR_OBJECT)
_EVENT_HELD = Rx(C.EVENT_HELD)
_WORK, _PUBLISH, _FALSIFIED, _EXAGGERATES = Rx(C.PUBLICATION_WORK), Rx(C.PUBLICATION_ACT), Rx(C.FALSIFIED_HISTORY), Rx(C.EXAGGERATES_STALIN)
_ABOUT_STALIN = Rx(r"\b(?:about|on|of|concerning|devoted to)\s+(?:Joseph\s+)?Stalin\b(?!'s\s+(?:articles|works|speeches|writings|letters))")
_SUPPRESS, _MEMORY_WORK, _SUPPRESS_PRO = cue_regexes(C.SUPPRESSION), Rx(C.MEMORY_WORK), Rx(C.SUPPRESS_PRO_STALIN)


def _near(a: list[Hit], b: list[Hit], window: int) -> tuple[Hit, Hit] | None:
    """The first pair (x from a, y from b) whose spans lie within `window` characters of each other."""
    for x in a:
        for y in b:
            if max(x[1], y[1]) - min(x[2], y[2]) <= window:
                return x, y
    return None


def _all(r: Reading, cues: Iterable[tuple[str, Rx]]) -> list[Hit]:
    return sorted((h for label, p in cues for h in r.hits(label, p)), key=lambda h: h[1])


def _words(rx: Rx, t: Text) -> list[str]:
    return [t.orig[a:b] for a, b in rx.spans(t)]


def _about_terror(r: Reading) -> bool:
    return r.topic() or (bool(_PRONOUN_OBJECT.search(r.t)) and r.context_topic())


def monument(r: Reading) -> Finding | None:
    """A monument unveiled, planned, blocked, defaced or removed; to Stalin or to his victims."""
    nouns = r.hits("monument", _MON_NOUN, keep_blocked=True)
    if not nouns:
        return None
    erect, remove, block = r.hits("erected", _MON_ERECT), r.hits("removed", _MON_REMOVE), r.hits("blocked", _MON_BLOCK)
    pair = _near(erect + remove + block, nouns, 120)
    stalin, victims = r.hits("to Stalin", _STALIN_TARGET, keep_blocked=True), r.hits("to the victims", _VICTIM_TARGET, keep_blocked=True)
    if pair is None:
        return None
    act, noun = pair
    whose = ""
    if not (stalin or victims or _about_terror(r)):
        # "A new monument was unveiled downtown" after sentences about the victims: the paragraph says whose
        if not (erect and not remove and not block and r.context_topic()):
            return None
        stalin = [("to Stalin", 0, 0, words) for words in _words(_STALIN_TARGET, r.ctx)]
        victims = [("to the victims", 0, 0, words) for words in _words(_VICTIM_TARGET, r.ctx)]
        whose = " (whose: the sentences before)"
    f = Finding("monument", min(act[1], noun[1]), [f"kind: monument '{act[3]}' + '{noun[3]}'{whose}"], background=r.background(act[1]), act_at=act[1])
    if not stalin and not victims and _STALIN.search(r.t):
        stalin = [("in a sentence about Stalin", 0, 0, "Stalin")]
    elif not stalin and not victims and whose and _STALIN.search(r.ctx):
        stalin = [("in a paragraph about Stalin", 0, 0, "Stalin")]
    removed = bool(block or remove)
    action = "blocked" if block else "removed" if remove and not erect else "erected" if erect and not remove else ""
    for targets, name, honours in ((stalin, "to Stalin", RE), (victims, "to the victims", DE)):
        if targets and action:
            d = honours if not removed else (DE if honours == RE else RE)
            f.votes.append((d, f"monument {name} {quoted(targets[:1])} {action}"))
    return f


def renaming(r: Reading) -> Finding | None:
    """A place or street renamed: given Stalin's name (re-) or rid of it (de-)."""
    verbs = r.hits("renamed", _RENAME)
    names = r.hits("Stalin's name", _STALIN_NAME, keep_blocked=True)
    if not verbs or not (names or r.topic() or r.context_topic()) or (all(v[3].lower() == "became" for v in verbs) and not names):
        return None  # a renaming in a paragraph about Stalin or the terror is memory politics too
    f = Finding("renaming", verbs[0][1], [f"kind: renaming '{verbs[0][3]}'"], background=r.background(verbs[0][1]))
    for name in names:  # the new name follows "to"; the old one "of" or "from", or is the subject before the verb
        if _RENAMED_TO.search(r.t, max(0, name[1] - 12), name[1]):
            dropped = False
        elif _RENAMED_FROM.search(r.t, max(0, name[1] - 8), name[1]):
            dropped = True
        else:
            dropped = any(0 <= v[1] - name[2] <= 80 for v in verbs)
        f.votes.append((DE, f"drops Stalin's name '{name[3]}'") if dropped else (RE, f"takes Stalin's name '{name[3]}'"))
    return f


def rehabilitation(r: Reading) -> Finding | None:
    """The repressed rehabilitated or freed (de-); Stalin himself 'rehabilitated' or a rehabilitation revoked (re-)."""
    hits = _all(r, _REHAB) or [h for h in _all(r, _RELEASE) if r.topic() or r.context_topic()]
    if not hits:
        return None
    first = hits[0]
    f = Finding("rehabilitation", first[1], [f"kind: rehabilitation '{first[3]}'"], background=r.background(first[1]))
    stalin, revoked = r.hits("of Stalin", _REHAB_STALIN), r.hits("revoked", _REHAB_REVERSED)
    if stalin or revoked:
        f.votes.append((RE, f"restores Stalin or revokes a rehabilitation {quoted(stalin + revoked)}"))
    else:
        f.votes.append((DE, "rehabilitates the repressed"))
    return f


def archive(r: Reading) -> Finding | None:
    """Files opened, handed over or published (de-); closed, classified, hidden or destroyed (re-)."""
    nouns = r.hits("archive", _ARCH_NOUN, keep_blocked=True)
    if not nouns:
        return None
    opened, closed = _all(r, _ARCH_OPEN), _all(r, _ARCH_CLOSE)
    pair = _near(opened + closed, nouns, 80)
    if pair is None or not (r.hits("archives", _ARCH_SELF) or r.topic() or (r.anaphoric and r.context_topic())):
        return None
    act, noun = pair
    f = Finding("archive", min(act[1], noun[1]), [f"kind: archive '{act[3]}' + '{noun[3]}'"], background=r.background(act[1]), act_at=act[1])
    f.generic_stance = False
    f.votes += [(DE, f"opened {quoted(opened)}")] if opened else []
    f.votes += [(RE, f"closed {quoted(closed)}")] if closed else []
    return f


def poll(r: Reading) -> Finding | None:
    """A poll with its shares, or a sentence that opens with a poll."""
    nouns = r.hits("poll", _POLL_NOUN, keep_blocked=True)
    shares = r.hits("share", SHARE, keep_blocked=True)
    opens_with_poll = any(len(r.text[: n[1]].split()) < 6 for n in nouns)
    carried_out = _near(r.hits("poll carried out", _POLL_ACT), nouns, 40)  # "a survey conducted by", "the poll found"
    if not ((shares and (nouns or r.hits("opinion", _POLL_OPINION))) or opens_with_poll or carried_out):
        return None
    if not (_about_terror(r) or stance(r).any(weak=False)):
        return None
    cue = (nouns or shares)[0]
    f = Finding("poll", cue[1], [f"kind: poll {quoted((nouns + shares)[:3])}"])
    f.generic_stance = False
    f.votes = poll_votes(r, shares)
    return f


def commemoration(r: Reading) -> Finding | None:
    """Remembrance of the victims (de-) or celebration of Stalin or the secret police (re-)."""
    strong = r.hits("commemoration", _COMM_STRONG)
    weak = [h for h in r.hits("anniversary", _COMM_WEAK) if _VICTIM_OBJ.search(r.t, h[2], h[2] + 60) or _PERP_OBJ.search(r.t, h[2], h[2] + 60)]
    hits = sorted(strong + weak, key=lambda h: h[1])
    victims, perpetrators = r.hits("victims", _VICTIM_OBJ, keep_blocked=True), r.hits("perpetrators", _PERP_OBJ, keep_blocked=True)
    if not hits and _COMM_STRONG.search(r.ctx) and _VICTIM_OBJ.search(r.ctx):
        hits = r.hits("the commemoration before goes on", _EVENT_HELD)  # its victims are the sentence before's
        victims = victims or [("victims", 0, 0, "the sentences before")]
    if not hits or not (r.topic() or victims or perpetrators):
        return None
    f = Finding("commemoration", hits[0][1], [f"kind: commemoration {quoted(hits[:2])}"], background=r.background(hits[0][1]))
    f.votes += [(DE, f"remembers the victims {quoted(victims[:2])}")] if victims else []
    f.votes += [(RE, f"honours the perpetrators {quoted(perpetrators[:2])}")] if perpetrators else []
    return f


def publication(r: Reading) -> Finding | None:
    """A book, film, broadcast or history written about the terror (de-) or glorifying Stalin (re-)."""
    published, falsified = r.hits("published", _PUBLISH), r.hits("history falsified", _FALSIFIED)
    if not published and not falsified:
        return None
    pair = _near(published, r.hits("work", _WORK, keep_blocked=True), 100)
    if pair is None and not falsified:
        return None
    if not (r.topic() or stance(r).any(weak=False)):
        return None
    act = pair[0] if pair else falsified[0]
    words = f"'{pair[0][3]}' + '{pair[1][3]}'" if pair else f"'{falsified[0][3]}'"
    f = Finding("publication", act[1], [f"kind: publication {words}"], background=r.background(act[1]))
    victims, exaggerates = r.hits("about the terror", _VICTIM_OBJ, keep_blocked=True), r.hits("exaggerates", _EXAGGERATES)
    f.votes += [(DE, f"about the terror {quoted(victims[:2])}")] if victims else []
    f.votes += [(RE, f"glorifies Stalin {quoted(exaggerates)}")] if exaggerates else []
    if not f.votes and not stance(r).any(weak=False) and not _ABOUT_STALIN.search(r.t):
        return None  # a text by Stalin, or one that merely mentions him, is not memory of him
    return f


SELF_CONTAINED = {"silences", "cracks down on memory work", "attacks critics of Stalin", "wrapped up or stopped", "obliterated from discourse"}


def suppression(r: Reading) -> Finding | None:
    """Memory work silenced, banned, prosecuted or liquidated (re-); a ban on Stalin's symbols (de-)."""
    for label, p in _SUPPRESS:
        for h in r.hits(label, p):
            if label == "witnesses sworn to silence":
                ok = r.topic()
            elif label in SELF_CONTAINED:
                ok = True
            else:
                ok = bool(_MEMORY_WORK.search(r.t, max(0, h[1] - 100), h[2] + 100)) or bool(_SUPPRESS_PRO.search(r.t))
            if not ok:
                continue
            f = Finding("suppression", h[1], [f"kind: suppression '{h[3]}' ({label})"], background=r.background(h[1]))
            f.generic_stance = False
            if _SUPPRESS_PRO.search(r.t):
                f.votes.append((DE, "bans Stalin's symbols"))
            elif label != "obliterated from discourse":
                f.votes.append((RE, f"{label}: memory work suppressed"))
            return f
    return None


def statement(r: Reading) -> Finding | None:
    """Someone speaks of Stalin or the terror with a stance: condemns, praises, evades."""
    speech = sorted(r.hits("speech", _SPEECH) + r.hits("speech", _SPEECH_LIKE), key=lambda h: h[1])
    if not speech and not r.quotation:
        return None
    s = stance(r, for_direction=False)
    words = quoted((s.de + s.re + s.evasive + s.weak_de)[:3])
    position = speech[0][1] if speech else min(h[1] for h in s.de + s.re + s.evasive + s.weak_de) if s.any() else 0
    said = f"'{speech[0][3]}'" if speech else "a quotation"
    if s.any():
        f = Finding("statement", position, [f"kind: statement {said} + {words}"], weak_stance=True)
        f.background = r.background(position)
        return f
    if not r.anaphoric:
        return None
    earlier = stance(Reading(last_sentence(r.ctx.orig), ""))
    if not earlier.any(weak=False):
        return None
    f = Finding("statement", position, [f"kind: statement {said}, stance from context {quoted((earlier.de + earlier.re)[:2])}"],
                doubts=("doubt: the stance is the sentence before's",))
    f.generic_stance = False
    f.votes += [(DE, "context condemns")] if earlier.de else []
    f.votes += [(RE, "context favours Stalin")] if earlier.re else []
    return f
