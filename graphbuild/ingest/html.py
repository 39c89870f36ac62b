"""Main text and metadata of an HTML page (trafilatura, with a plain fallback for tiny pages)."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

# Elements whose text is never article text, and elements that end a paragraph.
_SKIP = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg",
})
_BLOCK = frozenset({
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
    "blockquote", "figcaption", "title", "pre", "dd", "dt",
})


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str) -> HtmlArticle:
    """Article text (one paragraph per line) plus title, date, site name and canonical URL."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
        )
    except Exception:  # arbitrary scraped markup must not stop the run: fall back below
        doc = None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        text = plain_text(html)
    if doc is None:
        return HtmlArticle(text=text)
    return HtmlArticle(
        text=text,
        title=getattr(doc, "title", None) or None,
        published=getattr(doc, "date", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
    )


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
