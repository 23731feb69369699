"""Text that remembers where it came from.

Cleaning rewrites a source's text in stages (drop furniture, join wrapped lines, mend OCR
misreadings). Each stage proposes `Edit`s on the text as it stands; `MappedText.apply` makes the
new text and keeps a map from every character of it back to the original, so a citation into the
clean text can always name its place in the source. Edits that carry a reason are recorded as
`Change`s (the original words, their replacement and why), so a reader can see what was mended.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] by `replacement`; a `reason` makes the edit a recorded change."""

    start: int
    end: int
    replacement: str = ""
    reason: str | None = None


@dataclass(frozen=True)
class Change:
    """A recorded edit, located in the original text: what stood there, what replaced it, and why."""

    orig_start: int
    orig_end: int
    original: str
    replacement: str
    reason: str


@dataclass
class _Segment:
    clean: int  # where the segment starts in the current text
    orig: int  # where its source starts in the original
    orig_end: int  # where its source ends in the original
    copy: bool  # True: characters map one to one; False: a replacement for the whole source span


@dataclass
class MappedText:
    """A text plus a monotone map from its offsets back to offsets in the original text."""

    original: str
    text: str
    segments: list[_Segment] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @classmethod
    def identity(cls, original: str) -> MappedText:
        segments = [_Segment(0, 0, len(original), True)] if original else []
        return cls(original, original, segments)

    def __post_init__(self) -> None:
        self._clean_starts = [s.clean for s in self.segments]
        self._orig_starts = [s.orig for s in self.segments]

    # -- mapping -------------------------------------------------------------------------------

    def _segment_at(self, pos: int) -> int:
        return max(0, bisect_right(self._clean_starts, pos) - 1)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that text[start:end] comes from."""
        if not self.segments:
            return 0, 0
        first = self._orig_point(start, at_end=False)
        if end <= start:  # an empty span (where something is inserted) is a point
            return first, first
        return first, self._orig_point(end, at_end=True)

    def _orig_point(self, pos: int, *, at_end: bool) -> int:
        probe = pos - 1 if at_end and pos > 0 else pos
        seg = self.segments[self._segment_at(probe)]
        if seg.copy:
            return min(seg.orig + (pos - seg.clean), seg.orig_end) if pos >= seg.clean else seg.orig
        return seg.orig_end if at_end else seg.orig

    def to_clean(self, orig_pos: int) -> int:
        """The first offset in the text whose source lies at or after `orig_pos` in the original."""
        if not self.segments:
            return 0
        i = max(0, bisect_right(self._orig_starts, orig_pos) - 1)
        seg = self.segments[i]
        if seg.copy and seg.orig <= orig_pos < seg.orig_end:
            return seg.clean + (orig_pos - seg.orig)
        if orig_pos < seg.orig_end:
            return seg.clean
        nxt = i + 1
        return self.segments[nxt].clean if nxt < len(self.segments) else len(self.text)

    # -- editing -------------------------------------------------------------------------------

    def apply(self, edits: Iterable[Edit]) -> MappedText:
        """A new MappedText with `edits` (non-overlapping, on this text) made, its map composed."""
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        pieces: list[str] = []
        segments: list[_Segment] = []
        changes = list(self.changes)
        cursor = 0
        length = 0
        for edit in ordered:
            if edit.start < cursor or edit.end < edit.start or edit.end > len(self.text):
                raise ValueError(f"overlapping or out-of-range edit {edit!r}")
            length = self._copy_stretch(cursor, edit.start, pieces, segments, length)
            orig_start, orig_end = self.to_original(edit.start, edit.end)
            if edit.replacement:
                segments.append(_Segment(length, orig_start, orig_end, False))
                pieces.append(edit.replacement)
                length += len(edit.replacement)
            if edit.reason:
                changes.append(
                    Change(orig_start, orig_end, self.original[orig_start:orig_end], edit.replacement, edit.reason)
                )
            cursor = edit.end
        self._copy_stretch(cursor, len(self.text), pieces, segments, length)
        return MappedText(self.original, "".join(pieces), _merged(segments), changes)

    def _copy_stretch(self, start: int, end: int, pieces: list[str], out: list[_Segment], length: int) -> int:
        if end <= start:
            return length
        pieces.append(self.text[start:end])
        i = self._segment_at(start)
        while i < len(self.segments) and self.segments[i].clean < end:
            seg = self.segments[i]
            seg_end = self.segments[i + 1].clean if i + 1 < len(self.segments) else len(self.text)
            lo, hi = max(start, seg.clean), min(end, seg_end)
            if hi > lo:
                if seg.copy:
                    shift = lo - seg.clean
                    out.append(_Segment(length + lo - start, seg.orig + shift, seg.orig + shift + hi - lo, True))
                else:
                    out.append(_Segment(length + lo - start, seg.orig, seg.orig_end, False))
            i += 1
        return length + end - start


def _merged(segments: Sequence[_Segment]) -> list[_Segment]:
    """Join neighbouring one-to-one segments that are contiguous on both sides."""
    out: list[_Segment] = []
    for seg in segments:
        if out:
            last = out[-1]
            if last.copy and seg.copy and last.orig_end == seg.orig and seg.clean - last.clean == last.orig_end - last.orig:
                last.orig_end = seg.orig_end
                continue
        out.append(_Segment(seg.clean, seg.orig, seg.orig_end, seg.copy))
    return out


def encode_map(mapped: MappedText) -> list[list[int]]:
    """The map as plain rows [clean, orig, orig_end, copy] for storage."""
    return [[s.clean, s.orig, s.orig_end, int(s.copy)] for s in mapped.segments]


def decode_map(original: str, text: str, rows: Sequence[Sequence[int]]) -> MappedText:
    """Rebuild a MappedText from stored rows."""
    return MappedText(original, text, [_Segment(r[0], r[1], r[2], bool(r[3])) for r in rows])
