"""Regenerate every binary sample file used by Chronika.

Writes the PDFs, rendered "scans" and non-UTF-8 text files under
``examples/`` and ``tests/fixtures/``. Plain UTF-8 text and HTML files in
those folders are committed as written and are not touched here.

All prose below is original, written for Chronika. Output is deterministic:
random data comes from fixed seeds and PDF dates/IDs are pinned, so running
the script twice gives byte-identical files.

Usage: python scripts/make_samples.py   (needs fpdf2, pypdf, Pillow)
"""

from __future__ import annotations

import io
import random
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SANS, SANS_BOLD = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
SERIF, SERIF_BOLD = FONT_DIR / "DejaVuSerif.ttf", FONT_DIR / "DejaVuSerif-Bold.ttf"
PDF_DATE = datetime(2024, 1, 15, 12, 0, tzinfo=timezone.utc)
ENCRYPTED_PDF_PASSWORD = "chronika"

# --- texts for examples/ --------------------------------------------------

KATYN_TITLE = "The Katyn massacre, spring 1940"
KATYN_PAGES = [
    [
        "After the Red Army entered eastern Poland on 17 September 1939, the NKVD separated captured officers, policemen, border guards and members of the educated classes from the rank-and-file soldiers. They were held in three special camps: Kozelsk, Starobelsk and Ostashkov.",
        "On 5 March 1940 the Soviet Politburo accepted a proposal from Lavrentiy Beria, the head of the NKVD, that these “hardened enemies of Soviet power” be tried by a special procedure and shot. In April and May 1940 about 22,000 people were killed. Prisoners from Kozelsk died in the Katyn forest near Smolensk, those from Ostashkov in Kalinin (today’s Tver), with burials at Mednoye, and those from Starobelsk in Kharkiv; the rest were shot in prisons in western Ukraine and Belarus.",
        "German troops found the graves at Katyn and announced the discovery on 13 April 1943. Moscow blamed the Germans, and in January 1944 a Soviet commission led by Nikolai Burdenko repeated the charge. For almost half a century this version – the “Katyn lie” – was official Soviet history.",
    ],
    [
        "Admission and memory",
        "On 13 April 1990 the news agency TASS published a statement admitting that the NKVD had carried out the killings, and Mikhail Gorbachev handed lists of the victims to the Polish president, Wojciech Jaruzelski. In October 1992 Russian officials gave Poland copies of the key documents from the so-called “sealed package No. 1”, including the Politburo decision.",
        "A criminal investigation opened in 1990 was closed by Russia’s Chief Military Prosecutor’s Office in 2004; most of its files remain classified. Memorial cemeteries at Katyn and Mednoye were opened in 2000.",
        "On 10 April 2010 an aircraft carrying President Lech Kaczyński and dozens of Polish officials to a commemoration at Katyn crashed near Smolensk, killing all 96 people on board. On 26 November 2010 the State Duma adopted a statement on “the Katyn tragedy and its victims” which said that the crime had been committed on the direct orders of Stalin and other Soviet leaders.",
    ],
]

GREAT_TERROR_SCAN = [
    "The Great Terror, 1937-1938",
    "In the years 1937-1938 the Soviet state carried out the largest campaign of political arrests and executions in its history. The People's Commissariat of Internal Affairs (NKVD) was led in this period by Nikolai Yezhov, who had replaced Genrikh Yagoda in September 1936. Russians still call these years the Yezhovshchina.",
    "On 30 July 1937 Yezhov signed NKVD operational order No. 00447 against former kulaks, criminals and other so-called anti-Soviet elements. The order set quotas for every region in two categories: the first meant death by shooting, the second eight to ten years in the camps. Cases were decided by three-member commissions, the troikas, with no defence and no appeal. Regional chiefs often asked for higher quotas, and Moscow usually agreed.",
    "Further national operations were aimed at Poles, Germans, Latvians and other groups. Among the best-known victims was Marshal Mikhail Tukhachevsky, shot in June 1937 with other senior commanders.",
    "According to NKVD statistics, more than 1.5 million people were arrested in 1937 and 1938, and more than 680,000 of them were shot. In November 1938 Yezhov was replaced by Lavrentiy Beria. He was arrested in April 1939 and shot on 4 February 1940.",
]

