"""HTML article pages: main text and metadata through trafilatura.

trafilatura (a maintained boilerplate remover; mean token F1 on ../shared/corpora/html is
reported by ``pipelines/tools/html_eval.py``) returns the main text with one paragraph per
line, and metadata from meta tags, JSON-LD and the page itself: title, author(s) separated by
"; ", publication date (htmldate, original date preferred over last-modified), site name and
canonical URL. The text then goes through the same byline/dateline/sign-off rules as plain
text (``text.clean_paragraphs``) so "WASHINGTON (AP) —" is a dateline in every format.

Hostile pages: size is capped before parsing (``ParseLimits.max_html_bytes``); libxml2
truncates trees deeper than 256 levels, so when extraction finds nothing the tag nesting is
estimated to tell "too deeply nested" from "no article text" in the rejection; truncated
pages parse as far as they go (libxml2 recovers). Any exception from the third-party parser
becomes a rejection, never a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.core.parse.dates import parse_date
from pipelines.core.parse.encoding import canonical_encoding_name
from pipelines.core.parse.limits import ParseLimits
from pipelines.core.parse.resources import clean_authors
from pipelines.core.parse.text import TextFields, clean_paragraphs

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", re.IGNORECASE
)
_XML_ENCODING_RE = re.compile(
    rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-.]{1,40})"""
)
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})\b[^<>]*?(/?)>")
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr", "p", "li", "option", "td", "tr", "th", "dt", "dd"}
)  # fmt: skip  # p/li/td... are often left unclosed; counting them would overstate depth


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What an HTML page yielded, or why it yielded nothing (``reason_code``)."""

    fields: TextFields | None
    published_date: str | None = None  # as the page gave it (YYYY-MM-DD from htmldate)
    url: str | None = None
    reason_code: str = ""
    reason: str = ""


def declared_charset(raw: bytes) -> str | None:
    """Return the charset a page declares in its first 4 KB (canonical codec name) or None."""
    head = raw[:4096]
    match = _XML_ENCODING_RE.match(head) or _META_CHARSET_RE.search(head)
    if match is None:
        return None
    return canonical_encoding_name(match.group(1).decode("ascii", errors="ignore"))


def estimate_depth(html: str, stop_at: int) -> int:
    """Estimate the deepest tag nesting, stopping early once ``stop_at`` is exceeded."""
    depth = deepest = 0
    for match in _TAG_RE.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID_TAGS or self_closing:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        if depth > deepest:
            deepest = depth
            if deepest > stop_at:
                break
    return deepest


def _split_authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    # trafilatura already joins several authors with "; "; splitting on "and" would break
    # metadata such as "The Finnish and Swedish foreign ministries".
    return clean_authors(author.split(";"))


_BLOCK_TAGS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
    "article", "header", "footer", "table", "tr", "pre", "figure", "figcaption", "hr",
)  # fmt: skip
_BLANK_LINE_RE = re.compile(r"\n\s*\n")


def fragment_paragraphs(markup: str) -> list[str]:
    """Turn an HTML *fragment* (a JSON export's body field) into paragraphs.

    trafilatura is built for whole pages: on a short fragment it may drop text as
    boilerplate or split inline tags onto lines, so fragments take this simpler path.
    Block elements and ``<br>`` end paragraphs/lines; whitespace inside a paragraph is
    collapsed as a browser would; scripts and styles are dropped.

    Args:
        markup: The fragment.

    Returns:
        Paragraph strings (possibly empty).
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
        etree.strip_elements(root, "script", "style", with_tail=False)
        for element in root.iter(*_BLOCK_TAGS, "br"):
            element.tail = "\n\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n\n" + (element.text or "")
        text = root.text_content()
    except (ValueError, etree.LxmlError):
        return []
    paragraphs = (" ".join(block.split()) for block in _BLANK_LINE_RE.split(text))
    return [p for p in paragraphs if p]


def _repeats_title(paragraph: str, title: str | None) -> bool:
    """True when a body's first line is the headline (possibly without the site suffix)."""
    if not title or len(paragraph) > 300:
        return False
    line, head = " ".join(paragraph.split()).casefold(), " ".join(title.split()).casefold()
    return line == head or (len(line) >= 10 and head.startswith(line))


def _clean_sitename(value: str | None) -> str | None:
    """Site name as a name: some pages give a URL ("https://www.example.com")."""
    name = (value or "").strip()
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name, flags=re.IGNORECASE).rstrip("/")
    return name or None


def parse_html(html: str, limits: ParseLimits) -> HtmlArticle:
    """Extract the article from an HTML page.

    Args:
        html: The decoded, normalised page.
        limits: Size limits.

    Returns:
        The article fields, or a reason code and sentence when there is no article.
    """
    # Imported here: trafilatura pulls in lxml, htmldate, justext (~0.3 s); text and JSON
    # parsing should not pay for it.
    import trafilatura

    if len(html) > limits.max_html_bytes:
        return HtmlArticle(
            None,
            reason_code="too_large",
            reason=f"the HTML page has {len(html):,} characters, over the {limits.max_html_bytes:,} limit for the HTML parser",
        )
    # lxml refuses str input that carries an XML encoding declaration; the text is decoded.
    html = _XML_DECLARATION_RE.sub("", html, count=1)
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            deduplicate=False,
        )
    except (Exception, RecursionError) as exc:  # third-party parser on hostile input
        return HtmlArticle(
            None,
            reason_code="bad_html",
            reason=f"the HTML parser failed ({type(exc).__name__}); the page may be corrupt",
        )
    text = getattr(document, "text", None) or ""
    if not text.strip():
        depth = estimate_depth(html, limits.max_html_depth)
        if depth > limits.max_html_depth:
            return HtmlArticle(
                None,
                reason_code="html_too_deep",
                reason=f"the HTML nests tags more than {limits.max_html_depth} levels deep, so no article text could be read",
            )
        return HtmlArticle(
            None,
            reason_code="no_text",
            reason="no article text was found in the HTML page (empty page, script-rendered content, paywall or navigation only)",
        )
    paragraphs = [(line.strip(), i) for i, line in enumerate(text.split("\n")) if line.strip()]
    title = (getattr(document, "title", None) or "").strip() or None
    if len(paragraphs) > 1 and _repeats_title(paragraphs[0][0], title):
        # trafilatura keeps the article's <h1>; it is the title, not body text, and the
        # dateline rule must see the first real paragraph.
        paragraphs.pop(0)
    fields = clean_paragraphs(paragraphs, detect_title=False)
    page_authors = _split_authors(getattr(document, "author", None))
    sitename = _clean_sitename(getattr(document, "sitename", None))
    fields = TextFields(
        body=fields.body,
        title=title,
        # The site that published the page is the outlet; a wire agency from the dateline
        # or sign-off only fills in when the page names no site.
        outlet=sitename or fields.outlet,
        authors=page_authors or fields.authors,
        dateline=fields.dateline,
    )
    date_text = getattr(document, "date", None)
    url = (getattr(document, "url", None) or "").strip() or None
    return HtmlArticle(
        fields,
        published_date=date_text if date_text and parse_date(date_text) else None,
        url=url,
    )
