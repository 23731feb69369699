"""Memory events: sentences in which a society remembers or forgets Stalin's terror, typed by kind,
direction and level with transparent rules.

`classify` reads one sentence (plus the sentences before it in its paragraph, to resolve "he" or
"the program") and returns a `MemorySignal` or None. Every decision names the cue words it rests on,
so a historian can disagree with a rule rather than with a black box; where the cues are missing or
pull both ways the direction is `ambivalent`, never a guess. The cue lists are data in
`memory.cues`; the other modules hold the rules that combine them and the matching that makes them fast
(a cue regex is skipped unless the sentence has a word its matches must contain, read off the regex
itself). Pure, deterministic, no NLP model.

Rules in one paragraph each:
- kind: a sentence names an act (unveiling + monument, rehabilitated, archives + opened/closed, a
  poll with its shares, a commemoration, a publication about the terror, a suppression of memory
  work, a renaming) or, failing those, a statement: someone speaking (said, condemned, rhetoric)
  with a stance. When several acts are named, the one in the simple past beats one in the
  pluperfect (background), then the order of `RULES` decides. A cue is void after a negation
  ("has not been suppressed") or in an unreal clause ("the threat of Stalin's rehabilitation").
- direction: kind-specific polarity (a monument to Stalin erected is re-, removed is de-; to the
  victims the reverse; archives opened de-, closed re-; rehabilitating victims de-, Stalin re-;
  suppressing memory work re-; commemorating victims de-, celebrating the secret police re-) plus
  the stance words of the sentence (condemns his crimes de-, praises him as a war leader re-).
  Stance words inside a concession ("even though Putin called him a dictator") do not vote.
  Evasion (evasive, muted, made no mention) and conflicting votes give `ambivalent`.
- polls: the direction is that of the finding held by a majority (more than half, "most", "a
  majority", "a plurality") or of a trend ("has grown"); a minority finding or a split is
  `ambivalent`. So "seven in ten Russians view Stalin positively" is re-, "a third admire him" is not.
- level: the actor named nearest before the act (a time phrase such as "under Putin" is not an
  actor); else, for "he"/"they"/a quotation carried over, the last actor in the context; else the
  first actor after the act; else the kind's usual level (`cues.DEFAULT_LEVEL`), said as such.
  Polls are always `society` (the public polled).

The modules, one idea each: `cues` (the cue words, as data), `gates` (the regex gating engine) and
`pattern` (a regex read into the tree it walks), `reading` (a sentence read for the rules, its
stance), `kinds` (the nine kind rules), `decisions` (direction and level), `polls` (poll shares),
`classifier` (which rule fires; `classify`).
"""

from chronika.extract.memory.classifier import LANGUAGES, classify
from chronika.extract.memory.dating import ActDate, act_date
from chronika.extract.memory.cues import DIRECTIONS, KINDS, LEVELS
from chronika.extract.memory.gates import Gate
from chronika.extract.memory.polls import poll_shares, share_value
from chronika.records.mentions import MemorySignal

__all__ = [
    "DIRECTIONS", "KINDS", "LANGUAGES", "LEVELS", "ActDate", "Gate", "MemorySignal", "act_date", "classify", "poll_shares",
    "share_value",
]