EZHOV_RU = """Николай Иванович Ежов

Николай Иванович Ежов родился в 1895 году. До революции он работал на заводах Петербурга, в 1917 году вступил в партию большевиков, а в Гражданскую войну служил комиссаром в Красной армии. В начале 1930-х годов он руководил в ЦК отделами, которые ведали партийными кадрами, и быстро завоевал доверие Сталина.

26 сентября 1936 года Ежов был назначен народным комиссаром внутренних дел СССР вместо Генриха Ягоды. При Ежове НКВД провёл массовые операции 1937–1938 годов: по подписанному Ежовым приказу № 00447 и по «национальным» приказам были арестованы более полутора миллионов человек, из них свыше 680 тысяч расстреляны. Ежов лично представлял Сталину списки, по которым Военная коллегия выносила смертные приговоры. Эти годы в народе прозвали «ежовщиной».

В апреле 1938 года Ежова назначили также наркомом водного транспорта. Осенью его положение пошатнулось, и 25 ноября 1938 года наркомом внутренних дел стал Лаврентий Берия. 10 апреля 1939 года Ежов был арестован. Его обвинили в шпионаже и заговоре и после короткого закрытого суда расстреляли 4 февраля 1940 года. Имя Ежова перестали упоминать в печати, а с фотографий, где он стоял рядом со Сталиным, его убрали ретушёры. В 1998 году Военная коллегия Верховного суда России признала Ежова не подлежащим реабилитации.
"""

# --- texts for tests/fixtures/ ---------------------------------------------

PLAIN_UTF8 = """The Gulag

The Main Administration of Camps, known by its Russian acronym GULAG, was set up in 1930 to run the growing network of forced-labour camps. At its peak, around 1950, the camps and colonies held about two and a half million prisoners. After Stalin’s death in March 1953 an amnesty freed roughly 1.2 million people, most of them serving short sentences for ordinary crimes. Aleksandr Solzhenitsyn’s book “The Gulag Archipelago”, first published in Paris in December 1973, made the word known all over the world.
"""

RU_CP1251 = """Соловецкий лагерь особого назначения был создан в 1923 году на островах Белого моря, в стенах старинного монастыря. Его часто называют первым лагерем будущей системы ГУЛАГа. Узниками Соловков становились священники, офицеры старой армии, учёные и крестьяне. Осенью 1937 года более тысячи заключённых вывезли с островов и расстреляли в урочище Сандармох в Карелии. 30 октября 1990 года на Лубянской площади в Москве установили Соловецкий камень — валун с островов в память о жертвах репрессий.
"""

RU_KOI8R = """Бутовский полигон находится на юге Москвы, недалеко от деревни Дрожжино. В 1937 и 1938 годах здесь расстреляли и закопали во рвах более двадцати тысяч человек. Среди погибших были рабочие и крестьяне, инженеры, художники и сотни священнослужителей. Долгие годы территория оставалась закрытой и охранялась государством. В 1995 году полигон передали Русской православной церкви, а позднее рядом с ним построили каменный храм в честь новомучеников.
"""

RU_UTF16 = """Общество «Мемориал» возникло в конце 1980-х годов как движение за сохранение памяти о жертвах политических репрессий. Его сотрудники собирали письма, фотографии и следственные дела и составляли базы данных с именами миллионов людей. С 2007 года каждое двадцать девятое октября у Соловецкого камня проходит акция «Возвращение имён»: люди по очереди читают вслух имена расстрелянных. В декабре 2021 года Верховный суд России принял решение о ликвидации «Мемориала».
"""

LATIN1 = """La Société des Nations et l'Union soviétique

Le 18 septembre 1934, l'Union soviétique est entrée à la Société des Nations, installée à Genève. Maxime Litvinov, commissaire du peuple aux Affaires étrangères, y a plaidé pour une sécurité collective. Les procès de Moscou, de 1936 à 1938, ont été suivis de près par la presse suisse, notamment par la Neue Zürcher Zeitung de Zürich, et commentés sans ménagement par les journaux des émigrés russes de Paris. Le 14 décembre 1939, après l'agression contre la Finlande, l'Union soviétique a été exclue de la Société des Nations.
"""

