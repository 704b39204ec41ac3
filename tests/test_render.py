"""The HTML view: ``quotekit.render.render_html`` and ``Article.to_html``.

Fast tests render hand-built Articles and parse the page with the standard
library; the ``browser`` test renders examples/article.txt, loads it in headless
Chromium and checks the DOM the browser built, the layout it computed, and a
phone-sized screenshot.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from quotekit.model import Article, Entity, Mention, Quote, Reported, Source
from quotekit.render import flag, render_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "article.txt"

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


# ------------------------------------------------------------------ a tiny DOM
class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self, skip_class: str | None = None) -> str:
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif skip_class is None or skip_class not in c.classes:
                out.append(c.text(skip_class))
        return "".join(out)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **data: str):
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes:
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in data.items()):
                continue
            yield n

    def find(self, tag: str | None = None, cls: str | None = None, **data: str) -> Node:
        found = list(self.find_all(tag, cls, **data))
        assert found, f"no <{tag or '*'} class={cls} {data}>"
        return found[0]

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class StrictTreeBuilder(HTMLParser):
    """Builds a Node tree; fails on an end tag that doesn't close the open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.cur.tag}> at {self.getpos()}")
            return
        self.cur = self.cur.parent or self.root

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(page: str) -> Node:
    b = StrictTreeBuilder()
    b.feed(page)
    b.close()
    assert not b.errors, b.errors[:5]
    assert b.cur is b.root, f"unclosed <{b.cur.tag}>"
    return b.root


def quote_marks(root: Node) -> list[Node]:
    """The quote marks in the articles (not the legend's sample)."""
    return [m for m in root.find_all("mark", "qk-quote") if "data-quote-id" in m.attrs]


