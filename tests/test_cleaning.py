"""Cleaning: layout undone, furniture dropped, OCR misreadings mended only on good evidence."""

from __future__ import annotations

from chronika.extract.clean import clean
from chronika.extract.clean.mending import corrections
from chronika.records.document import Source


def cleaned(text: str, pages: list[int] | None = None) -> str:
    return clean(Source("t.txt", text, "text", page_starts=pages or [])).text


def test_wrapped_lines_are_joined_and_line_end_hyphens_mended() -> None:
    text = (
        "Kirov was shot in the Smolny Institute on 1 December 1934, and the assassi-\n"
        "nation became the pretext for a wave of arrests that reached far beyond\n"
        "Leningrad and lasted for several years.\n"
    )
    assert cleaned(text) == (
        "Kirov was shot in the Smolny Institute on 1 December 1934, and the assassination became the "
        "pretext for a wave of arrests that reached far beyond Leningrad and lasted for several years."
    )


def test_a_hyphen_the_text_uses_elsewhere_is_kept() -> None:
    text = (
        "The Old Bolsheviks who survived spoke of self-\n"
        "criticism as a ritual of the nineteen-thirties, and self-criticism sessions were held.\n"
    )
    assert "self-criticism as a ritual" in cleaned(text)


def test_verse_keeps_its_lines() -> None:
    text = "They took my brother,\nThey took my son,\nAnd no one asked\nWhat he had done.\n"
    assert cleaned(text) == text.strip()


def test_list_items_become_paragraphs() -> None:
    text = "Footnotes\n\n- 1. Ibid., Vol 45, p 12.\n- 2. Ibid., p 13.\n"
    assert cleaned(text) == "Footnotes\n\n- 1. Ibid., Vol 45, p 12.\n\n- 2. Ibid., p 13."


def test_paragraph_split_by_a_page_break_is_joined() -> None:
    first = "In the winter of 1932 the famine spread across the grain regions while the requisition " + "brigades went on"
    text = first + "\n\n17\n\ntaking what was left in the villages.\n\nA new paragraph.\n"
    assert cleaned(text) == first + " taking what was left in the villages.\n\nA new paragraph."


def test_stray_numbers_running_heads_and_contents_are_dropped_with_reasons() -> None:
    page = "Chronika Sample Report\n\nThe trials of 1936 were staged in the October Hall of the House of Unions.\n\n{n}\n\n"
    text = "CONTENTS\n\nPart 1\t\t1\nThe Trials\t4\n\n" + "".join(page.format(n=n) for n in range(1, 4))
    result = clean(Source("t.txt", text, "text"))
    assert "Chronika Sample Report" not in result.text
    assert "CONTENTS" not in result.text and "Part 1" not in result.text
    assert result.text.count("October Hall") == 3
    reasons = {c.reason for c in result.mapped.changes}
    assert reasons == {"table of contents", "running head", "stray page or section number"}


def test_quotes_and_spaces_are_made_plain() -> None:
    assert cleaned("“Stalin’s  crimes”,\u00a0he said.\t ") == "\"Stalin's crimes\", he said."


def test_every_clean_character_maps_back_to_the_original() -> None:
    text = "A line wrap-\nped here and “quoted”   there.\n\n3\n\nNext  paragraph.\n"
    result = clean(Source("t.txt", text, "text"))
    mapped = result.mapped
    for word in ("line", "here", "quoted", "there", "Next", "paragraph"):
        at = mapped.text.index(word)
        start, end = mapped.to_original(at, at + len(word))
        assert text[start:end] == word


def test_a_rare_name_near_a_frequent_one_is_mended() -> None:
    body = "Roy Medvedev wrote this. " * 6 + "The essays of Roy Medvedey appeared in 1989."
    fixes = corrections(body)
    assert fixes["Medvedey"][0] == "Medvedev"
    assert "OCR mending" in fixes["Medvedey"][1]


def test_weak_evidence_mends_nothing() -> None:
    # seen only twice: not enough to call the other form a misreading
    assert corrections("Roy Medvedev wrote. Roy Medvedev spoke. Roy Medvedey read.") == {}
    # a common word is never mended, however frequent its neighbour
    assert corrections("The month ended. " * 10 + "Open your mouth.") == {}


def test_namesakes_are_not_mended_into_each_other() -> None:
    text = "Dmitry Medvedev spoke. " * 10 + "The NKVD officer F. Medved signed it."
    assert "Medved" not in corrections(text)