TEXT_LAYER_PAGES = [
    "This is page one of the text-layer fixture. The Twentieth Congress of the Communist Party opened in Moscow on 14 February 1956 and closed eleven days later.",
    "This is page two of the text-layer fixture. Stalin's embalmed body was taken out of the Mausoleum on Red Square on the night of 31 October 1961.",
    "This is page three of the text-layer fixture. The magazine Novy Mir printed Solzhenitsyn's story One Day in the Life of Ivan Denisovich in November 1962.",
]
SCAN_ONLY_PAGES = [
    "Scanned page one. Dalstroy, the trust that ran the gold fields of Kolyma, was founded in November 1931.",
    "Scanned page two. Magadan received the status of a town in July 1939 and became the centre of the Kolyma camps.",
]
SCAN_SENTENCES = {
    "scan.png": "The Solovetsky Stone was placed on Lubyanka Square in Moscow on 30 October 1990.",
    "scan.jpg": "Memorial was founded in Moscow in 1989 with Andrei Sakharov as its honorary chairman.",
    "scan.tiff": "The Wall of Grief by Georgy Frangulyan was unveiled in Moscow on 30 October 2017.",
    "scan-ru.png": "Стена скорби была открыта в Москве 30 октября 2017 года. Её автор — скульптор Георгий Франгулян.",
}
ENCRYPTED_TEXT = "This sample PDF is protected with a user password. A reader should skip it as encrypted."
NOT_AN_IMAGE = "This is not a PNG image. It is plain text saved under a .png name.\n"


# --- helpers -----------------------------------------------------------------


def write_bytes(path: Path, data: bytes) -> None:
    """Write atomically (temp file + rename), so nobody ever sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    print(f"{len(data):>9,d}  {path.relative_to(ROOT)}")


def encode_text(text: str, encoding: str, bom: bool = False) -> bytes:
    """Encode ``text``; ``bom`` prepends a byte-order mark (UTF-16 always gets one)."""
    if encoding == "utf-16":
        return text.encode("utf-16")  # Python writes a BOM (little-endian) itself
    return ("\ufeff" if bom else "").encode(encoding) + text.encode(encoding)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to a pixel width."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line] if line else lines


def render(paragraphs: list[str], width: int, size: int, title: bool = False) -> Image.Image:
    """Render paragraphs as black-on-white grayscale text; first one bold if ``title``."""
    body = ImageFont.truetype(str(SERIF), size)
    bold = ImageFont.truetype(str(SERIF_BOLD), round(size * 1.2))
    margin, leading = size * 3, round(size * 1.5)
    blocks = []
    for i, para in enumerate(paragraphs):
        font = bold if title and i == 0 else body
        blocks.append((font, wrap(para, font, width - 2 * margin)))
    height = 2 * margin + sum(len(lines) * leading + leading // 2 for _, lines in blocks)
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    y = margin
    for font, lines in blocks:
        for line in lines:
            draw.text((margin, y), line, font=font, fill=0)
            y += leading
        y += leading // 2
    return img


def age(img: Image.Image, seed: int, angle: float = 0.35, noise: float = 0.08) -> Image.Image:
    """Make a clean render look scanned: slight tilt, softening, grain.

    The grain is the mean of three seeded uniform fields (close to gaussian,
    sd ~4 grey levels at noise=0.08), drawn at half resolution and quantised
    to steps of 8, which keeps the PNGs a fraction of the size of full noise.
    """
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    if noise:
        rng = random.Random(seed)
        half = (img.width // 2 + 1, img.height // 2 + 1)
        a, b, c = (Image.frombytes("L", half, rng.randbytes(half[0] * half[1])) for _ in range(3))
        grain = Image.blend(Image.blend(a, b, 1 / 2), c, 1 / 3).resize(img.size, Image.Resampling.NEAREST)
        img = Image.blend(img, grain, noise)
    return img.point(lambda v: v // 8 * 8)


class SamplePDF(FPDF):
    """A4 PDF in DejaVu Sans with an optional running head and page numbers."""

    def __init__(self, running_head: str = "", numbered: bool = True) -> None:
        super().__init__(format="A4")
        self.running_head, self.numbered = running_head, numbered
        self.add_font("DejaVu", "", str(SANS))
        self.add_font("DejaVu", "B", str(SANS_BOLD))
        self.set_creation_date(PDF_DATE)
        self.set_author("Chronika Editors")
        self.set_margins(25, 25, 25)

    def header(self) -> None:
        if self.running_head:
            self.set_font("DejaVu", "", 9)
            self.cell(0, 8, self.running_head, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)

    def footer(self) -> None:
        if self.numbered:
            self.set_y(-18)
            self.set_font("DejaVu", "", 9)
            self.cell(0, 8, str(self.page_no()), align="C")

    def heading(self, text: str) -> None:
        self.set_font("DejaVu", "B", 15)
        self.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def paragraph(self, text: str) -> None:
        self.set_font("DejaVu", "", 11)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def save(self, path: Path) -> None:
        write_bytes(path, self.to_bytes())

    def to_bytes(self) -> bytes:
        return bytes(self.output())


MEMORIAL_TITLE = "Keep the archive open"
MEMORIAL_DOCX = [
    "Moscow, 10 January 2022",
    "On 28 December 2021 the Supreme Court of Russia ordered the liquidation of Memorial International, "
    "the society that had gathered the names of the victims of political repression since 1989. A day later "
    "the Moscow City Court closed the Memorial Human Rights Centre.",
    "The archive holds tens of thousands of personal files, letters and camp drawings that families gave to "
    "the society over three decades. Its database lists more than 3 million names of people shot, imprisoned "
    "or deported in the Soviet years.",
    "We ask historians, teachers and families to copy what they can, to cite each file by its number, and to "
    "read the names aloud at the Solovetsky Stone on 29 October, as Muscovites have done every year since 2007.",
]

RETURNING_NAMES_BODY = """Дорогие друзья!

