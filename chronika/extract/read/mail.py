"""E-mail: a message (.eml) is a document, its body (the plain text, else the HTML through the
HTML reader) with the sender, recipients, date and subject as metadata; its attachments are
documents of their own (`letter.eml!report.pdf`). A mailbox (.mbox) holds messages, each named
by its place in the box (`box.mbox!message-3.eml`)."""

from __future__ import annotations

import codecs
import mimetypes
import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from typing import Iterator

from chronika.errors import SourceError
from chronika.extract.read.containers import SEPARATOR
from chronika.extract.read.html import read_html
from chronika.extract.read.registry import Budget, Member, register_container
from chronika.extract.read.text import decode_text
from chronika.records.document import Source

_HEADERS = ("from", "to", "cc", "date", "subject")
# Parts that are not documents: signatures and the pieces of an encrypted message.
_NOT_DOCUMENTS = {"application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature",
                  "application/pgp-encrypted", "application/pgp-keys"}
_MBOX_FROM = re.compile(rb"^From .*\r?\n", re.MULTILINE)  # the line that opens each message of a mailbox


def _headers_first(raw: bytes) -> bool:
    """Whether `raw` opens with a mail header line (a name, a colon), as a message does."""
    return re.match(rb"[A-Za-z][A-Za-z0-9-]*:[ \t]", raw[:200]) is not None


@register_container("e-mail", (".eml",))
def unpack_message(raw: bytes, name: str, budget: Budget) -> Iterator[Member | Source | SourceError]:
    if not _headers_first(raw):
        raise SourceError(name, "not an e-mail message (it does not open with mail headers)")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    if not isinstance(message, EmailMessage) or not any(message[h] for h in ("from", "date", "subject")):
        raise SourceError(name, "not an e-mail message (no From, Date or Subject header)")
    body = _body(message, name)
    if body is not None:
        yield body
    for n, part in enumerate(message.iter_attachments(), 1):
        if part.get_content_type() in _NOT_DOCUMENTS:
            continue
        data = _attachment_bytes(part)
        if data:
            yield Member(_attachment_name(part, n), data)


@register_container("mailbox", (".mbox", ".mbx"))
def unpack_mailbox(raw: bytes, name: str, budget: Budget) -> Iterator[Member | Source | SourceError]:
    starts = [m for m in _MBOX_FROM.finditer(raw)]
    if not starts or starts[0].start() != 0:
        raise SourceError(name, "not a mailbox (an mbox opens each message with a 'From ' line)")
    for n, start in enumerate(starts, 1):
        end = starts[n].start() if n < len(starts) else len(raw)
        # mboxrd escapes a body line beginning "From " as ">From ": the escape is undone.
        message = re.sub(rb"(?m)^>(>*From )", rb"\1", raw[start.end() : end])
        yield Member(f"message-{n}.eml", message)


def _body(message: EmailMessage, name: str) -> Source | SourceError | None:
    """The message's text as a document with its headers as metadata; None where it has none
    (a message that only carries attachments)."""
    part = message.get_body(preferencelist=("plain", "html"))
    data = _attachment_bytes(part) if isinstance(part, EmailMessage) else b""
    if not data.strip():
        return None
    try:
        if part is not None and part.get_content_type() == "text/html":
            source = read_html(data, name)
        else:
            source = Source(name, _plain_text(data, part, name), "text")
    except SourceError as e:
        return e
    headers = {h: " ".join(str(message[h]).split()) for h in _HEADERS if message[h]}
    source.reader = "e-mail"
    source.title = headers.get("subject") or source.title
    source.author = headers.get("from") or source.author
    source.date = _day(message) or None
    source.metadata = {**source.metadata, **headers, "body": part.get_content_type() if part else "text/plain"}
    if source.date:
        source.metadata["date_evidence"] = f"Date: {headers['date']}"
    return source


def _plain_text(data: bytes, part: Message | None, name: str) -> str:
    """A text part in the charset it declares, else (none, or one Python does not know) detected."""
    charset = part.get_content_charset() if part is not None else None
    if charset:
        try:
            codecs.lookup(charset)
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    return decode_text(data, name)[0]


def _day(message: EmailMessage) -> str | None:
    """The day the message was sent (YYYY-MM-DD) in the sender's own time, as its Date header states it."""
    value = message["date"]
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _attachment_bytes(part: Message) -> bytes:
    """A part's content as bytes (base64 and quoted-printable undone; an attached message as sent)."""
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        return inner[0].as_bytes() if isinstance(inner, list) and inner and isinstance(inner[0], Message) else b""
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _attachment_name(part: Message, n: int) -> str:
    """An attachment's file name (only its last part: a name is never a path), else one made from
    its place and type ("attachment-2.pdf")."""
    given = part.get_filename()
    if given:
        own = re.split(r"[\\/]", given.strip())[-1].replace(SEPARATOR, "_")
        if own.strip(". "):
            return own
    extension = ".eml" if part.get_content_type() == "message/rfc822" else mimetypes.guess_extension(part.get_content_type()) or ""
    return f"attachment-{n}{extension}"