def squash(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------- hand-built articles
def _m(text: str, sub: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Mention(start, start + len(sub), sub)


def _quote(
    text: str,
    qid: str,
    inner: str,
    *,
    speaker=None,
    mention=None,
    via=None,
    kind="full",
    open_="\u201c",
    close="\u201d",
) -> Quote:
    start = text.index(open_ + inner + close)
    return Quote(
        qid,
        start,
        start + len(inner) + 2,
        inner,
        kind,
        speaker=speaker,
        speaker_mention=mention,
        via=via,
    )


NASTY = (
    "Tom & Jerry <script>alert('x')</script> report\n\n"
    "PARIS (AFP) \u2014 \u201cWe <b>won</b> & they lost,\u201d said Marie Curie-Dupont "
    "of <img src=x onerror=alert(1)> Acme.\n\n"
    'Someone added: \u201cThis "is" fine.\u201d\n'
)


def nasty_article() -> Article:
    t = NASTY
    marie = Entity(
        "e0",
        "PERSON",
        "Marie <Curie>-Dupont",
        ("Marie Curie-Dupont",),
        (_m(t, "Marie Curie-Dupont"),),
        ("Chief & <Head>",),
        "Acme <Inc>",
    )
    france = Entity("e1", "COUNTRY", "France", ("PARIS",), (_m(t, "PARIS"),), iso="FR")
    acme = Entity("e2", "ORG", "Acme", ("Acme",), (_m(t, "Acme"),))
    afp = Source("s0", "AFP <agency>", "news_agency", ("dateline",), (_m(t, "AFP"),))
    q0 = _quote(
        t,
        "q0",
        "We <b>won</b> & they lost,",
        speaker="e0",
        mention=_m(t, "Marie Curie-Dupont"),
        via="s0",
    )
    q1 = _quote(t, "q1", 'This "is" fine.', mention=_m(t, "Someone"))
    return Article('<id> & "co"', t, (q0, q1), (marie, france, acme), (afp,))


def test_escaping_renders_inert():
    page = render_html([nasty_article()], title="<Title> & co")
    root = parse(page)
    tags = {n.tag for n in root.iter()}
    assert "script" not in tags and "img" not in tags and "b" not in tags
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    # markupsafe (jinja2's autoescape) writes ' as &#39; and " as &#34;
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "Tom &amp; Jerry" in page
    assert root.find("title").text() == "<Title> & co"
    # Names, titles and ids from the data are escaped too (in text and attributes).
    assert "<Curie>" not in page and "&lt;Curie&gt;" in page
    assert "Chief &amp; &lt;Head&gt;" in page
    art = root.find("section", "qk-article")
    assert art.attrs["data-article-id"] == '<id> & "co"'
    # The whole text reads as it was written, once, in order.
    text_div = root.find("div", "qk-text")
    assert squash(text_div.text(skip_class="qk-label")) == squash(NASTY)


def test_no_external_resources_and_viewport():
    page = render_html([nasty_article()])
    root = parse(page)
    assert not list(root.find_all("link")) and not list(root.find_all("script"))
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "@import" not in page and "url(" not in page
    viewport = root.find("meta", name="viewport")
    assert "width=device-width" in viewport.attrs["content"]
    assert "@media (max-width:700px)" in page and "@media print" in page


def test_quote_offsets_and_speaker_labels():
    a = nasty_article()
    root = parse(a.to_html())
    marks = quote_marks(root)
    assert [m.attrs["data-quote-id"] for m in marks] == ["q0", "q1"]
    for q, m in zip(a.quotes, marks):
        assert m.text() == a.text[q.start : q.end]
        assert m.find("span", "qk-qtext").text() == q.text
        assert m.attrs["id"] == f"a0-{q.id}"
        assert m.attrs["aria-label"]
    q0 = marks[0]
    assert q0.attrs["data-speaker"] == "e0"
    assert q0.attrs["data-speaker-name"] == "Marie <Curie>-Dupont"
    assert q0.attrs["data-via"] == "s0"
    assert "Marie <Curie>-Dupont" in q0.attrs["aria-label"]
    assert "via AFP <agency>" in q0.attrs["title"]
    label = root.find("span", "qk-label", data_quote_id="q0")
    assert squash(label.text()) == "Marie <Curie>-Dupont via AFP <agency>"
    who = label.find("a", "qk-who")
    target = who.attrs["href"].lstrip("#")
    person = root.find("li", id=target)
    assert person.attrs["data-entity-id"] == "e0"
    assert "qk-panel" in {c for n in person.ancestors() for c in n.classes}
    assert "1 quote" in person.text()
    via = label.find("a", data_source_id="s0")
    assert root.find("li", id=via.attrs["href"].lstrip("#")).attrs["data-source-id"] == "s0"


def test_unattributed_quotes_are_marked():
    root = parse(render_html([nasty_article()]))
    m = root.find("mark", "qk-quote", data_quote_id="q1")
    assert "qk-unattributed" in m.classes
    assert m.attrs["data-speaker"] == ""
    assert "unattributed" in m.attrs["aria-label"].lower()
    label = root.find("span", "qk-label", data_quote_id="q1")
    assert "qk-label-none" in label.classes
    assert "unattributed" in label.text() and "Someone" in label.text()
    assert not list(label.find_all("a", "qk-who"))
    group = root.find("section", "qk-group-unattributed")
    assert [a.attrs["href"] for a in group.find_all("a")] == ["#a0-q1"]
    assert "1 unattributed" in root.find("p", "qk-stats").text()


def test_entities_inside_quotes_and_side_panel():
    a = nasty_article()
    root = parse(render_html([a]))
    acme = root.find("span", "qk-ent", data_entity_id="e2")
    assert acme.text() == "Acme"
    # A mention inside a quote is underlined inside the quote's mark.
    t = "Ana said: \u201cBrazil will win.\u201d"
    brazil = Entity("e0", "COUNTRY", "Brazil", ("Brazil",), (_m(t, "Brazil"),), iso="BR")
    ana = Entity("e1", "PERSON", "Ana", ("Ana",), (_m(t, "Ana"),))
    q = _quote(t, "q0", "Brazil will win.", speaker="e1", mention=_m(t, "Ana"))
    root2 = parse(render_html([Article("x", t, (q,), (brazil, ana))]))
    ent = root2.find("span", "qk-ent", data_entity_id="e0")
    assert any(n.tag == "mark" for n in ent.ancestors())
    country = root2.find("li", data_entity_id="e0")
    assert country.attrs["data-iso"] == "BR"
    assert country.find("span", "qk-iso").text() == "BR"
    assert country.find("span", "qk-flag").text() == "\U0001f1e7\U0001f1f7"
    assert "Brazil" in country.text()
    # Panel of the first article: country, organisation, source with kind and role.
    fr = root.find("li", data_entity_id="e1")
    assert fr.find("span", "qk-iso").text() == "FR" and "France" in fr.text()
    assert "Acme" in root.find("section", "qk-group-orgs").text()
    src = root.find("li", data_source_id="s0")
    assert [r.text() for r in src.find_all("span", "qk-role")] == ["dateline"]
    assert src.find("span", "qk-kind").text() == "news agency"
    person = root.find("li", data_entity_id="e0")
    assert "Chief & <Head>" in person.text() and "Acme <Inc>" in person.text()


def test_overlaps_and_crossings_still_nest():
    t = "First para with \u201ca quote that\n\nruns on\u201d and Big Corp Ltd here.\n"
    start = t.index("\u201c")
    end = t.index("\u201d") + 1
    q0 = Quote("q0", start, end, t[start + 1 : end - 1], "full")
    q1 = Quote("q1", start + 2, end + 4, "overlapping", "full")  # overlaps q0: dropped
    q2 = Quote("q2", -5, 3, "out of range", "full")  # clamped
    cross = Entity("e0", "ORG", "Corp", (), (Mention(end - 3, t.index("Corp") + 4, "x"),))
    inner = Entity(
        "e1",
        "ORG",
        "Big Corp Ltd",
        (),
        (
            Mention(t.index("Big"), t.index("Ltd") + 3, "Big Corp Ltd"),
            Mention(t.index("Corp"), t.index("Corp") + 4, "Corp"),
        ),
    )  # overlaps: dropped
    a = Article("x", t, (q0, q1, q2), (cross, inner))
    page = render_html([a, a])
    root = parse(page)  # well formed: every end tag closes the open element
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    # The quote crossing a paragraph break is split; only its first piece has the id.
    pieces = list(root.find("section", id="a0").find_all("mark", data_quote_id="q0"))
    assert len(pieces) == 2 and "id" in pieces[0].attrs and "id" not in pieces[1].attrs
    assert squash(" ".join(p.text() for p in pieces)) == squash(t[start:end])
    assert len(list(root.find("section", id="a0").find_all("span", "qk-label"))) == 2
    for sec in root.find_all("section", "qk-article"):
        assert squash(sec.find("div", "qk-text").text(skip_class="qk-label")) == squash(t)
    # Two articles: distinct id prefixes and a table of contents.
    assert root.find("section", id="a1") and root.find("nav", "qk-toc")


# ------------------------------------------------------------- reported speech
HARBOUR = (
    "Ina Berg said the harbour would reopen, calling the repairs \u201ca small miracle\u201d "
    "for the town.\n\n"
    "\u201cWe are ready,\u201d she said, adding that tolls would stay low.\n\n"
    "Officials said the ferry would run again\n\nby June, the Harbour Herald reported."
)


def reported_article() -> Article:
    """Reported speech holding a partial quote, one relayed by a newspaper, one that
    starts inside a quote (a stand-in for a bad record), and one over a paragraph break
    with no one attributed."""
    t = HARBOUR
    berg = Entity("e0", "PERSON", "Ina Berg", ("Ina Berg",), (_m(t, "Ina Berg"),))
    herald = Source("s0", "Harbour Herald", "newspaper", ("cited",), (_m(t, "Harbour Herald"),))
    q0 = _quote(t, "q0", "a small miracle", speaker="e0", mention=_m(t, "Ina Berg"), kind="partial")
    q1 = _quote(t, "q1", "We are ready,", speaker="e0", mention=_m(t, "she"))

    def said(rid: str, words: str, **kw: Any) -> Reported:
        m = _m(t, words)
        return Reported(rid, m.start, m.end, words, **kw)

    r0 = said(
        "r0",
        "the harbour would reopen, calling the repairs \u201ca small miracle\u201d for the town",
        speaker="e0",
        speaker_mention=_m(t, "Ina Berg"),
        cue=_m(t, "said"),
    )
    r1 = said("r1", "ready,\u201d she said, adding that tolls", speaker="e0", via="s0")
    r2 = said("r2", "the ferry would run again\n\nby June", speaker_mention=_m(t, "Officials"))
    return Article("harbour", t, (q0, q1), (berg,), (herald,), (r0, r1, r2))


def test_reported_speech_nested_in_reported_speech_is_marked_too():
    t = "Ina Berg said the council wanted to sell the harbour."
    outer = _m(t, "the council wanted to sell the harbour")
    inner = _m(t, "to sell the harbour")
    a = Article(
        "nested",
        t,
        reported=(
            Reported("r0", outer.start, outer.end, outer.text),
            Reported("r1", inner.start, inner.end, inner.text),
        ),
    )
    root = parse(a.to_html())
    r0 = root.find("span", "qk-reported", data_reported_id="r0")
    r1 = root.find("span", "qk-reported", data_reported_id="r1")
    assert r0 in list(r1.ancestors())
    assert squash(r1.text(skip_class="qk-label")) == "to sell the harbour"


def test_reported_speech_is_marked_and_labelled():
    a = reported_article()
    root = parse(a.to_html())
    r0 = root.find("span", "qk-reported", data_reported_id="r0")
    assert r0.attrs["id"] == "a0-r0" and r0.attrs["data-speaker-name"] == "Ina Berg"
    assert squash(r0.text(skip_class="qk-label")) == squash(a.reported[0].text)
    assert r0.attrs["title"] == "Reported speech by Ina Berg"
    # the partial quote inside it is whole, with its own label
    q0 = root.find("mark", "qk-quote", data_quote_id="q0")
    assert r0 in list(q0.ancestors())
    assert q0.text() == a.text[a.quotes[0].start : a.quotes[0].end]
    assert q0.find("span", "qk-qtext").text() == "a small miracle"
    # the label, after the content: the word "reported" (not a colour alone) and the
    # speaker, linked to the side panel
    label = root.find("span", "qk-label-reported", data_reported_id="r0")
    assert squash(label.text()) == "reported Ina Berg"
    assert label.find("span", "qk-rtag").text() == "reported"
    href = label.find("a", "qk-who").attrs["href"]
    assert root.find("li", id=href.lstrip("#")).attrs["data-entity-id"] == "e0"
    # the text still reads as written
    text = root.find("div", "qk-text")
    assert squash(text.text(skip_class="qk-label")) == squash(a.text)


def test_reported_speech_never_splits_a_quote():
    a = reported_article()
    root = parse(render_html([a]))
    # r1 starts inside the quote q1: it is widened to begin with the quote's mark
    r1 = root.find("span", "qk-reported", data_reported_id="r1")
    q1 = root.find("mark", "qk-quote", data_quote_id="q1")
    assert r1 in list(q1.ancestors())
    assert q1.text() == "\u201cWe are ready,\u201d"
    assert r1.attrs["data-via"] == "s0"
    assert squash(root.find("span", "qk-label-reported", data_reported_id="r1").text()) == (
        "reported Ina Berg via Harbour Herald"
    )
    for q in a.quotes:
        [mark] = root.find_all("mark", data_quote_id=q.id)
        assert mark.find("span", "qk-qtext").text() == q.text


def test_unattributed_reported_speech_over_a_paragraph_break():
    root = parse(render_html([reported_article()]))
    pieces = list(root.find_all("span", "qk-reported", data_reported_id="r2"))
    assert len(pieces) == 2 and "id" in pieces[0].attrs and "id" not in pieces[1].attrs
    assert [p.text() for p in pieces] == ["the ferry would run again", "by June"]
    assert all("qk-unattributed" in p.classes and p.attrs["data-speaker"] == "" for p in pieces)
    assert "no named speaker" in pieces[0].attrs["title"]
    [label] = root.find_all("span", "qk-label-reported", data_reported_id="r2")
    assert "qk-label-none" in label.classes and squash(label.text()) == "reported Officials"
    assert not list(label.find_all("a"))
    assert root.find("span", "qk-speaker").text() == "Ina Berg"


def test_reported_speech_in_the_panel_stats_and_legend():
    root = parse(render_html([reported_article()]))
    group = root.find("section", "qk-group-reported")
    assert group.find("h3").text() == "Reported speech 3"
    items = list(group.find_all("li"))
    assert [li.attrs["data-reported-id"] for li in items] == ["r0", "r1", "r2"]
    assert [li.find("a").attrs["href"] for li in items] == ["#a0-r0", "#a0-r1", "#a0-r2"]
    assert squash(items[1].find("span", "qk-meta").text()) == "Ina Berg · via Harbour Herald"
    assert squash(items[2].find("span", "qk-meta").text()) == "Officials (unresolved)"
    assert "3 reported" in root.find("p", "qk-stats").text()
    legend = root.find("ul", "qk-legend")
    assert legend.find("span", "qk-reported").text() == "reported speech"
    assert legend.find("span", "qk-label-reported").find("span", "qk-rtag").text() == "reported"
    # an article without reported speech: no group, no count
    plain = parse(render_html([nasty_article()]))
    assert not list(plain.find_all("section", "qk-group-reported"))
    assert "reported" not in plain.find("p", "qk-stats").text()


def test_reported_style_is_more_than_a_colour():
    page = render_html([reported_article()])
    css = page[page.index("<style>") : page.index("</style>")]
    assert ".qk-reported{border-bottom:2px dotted" in css
    assert ".qk-label-reported{background:transparent" in css


def test_empty_inputs():
    root = parse(render_html([]))
    assert "No articles" in root.text()
    root = parse(render_html([Article(None, "")]))
    assert root.find("section", "qk-article").find("h2").text() == "Article 1"
    assert "0 quotes" in root.find("p", "qk-stats").text()


def test_flag():
    assert flag("PT") == "\U0001f1f5\U0001f1f9"
    assert flag("pt") == flag("PT")
    assert flag(None) == "" and flag("XYZ") == "" and flag("1A") == "" and flag("\u00c9S") == ""


# ----------------------------------------------------------------- the browser
def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(args: list[str], profile: Path, timeout: int = 120) -> str:
    cmd = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


# Appended to a copy of the page only: records the layout the browser computed.
_PROBE = """<script>
(function () {
  function box(el) { var r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
            width: r.width, height: r.height}; }
  var mark = document.querySelector('mark.qk-quote');
  var label = document.querySelector('.qk-label');
  var reported = document.querySelector('span.qk-reported[data-reported-id]');
  document.body.setAttribute('data-probe', JSON.stringify({
    width: window.innerWidth,
    text: box(document.querySelector('.qk-text')),
    panel: box(document.querySelector('.qk-panel')),
    label: box(label),
    markBackground: getComputedStyle(mark).backgroundColor,
    labelColor: getComputedStyle(label).color,
    labelBackground: getComputedStyle(label).backgroundColor,
    reportedBorder: reported ? getComputedStyle(reported).borderBottomStyle : null
  }));
})();
</script>"""


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.browser
@pytest.mark.model
def test_example_in_headless_chromium(tmp_path):
    if _chromium() is None:
        pytest.skip("no chromium binary on PATH (apt-get install chromium)")
    import quotekit

    article = quotekit.extract(EXAMPLE.read_text(encoding="utf-8"), id="example")
    page = tmp_path / "page.html"
    page.write_text(render_html([article]), encoding="utf-8")

    dom = _run_chromium(["--dump-dom", page.as_uri()], tmp_path / "profile")
    root = parse(dom)

    # The quote is highlighted, holds exactly the quoted words, and is labelled
    # with its speaker, whose label links to the speaker's entry in the side panel.
    ferries = "The ferries belong to the people who ride them every morning,"
    marks = [m for m in quote_marks(root) if m.find("span", "qk-qtext").text() == ferries]
    assert len(marks) == 1, "the ferries quote is not highlighted"
    mark = marks[0]
    assert mark.text() == '"' + ferries + '"'
    assert mark.attrs["data-speaker-name"] == "Helena Duarte"
    assert "Helena Duarte" in mark.attrs["aria-label"]
    assert "qk-unattributed" not in mark.classes
    qid = mark.attrs["data-quote-id"]
    label = root.find("span", "qk-label", data_quote_id=qid)
    assert label.text().strip() == "Helena Duarte"
    href = label.find("a", "qk-who").attrs["href"]
    entry = root.find("li", id=href.lstrip("#"))
    assert entry.find("span", "qk-name").text() == "Helena Duarte"
    assert entry.attrs["data-entity-id"] == mark.attrs["data-speaker"]
    assert any(a.attrs.get("href") == f"#{mark.attrs['id']}" for a in entry.find_all("a"))
    panel = root.find("aside", "qk-panel")
    assert entry in list(panel.iter())

    # The side panel lists Portugal with its ISO code and flag.
    countries = panel.find("section", "qk-group-countries")
    pt = countries.find("li", data_iso="PT")
    assert pt.find("span", "qk-cname").text() == "Portugal"
    assert pt.find("span", "qk-iso").text() == "PT"
    assert pt.find("span", "qk-flag").text() == flag("PT")

    # News sources: Reuters with its role(s), as the Article says.
    sources = panel.find("section", "qk-group-sources")
    reuters = [
        li
        for li in sources.find_all("li")
        if li.attrs.get("data-source-id") and li.find("span", "qk-name").text() == "Reuters"
    ]
    assert len(reuters) == 1, "Reuters is not listed among the sources"
    expected_roles = list(next(s for s in article.sources if s.name == "Reuters").roles)
    assert expected_roles
    assert [r.text() for r in reuters[0].find_all("span", "qk-role")] == expected_roles

    # Unattributed quotes are visibly marked; every quote has a label.
    for q in article.quotes:
        m = root.find("mark", data_quote_id=q.id)
        assert ("qk-unattributed" in m.classes) == (article.entity(q.speaker) is None)
        assert root.find("span", "qk-label", data_quote_id=q.id)

    # Reported speech is marked and labelled "reported"; its label names the speaker.
    assert article.reported, "the example has reported speech"
    for r in article.reported:
        assert root.find("span", "qk-reported", data_reported_id=r.id)
        label = root.find("span", "qk-label-reported", data_reported_id=r.id)
        assert label.find("span", "qk-rtag").text() == "reported"
        speaker = article.entity(r.speaker)
        if speaker is not None:
            assert speaker.name in label.text()

    # The layout the browser computed: side by side on a desktop, stacked on a phone.
    probe_page = tmp_path / "probe.html"
    probe_page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"), encoding="utf-8"
    )
    layouts = {}
    for width in (412, 1280):
        out = _run_chromium(
            [f"--window-size={width},915", "--dump-dom", probe_page.as_uri()],
            tmp_path / f"profile-{width}",
        )
        body = parse(out).find("body")
        layouts[width] = json.loads(body.attrs["data-probe"])
    desk, phone = layouts[1280], layouts[412]
    assert desk["panel"]["left"] >= desk["text"]["right"], desk
    assert phone["width"] < 700, phone  # headless may widen tiny windows, but not past 700
    assert phone["panel"]["top"] >= phone["text"]["bottom"], phone
    assert phone["panel"]["right"] <= phone["width"] and phone["text"]["right"] <= phone["width"]
    for layout in (desk, phone):
        assert layout["markBackground"] not in ("rgba(0, 0, 0, 0)", "transparent")
        assert layout["labelColor"] != layout["labelBackground"]
        assert layout["label"]["width"] > 0 and layout["label"]["height"] > 0
        assert layout["reportedBorder"] == "dotted"  # a dotted line, not a colour alone

    # A phone-sized screenshot.
    png = tmp_path / "page.png"
    _run_chromium(
        [f"--screenshot={png}", "--window-size=412,915", page.as_uri()], tmp_path / "profile-shot"
    )
    assert png.exists()
    assert _png_size(png) == (412, 915)
    assert png.stat().st_size > 20_000  # a blank page is a few KB