29 октября, накануне Дня памяти жертв политических репрессий, мы снова будем читать имена расстрелянных. \
Акция «Возвращение имён» проходит с 2007 года: люди по очереди читают у Соловецкого камня на Лубянской \
площади имя, возраст, профессию и дату расстрела одного человека.

В этом году власти не согласовали чтение у камня, поэтому имена будут читать в храмах, во дворах и онлайн.

Список для чтения приложен к письму.

Ольга
"""

RETURNING_NAMES_LIST = """Список для чтения

Павел Александрович Флоренский, священник и учёный, расстрелян 8 декабря 1937 года.
Всеволод Эмильевич Мейерхольд, режиссёр, расстрелян 2 февраля 1940 года.
Исаак Эммануилович Бабель, писатель, расстрелян 27 января 1940 года.
Николай Иванович Вавилов, учёный, умер в саратовской тюрьме 26 января 1943 года.
"""


# --- builders ----------------------------------------------------------------


def make_katyn(path: Path) -> None:
    pdf = SamplePDF(running_head="Chronika sample – Katyn")
    pdf.set_title(KATYN_TITLE)
    for number, paragraphs in enumerate(KATYN_PAGES):
        pdf.add_page()
        if number == 0:
            pdf.heading(KATYN_TITLE)
        else:
            pdf.heading(paragraphs[0])
            paragraphs = paragraphs[1:]
        for para in paragraphs:
            pdf.paragraph(para)
    pdf.save(path)


def pinned_zip(data: bytes) -> bytes:
    """A zip (a Word file) written again with every member dated PDF_DATE: the same bytes each run."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=PDF_DATE.timetuple()[:6])
            pinned.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(pinned, source.read(info.filename))
    return out.getvalue()


def make_memorial_docx(path: Path) -> None:
    """A Word document: a title, a date line and three paragraphs, with its author and dates set."""
    import docx

    document = docx.Document()
    document.core_properties.title = MEMORIAL_TITLE
    document.core_properties.author = "Chronika sample"
    document.core_properties.created = PDF_DATE.replace(tzinfo=None)
    document.core_properties.modified = PDF_DATE.replace(tzinfo=None)
    document.add_heading(MEMORIAL_TITLE, level=1)
    for paragraph in MEMORIAL_DOCX:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    write_bytes(path, pinned_zip(out.getvalue()))


def make_returning_names_eml(path: Path) -> None:
    """An e-mail in Russian with sender, recipients and date, and a list attached as a text file."""
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Ольга Петрова <olga@example.org>"
    message["To"] = "readers@example.org"
    message["Date"] = "Mon, 23 Oct 2023 09:15:00 +0300"
    message["Subject"] = "Возвращение имён, 29 октября"
    message["Message-ID"] = "<returning-names-2023@example.org>"
    message.set_content(RETURNING_NAMES_BODY, cte="8bit")  # readable as it is stored
    message.add_attachment(RETURNING_NAMES_LIST.encode("utf-8"), maintype="text", subtype="plain",
                           filename="spisok.txt")
    message.set_boundary("chronika-sample-boundary")
    write_bytes(path, bytes(message))


def text_pdf(pages: list[str], title: str) -> SamplePDF:
    """One short paragraph per page, page number in the footer."""
    pdf = SamplePDF()
    pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.paragraph(text)
    return pdf


