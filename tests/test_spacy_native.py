"""quotekit is native to spaCy: factories by name, saved pipelines, DocBin,
multiprocessing, config overrides and displaCy.

The subprocess tests run scripts that never ``import quotekit`` before spaCy has
built the pipeline: the factories and the registered tables come from the
``spacy_factories``/``spacy_misc`` entry points in ``pyproject.toml``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.tokens import DocBin

import quotekit
from quotekit import Article
from quotekit.extensions import SPAN_KEYS
from quotekit.pipeline import COMPONENTS, resolve_model

pytestmark = pytest.mark.model

# Invented articles: nobody and nothing here is real.
ARTICLES = [
    (
        '"We will open the terminal in spring," Marta Kowalczyk, the harbour master of Port '
        "Elm, told the Harbour Herald on Monday.\n\nThe council voted 7-2 for the plan, "
        'according to Reuters. "It will change the town," said Tomas Brennan, who runs a cafe.'
    ),
    (
        "LONDON (AFP) - Britain and France signed a fishing deal on Tuesday. \u201cThis is a good "
        "day for both our countries,\u201d the French minister, Claire Dubois, said.\n\n"
        "Critics in Blighty called it \u2018a sell-out\u2019."
    ),
    (
        "Dr Amina Yusuf said the vaccine trial in Kenya had gone well. 'We saw no serious side "
        "effects,' she told the BBC.\n\n'We are hopeful,' she added."
    ),
    (
        "\u00ab Nous ne c\u00e9derons pas \u00bb, a declar\u00e9 le ministre. The minister, Jean-Luc "
        'Marchetti, later told reporters: "We will not give in."'
    ),
    (
        'The Kenyan president, Daniel Mwangi, said on Friday that the country would "never '
        'accept" the new tariffs. "These tariffs hurt our farmers," Mwangi said in a statement '
        "carried by the Associated Press."
    ),
    (
        "Nobody said anything in this paragraph.\n\nNor in this one, which has an apostrophe "
        "in it's and the dogs' bowls."
    ),
    (
        '"Is anyone listening?" asked Sen. Ruth Abernathy. "I have written to the ministry '
        'three times."\n\nThe ministry declined to comment, CNN reported.'
    ),
    (
        "Chen Wei, a trader in Shanghai, said prices had doubled. \u201cI have never seen anything "
        "like it,\u201d he said. \u201cNever.\u201d\n\nOther traders agreed, according to Bloomberg."
    ),
    (
        'In a statement, the UN said it was "deeply concerned" about the fighting. "Civilians '
        'must be protected," the statement said.'
    ),
    (
        "\u201cThe rain is awful today,\u201d she harrumphed, while Lars Eklund, the Swedish prime "
        "minister, told Al Jazeera that the talks would go on. \u201cWe are close,\u201d he said."
    ),
]

SOURCE_OVERRIDE = {
    "extra_organisations": [
        {"name": "Harbour Herald", "kind": "newspaper", "aliases": ["Harbour Herald"]}
    ]
}
COUNTRY_OVERRIDE = {
    "countries": {"@misc": "quotekit.countries.v1", "extra": [{"iso2": "GB", "names": ["Blighty"]}]}
}
CUE_OVERRIDE = {
    "cues": {
        "@misc": "quotekit.reporting_cues.v1",
        "extra_verbs": {"harrumph": {"class": "speech", "forms": ["harrumphed"]}},
    }
}
# The shipped cue table does not know "harrumph" (checked in test_cue_override).
# The quote ends its sentence: only a cue in the table attributes it there (after a
# quote ending in a comma any verb of the frame is a cue, "harrumphed" included).
HARRUMPH = "The meeting ran late.\n\n\u201cThe rain is awful today.\u201d she harrumphed."
BLIGHTY = "Jane Doe flew home to Blighty on Monday."
HERALD = "\u201cWe will win,\u201d Jane Doe told the Harbour Herald."
STRAIGHT = '"The rain is awful," she said.'
CURLY = "\u201cThe rain is awful,\u201d she said."
# Invented: with "blueprint" as a naming word (like "the film"), the marked words name it.
BLUEPRINT = 'Jane Doe described the blueprint "a total mess" on Monday.'


def run_script(code: str, *args: str) -> str:
    """Run ``code`` in a fresh interpreter; its stdout (it must succeed)."""
    assert "import quotekit" not in code.split("# quotekit may be imported below")[0]
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def dicts(nlp, texts) -> list[dict]:
    return [Article.from_doc(doc).to_dict() for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def custom_nlp():
    """A pipeline with every kind of override, and an organisation added at run time."""
    nlp = quotekit.load(
        sources=SOURCE_OVERRIDE, entities=COUNTRY_OVERRIDE, attribution=CUE_OVERRIDE
    )
    nlp.get_pipe("quotekit_sources").add_organisations(
        [{"name": "Valley Courier", "kind": "newspaper", "aliases": ["the Valley Courier"]}]
    )
    return nlp


# ------------------------------------------------------------------ 1. add_pipe by name
def test_add_pipe_by_name_without_import():
    out = run_script(f"""
        import json, sys
        import spacy
        nlp = spacy.load({resolve_model()!r})
        for name in {tuple(COMPONENTS.values())!r}:
            nlp.add_pipe(name)
        doc = nlp({ARTICLES[0]!r})
        print(json.dumps({{"quotes": doc._.quotekit_quotes,
                          "sources": doc._.quotekit_sources,
                          "spans": [s.text for s in doc.spans["quotekit_quotes"]],
                          "loaded_via_entry_points": "quotekit" in sys.modules}}))
    """)
    result = json.loads(out)
    assert len(result["quotes"]) == 2
    assert result["spans"][0].startswith('"We will open')
    assert any(q["speaker"] for q in result["quotes"])
    assert any(s["name"] == "Reuters" for s in result["sources"])
    assert result["loaded_via_entry_points"]  # loaded by spaCy, not by the script


# ------------------------------------------------------------- 2. to_disk / to_bytes
def test_to_disk_and_load_in_fresh_process(custom_nlp, tmp_path):
    texts = ARTICLES + [HARRUMPH, BLIGHTY, HERALD, "\u201cSoon,\u201d she told the Valley Courier."]
    expected = dicts(custom_nlp, texts)
    custom_nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "quotekit_sources" / "organisations.json").exists()
    out = run_script(
        """
        import json, sys
        import spacy
        nlp = spacy.load(sys.argv[1])
        texts = json.loads(sys.stdin.read()) if False else json.loads(sys.argv[2])
        docs = list(nlp.pipe(texts))
        # quotekit may be imported below: the pipeline is already built and has run.
        from quotekit import Article
        print(json.dumps([Article.from_doc(d).to_dict() for d in docs]))
    """,
        str(tmp_path / "pipeline"),
        json.dumps(texts),
    )
    assert json.loads(out) == expected
    by_text = dict(zip(texts, expected))
    # The overrides and the run-time organisation made it through the round trip.
    assert by_text[HARRUMPH]["quotes"][0]["cue"]["text"] == "harrumphed"
    assert [e["iso"] for e in by_text[BLIGHTY]["entities"] if e["type"] == "COUNTRY"] == ["GB"]
    assert [s["name"] for s in by_text[HERALD]["sources"]] == ["Harbour Herald"]
    assert [s["name"] for s in by_text[texts[-1]]["sources"]] == ["Valley Courier"]


def test_to_bytes_round_trip(custom_nlp):
    texts = ARTICLES + [HARRUMPH, BLIGHTY, "\u201cSoon,\u201d she told the Valley Courier."]
    expected = dicts(custom_nlp, texts)
    data = custom_nlp.to_bytes()
    nlp2 = spacy.util.get_lang_class("en").from_config(custom_nlp.config)
    nlp2.from_bytes(data)
    assert dicts(nlp2, texts) == expected


def test_sources_component_bytes_and_disk(custom_nlp, tmp_path):
    comp = custom_nlp.get_pipe("quotekit_sources")
    fresh = quotekit.load().get_pipe("quotekit_sources")
    assert fresh.user_organisations == []
    fresh.from_bytes(comp.to_bytes())
    assert fresh.user_organisations == comp.user_organisations
    comp.to_disk(tmp_path / "src")
    other = quotekit.load().get_pipe("quotekit_sources")
    other.from_disk(tmp_path / "src")
    assert other.user_organisations == comp.user_organisations
    names = {r["name"] for r in other.user_organisations}
    assert {"Harbour Herald", "Valley Courier"} <= names


# ------------------------------------------------------------------------ 3. DocBin
@pytest.mark.parametrize("text", ARTICLES)
def test_docbin_round_trip(nlp, text):
    doc = nlp(text)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    restored = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert Article.from_doc(restored).to_dict() == Article.from_doc(doc).to_dict()
    for key in SPAN_KEYS.values():
        before = [
            (s.start_char, s.end_char, s.label_, s.kb_id_, s.id_) for s in doc.spans.get(key, [])
        ]
        after = [
            (s.start_char, s.end_char, s.label_, s.kb_id_, s.id_)
            for s in restored.spans.get(key, [])
        ]
        assert before == after, key


def test_docbin_span_groups_carry_ids(nlp):
    doc = nlp(ARTICLES[0])
    restored = next(
        DocBin().from_bytes(DocBin(docs=[doc], store_user_data=True).to_bytes()).get_docs(nlp.vocab)
    )
    quotes = restored.spans[SPAN_KEYS["quotes"]]
    assert [s.id_ for s in quotes] == [q["id"] for q in restored._.quotekit_quotes]
    assert {s.label_ for s in quotes} <= {"full", "partial"}
    assert quotes[0].kb_id_ == restored._.quotekit_quotes[0]["speaker"] != ""
    entity_ids = {e["id"] for e in restored._.quotekit_entities}
    assert {s.kb_id_ for s in restored.spans[SPAN_KEYS["entities"]]} <= entity_ids


# --------------------------------------------------------------------- 4. n_process
def test_nlp_pipe_two_processes(nlp):
    one = dicts(nlp, ARTICLES)
    two = [Article.from_doc(doc).to_dict() for doc in nlp.pipe(ARTICLES, n_process=2, batch_size=3)]
    assert two == one


def test_extract_many_two_processes(nlp):
    items = [(text, f"a{i}") for i, text in enumerate(ARTICLES)]
    one = [a.to_dict() for a in quotekit.extract_many(items, nlp=nlp)]
    two = [a.to_dict() for a in quotekit.extract_many(items, nlp=nlp, n_process=2, batch_size=3)]
    assert two == one
    assert [a["id"] for a in two] == [f"a{i}" for i in range(len(ARTICLES))]


def test_extract_many_two_processes_with_parts(nlp):
    # Long texts are split; their parts may go to different workers and are merged back.
    items = [ARTICLES[0] * 3, ARTICLES[1], "\n\n".join(ARTICLES)]
    one = [a.to_dict() for a in quotekit.extract_many(items, nlp=nlp, max_chars=400)]
    two = [
        a.to_dict()
        for a in quotekit.extract_many(items, nlp=nlp, max_chars=400, n_process=2, batch_size=2)
    ]
    assert two == one


# --------------------------------------------------------------- 5. config overrides
def test_styles_override(nlp):
    curly_only = quotekit.load(quotes={"styles": ["double_curly"]})
    assert quotekit.extract(STRAIGHT, nlp=nlp).quotes
    assert not quotekit.extract(STRAIGHT, nlp=curly_only).quotes
    assert quotekit.extract(CURLY, nlp=curly_only).quotes


def test_extra_organisation_override(nlp):
    assert not quotekit.extract(HERALD, nlp=nlp).sources
    custom = quotekit.load(sources=SOURCE_OVERRIDE)
    article = quotekit.extract(HERALD, nlp=custom)
    assert [(s.name, s.kind) for s in article.sources] == [("Harbour Herald", "newspaper")]
    assert article.quotes[0].via == article.sources[0].id


def test_cue_override(nlp):
    table = json.loads((Path(quotekit.__file__).parent / "data" / "cues.json").read_text())
    assert "harrumph" not in table["verbs"]
    assert all("harrumphed" not in v["forms"] for v in table["verbs"].values())
    assert quotekit.extract(HARRUMPH, nlp=nlp).quotes[0].speaker_mention is None
    custom = quotekit.load(attribution=CUE_OVERRIDE)
    quote = quotekit.extract(HARRUMPH, nlp=custom).quotes[0]
    assert quote.cue.text == "harrumphed" and quote.speaker_mention.text == "she"


def test_country_override(nlp):
    def isos(nlp_):
        return [e.iso for e in quotekit.extract(BLIGHTY, nlp=nlp_).entities if e.type == "COUNTRY"]

    assert isos(nlp) == []
    assert isos(quotekit.load(entities=COUNTRY_OVERRIDE)) == ["GB"]


def test_overrides_through_config_cfg(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    config = spacy.util.load_config(tmp_path / "p" / "config.cfg")
    comps = config["components"]
    comps["quotekit_quotes"]["styles"] = ["double_curly"]
    comps["quotekit_attribution"]["cues"]["extra_verbs"] = CUE_OVERRIDE["cues"]["extra_verbs"]
    comps["quotekit_entities"]["countries"]["extra"] = COUNTRY_OVERRIDE["countries"]["extra"]
    config.to_disk(tmp_path / "p" / "config.cfg")
    custom = spacy.load(tmp_path / "p")
    assert custom.config["components"]["quotekit_quotes"]["styles"] == ["double_curly"]
    assert not quotekit.extract(STRAIGHT, nlp=custom).quotes
    assert quotekit.extract(HARRUMPH, nlp=custom).quotes[0].cue.text == "harrumphed"
    assert [
        e.iso for e in quotekit.extract(BLIGHTY, nlp=custom).entities if e.type == "COUNTRY"
    ] == ["GB"]


def test_extra_organisations_through_config_cfg(nlp, tmp_path):
    # Regression: from_disk() used to replace the organisations given by the config
    # with the saved organisations.json, losing an entry added to config.cfg.
    nlp.to_disk(tmp_path / "p")
    config = spacy.util.load_config(tmp_path / "p" / "config.cfg")
    config["components"]["quotekit_sources"]["extra_organisations"] = SOURCE_OVERRIDE[
        "extra_organisations"
    ]
    config.to_disk(tmp_path / "p" / "config.cfg")
    custom = spacy.load(tmp_path / "p")
    assert [s.name for s in quotekit.extract(HERALD, nlp=custom).sources] == ["Harbour Herald"]


def test_overrides_through_spacy_load_config_argument(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    custom = spacy.load(
        tmp_path / "p",
        config={
            "components.quotekit_quotes.styles": ["double_curly"],
            "components.quotekit_entities.countries.extra": COUNTRY_OVERRIDE["countries"]["extra"],
        },
    )
    assert not quotekit.extract(STRAIGHT, nlp=custom).quotes
    assert [
        e.iso for e in quotekit.extract(BLIGHTY, nlp=custom).entities if e.type == "COUNTRY"
    ] == ["GB"]


def test_quote_words_through_config_cfg(nlp, tmp_path):
    assert [q.text for q in quotekit.extract(BLUEPRINT, nlp=nlp).quotes] == ["a total mess"]
    nlp.to_disk(tmp_path / "p")
    config = spacy.util.load_config(tmp_path / "p" / "config.cfg")
    assert config["components"]["quotekit_quotes"]["words"]["@misc"] == "quotekit.quote_words.v1"
    config["components"]["quotekit_quotes"]["words"]["extra"] = {"term_cues": ["blueprint"]}
    config.to_disk(tmp_path / "p" / "config.cfg")
    custom = spacy.load(tmp_path / "p")
    assert quotekit.extract(BLUEPRINT, nlp=custom).quotes == ()
    doc = custom(BLUEPRINT)
    assert [s.text for s in doc.spans["quotekit_marked_terms"]] == ['"a total mess"']


def test_pipeline_saved_without_the_word_tables_loads_with_the_defaults(nlp, tmp_path):
    """A pipeline saved before ``words``/``phrases`` existed gets the shipped tables."""
    nlp.to_disk(tmp_path / "p")
    config = spacy.util.load_config(tmp_path / "p" / "config.cfg")
    del config["components"]["quotekit_quotes"]["words"]
    del config["components"]["quotekit_boilerplate"]["phrases"]
    config.to_disk(tmp_path / "p" / "config.cfg")
    old = spacy.load(tmp_path / "p")
    assert old.config["components"]["quotekit_quotes"]["words"]["@misc"] == (
        "quotekit.quote_words.v1"
    )
    assert old.config["components"]["quotekit_boilerplate"]["phrases"]["@misc"] == (
        "quotekit.boilerplate_phrases.v1"
    )
    assert dicts(old, ARTICLES) == dicts(nlp, ARTICLES)


# ----------------------------------------------------------------------- 6. displaCy
def test_displacy_span_render(nlp):
    doc = nlp(ARTICLES[0])
    html = displacy.render(
        doc, style="span", options={"spans_key": SPAN_KEYS["quotes"]}, jupyter=False
    )
    assert "We" in html and "open" in html and "terminal" in html
    assert "full" in html  # the span label


@pytest.mark.slow
def test_extract_many_two_processes_can_be_abandoned():
    # Closing the stream early ends extract_many's workers at once (spaCy's own
    # multiprocessing pipe, used before, hung here: it joined workers blocked on a
    # full pipe). Run in a fresh process so a hang cannot take the test session.
    out = run_script(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        # quotekit may be imported below: this test is about closing the stream.
        import quotekit
        from test_spacy_native import ARTICLES
        nlp = quotekit.load()
        gen = quotekit.extract_many(ARTICLES * 60, nlp=nlp, n_process=2, batch_size=4)
        for i, article in enumerate(gen):
            if i == 3:
                break
        t0 = time.perf_counter()
        gen.close()
        print(round(time.perf_counter() - t0, 1))
        try:
            list(quotekit.extract_many(ARTICLES * 60 + [None], nlp=nlp, n_process=2,
                                       batch_size=4, on_error="raise"))
        except TypeError as exc:
            print("E003" in str(exc) and "position 600" in str(exc))
    """)
    closed_in, raised = out.split()
    assert float(closed_in) < 10
    assert raised == "True"
