"""The offset map: every character of a cleaned text leads back to where it came from."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chronika.records.textmap import Edit, MappedText, decode_map, encode_map


def test_deletion_and_replacement_map_back() -> None:
    original = "Stalin was born\n\n12\n\nin Gori in 18 79."
    m = MappedText.identity(original)
    m = m.apply([Edit(15, 21, "", "stray page number")])  # drops "\n\n12\n\n" -> ""
    assert m.text == "Stalin was bornin Gori in 18 79."
    m = m.apply([Edit(15, 15, " "), Edit(26, 31, "1879", "mended")])
    assert m.text == "Stalin was born in Gori in 1879."
    start = m.text.index("Gori")
    assert original[slice(*m.to_original(start, start + 4))] == "Gori"
    year = m.text.index("1879")
    assert original[slice(*m.to_original(year, year + 4))] == "18 79"
    assert [(c.original, c.replacement, c.reason) for c in m.changes] == [
        ("\n\n12\n\n", "", "stray page number"),
        ("18 79", "1879", "mended"),
    ]


def test_to_clean_finds_the_clean_place_of_an_original_offset() -> None:
    original = "abc XYZ def"
    m = MappedText.identity(original).apply([Edit(3, 8, " ")])
    assert m.text == "abc def"
    assert m.to_clean(original.index("def")) == m.text.index("def")
    assert m.to_clean(original.index("XYZ")) == 3  # a dropped word maps to where it stood


def test_overlapping_edits_are_refused() -> None:
    m = MappedText.identity("abcdef")
    try:
        m.apply([Edit(0, 3, "x"), Edit(2, 4, "y")])
    except ValueError:
        return
    raise AssertionError("overlapping edits must be refused")


def test_map_survives_storage() -> None:
    original = "one two  three"
    m = MappedText.identity(original).apply([Edit(7, 9, " ")])
    again = decode_map(original, m.text, encode_map(m))
    assert again.to_original(8, 13) == m.to_original(8, 13) == (9, 14)


@st.composite
def edit_rounds(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int, str]]]]:
    text = draw(st.text(alphabet="ab \n-", min_size=1, max_size=60))
    rounds = []
    length = len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        edits = []
        for a, b in zip(cuts[::2], cuts[1::2]):
            edits.append((a, b, draw(st.sampled_from(["", "X", "YY"]))))
        rounds.append(edits)
        length += sum(len(r) - (b - a) for a, b, r in edits)
    return text, rounds


@settings(max_examples=300, deadline=None)
@given(edit_rounds())
def test_untouched_characters_always_map_to_themselves(case: tuple[str, list[list[tuple[int, int, str]]]]) -> None:
    original, rounds = case
    m = MappedText.identity(original)
    for edits in rounds:
        m = m.apply([Edit(a, b, r) for a, b, r in edits])
    for i, ch in enumerate(m.text):
        o_start, o_end = m.to_original(i, i + 1)
        assert 0 <= o_start <= o_end <= len(original)
        if ch in "ab \n-":  # not an inserted X or Y: it must be the very character it came from
            assert original[o_start:o_end] == ch
    # the map is monotone: later clean text never maps before earlier clean text
    starts = [m.to_original(i, i + 1)[0] for i in range(len(m.text))]
    assert starts == sorted(starts)