def make_scan_only_pdf(path: Path) -> None:
    """Each page is just a picture of text: no text layer, for the OCR path."""
    pdf = SamplePDF(numbered=False)
    pdf.set_title("Scan-only fixture")
    for seed, text in enumerate(SCAN_ONLY_PAGES):
        pdf.add_page()
        img = age(render([text], 1240, 36), seed=100 + seed, noise=0.0)  # tilt only: keeps PDF small
        pdf.image(img, x=0, y=0, w=210)
    pdf.save(path)


class PinnedIdWriter(PdfWriter):
    """pypdf writer whose file ID (the RC4 key salt) is fixed instead of random."""

    def generate_file_identifiers(self) -> None:
        pinned = ByteStringObject(b"chronika-fixture")
        self._ID = ArrayObject([pinned, pinned])


def make_encrypted_pdf(path: Path) -> None:
    """RC4-128 (no random IVs, unlike AES) with a pinned file ID: reproducible bytes."""
    plain = text_pdf([ENCRYPTED_TEXT], "Encrypted fixture").to_bytes()
    writer = PinnedIdWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password=ENCRYPTED_PDF_PASSWORD, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    write_bytes(path, out.getvalue())


def save_image(img: Image.Image, path: Path) -> None:
    """PNG (optimised), JPEG (quality 80) or TIFF (deflate), tagged as 300 dpi."""
    formats: dict[str, tuple[str, dict[str, Any]]] = {
        ".png": ("PNG", {"optimize": True}),
        ".jpg": ("JPEG", {"quality": 80}),
        ".tiff": ("TIFF", {"compression": "tiff_deflate"}),
    }
    name, options = formats[path.suffix]
    out = io.BytesIO()
    img.save(out, name, dpi=(300, 300), **options)
    write_bytes(path, out.getvalue())


def make_examples() -> None:
    make_katyn(EXAMPLES / "katyn-1940.pdf")
    scan = age(render(GREAT_TERROR_SCAN, 2000, 40, title=True), seed=1937)
    save_image(scan, EXAMPLES / "great-terror-scan.png")
    write_bytes(EXAMPLES / "ezhov-ru.txt", encode_text(EZHOV_RU, "cp1251"))
    make_memorial_docx(EXAMPLES / "memorial-2022.docx")
    make_returning_names_eml(EXAMPLES / "returning-names-2023.eml")


def make_fixtures() -> None:
    good, broken, mixed = FIXTURES / "good", FIXTURES / "broken", FIXTURES / "mixed"
    write_bytes(good / "plain-utf8.txt", encode_text(PLAIN_UTF8, "utf-8", bom=True))
    write_bytes(good / "russian-cp1251.txt", encode_text(RU_CP1251, "cp1251"))
    write_bytes(good / "russian-koi8r.txt", encode_text(RU_KOI8R, "koi8-r"))
    write_bytes(good / "russian-utf16.txt", encode_text(RU_UTF16, "utf-16"))
    write_bytes(good / "latin1.txt", encode_text(LATIN1, "latin-1"))
    text_pdf(TEXT_LAYER_PAGES, "Text-layer fixture").save(good / "text-layer.pdf")
    make_scan_only_pdf(good / "scan-only.pdf")
    for seed, (name, sentence) in enumerate(SCAN_SENTENCES.items()):
        save_image(age(render([sentence], 1400, 40), seed=200 + seed), good / name)

    rng = random.Random(404)
    garbage = rng.randbytes(3000)
    write_bytes(broken / "corrupt.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catal" + garbage)
    write_bytes(broken / "binary.dat", b"\x00\x01\x02\x00" + rng.randbytes(4092))
    write_bytes(broken / "binary.txt", rng.randbytes(2000) + b"\x00\x00")
    write_bytes(broken / "empty.txt", b"")
    write_bytes(broken / "blank.txt", b"   \n\n\t\n  \r\n\n")
    write_bytes(broken / "not-an-image.png", NOT_AN_IMAGE.encode("ascii"))
    make_encrypted_pdf(broken / "encrypted.pdf")

    # mixed/: two hand-written good files live there already; add these copies.
    for source in (broken / "corrupt.pdf", broken / "binary.dat", broken / "empty.txt",
                   good / "russian-cp1251.txt"):
        write_bytes(mixed / source.name, source.read_bytes())


if __name__ == "__main__":
    make_examples()
    make_fixtures()
