"""Table tests for quotekit_attribution: who said each quote, on which cue, through whom.

Every text is invented. Each case names the quote by a fragment of its text and
states what a careful reader expects: the speaker entity's name (``None`` when no
one can be told), the mention the attribution hangs on, the cue, and the news
source that relayed it.
"""

from __future__ import annotations

import pytest

import quotekit

pytestmark = pytest.mark.model

ANY = object()  # "not asserted"


def _quote(article, fragment: str):
    found = [q for q in article.quotes if fragment in q.text]
    assert found, f"no quote containing {fragment!r}; quotes: {[q.text for q in article.quotes]}"
    assert len(found) == 1, f"several quotes contain {fragment!r}"
    return found[0]


def _speaker_name(article, quote):
    if quote.speaker is None:
        return None
    entity = article.entity(quote.speaker)
    assert entity is not None, f"speaker id {quote.speaker!r} is not an entity of the article"
    return entity.name


def _via_name(article, quote):
    if quote.via is None:
        return None
    source = article.source(quote.via)
    assert source is not None, f"via id {quote.via!r} is not a source of the article"
    return source.name


def _check(nlp, text, fragment, speaker, mention=ANY, cue=ANY, via=ANY):
    article = quotekit.extract(text, nlp=nlp)
    q = _quote(article, fragment)
    got = {
        "speaker": _speaker_name(article, q),
        "mention": q.speaker_mention.text if q.speaker_mention else None,
        "cue": q.cue.text if q.cue else None,
        "via": _via_name(article, q),
    }
    want = {"speaker": speaker, "mention": mention, "cue": cue, "via": via}
    for key in list(want):
        if want[key] is ANY:
            del want[key], got[key]
    assert got == want, f"rule={q.rule}"
    return article, q


# --------------------------------------------------------------------------- placement
# (text, quote fragment, speaker name, mention text, cue text, via source name)
PLACEMENT = [
    pytest.param(
        '"We will rebuild the bridge by spring," Jane Okafor said.',
        "rebuild the bridge",
        "Jane Okafor",
        "Jane Okafor",
        "said",
        None,
        id="after-subject-verb",
    ),
    pytest.param(
        '"We will rebuild the bridge by spring," said Jane Okafor, a spokeswoman for the council.',
        "rebuild the bridge",
        "Jane Okafor",
        "Jane Okafor",
        "said",
        None,
        id="after-inverted-with-apposition",
    ),
    pytest.param(
        "\u201cWe will rebuild the bridge by spring,\u201d says Jane Okafor.",
        "rebuild the bridge",
        "Jane Okafor",
        "Jane Okafor",
        "says",
        None,
        id="after-inverted-present-curly",
    ),
    pytest.param(
        "\u2018We will rebuild the bridge by spring,\u2019 Jane Okafor said.",
        "rebuild the bridge",
        "Jane Okafor",
        "Jane Okafor",
        "said",
        None,
        id="after-single-curly-marks",
    ),
    pytest.param(
        'Jane Okafor said: "We will rebuild the bridge by spring."',
        "rebuild the bridge",
        "Jane Okafor",
        "Jane Okafor",
        "said",
        None,
        id="before-colon",
    ),
    pytest.param(
        'Jane Okafor insisted: "We will rebuild the bridge by spring."',
        "rebuild the bridge",
        "Jane Okafor",
        "Jane Okafor",
        "insisted",
        None,
        id="before-colon-insisted",
    ),
    pytest.param(
        'Jane Okafor said that "the bridge will be rebuilt by spring."',
        "bridge will be rebuilt",
        "Jane Okafor",
        "Jane Okafor",
        "said",
        None,
        id="before-said-that",
    ),
    pytest.param(
        'Chris Ndlovu, The Harbour Times: "The council has lost the trust of voters."',
        "lost the trust",
        "Chris Ndlovu",
        "Chris Ndlovu",
        ANY,
        None,
        id="colon-heading",
    ),
    pytest.param(
        'Chris Ndlovu, The Harbour Times: "The council has lost the trust of voters."\n'
        'Maria Santos, Westbury Radio: "Voters want the bridge fixed, nothing more."',
        "bridge fixed",
        "Maria Santos",
        "Maria Santos",
        ANY,
        None,
        id="colon-heading-second-line",
    ),
    pytest.param(
        'Councillor Jane Okafor called the plan "deeply flawed".',
        "deeply flawed",
        "Jane Okafor",
        "Jane Okafor",
        "called",
        None,
        id="partial-called",
    ),
    pytest.param(
        "Jane Okafor, the head of Brixa Energy, was quoted by Interfax as saying "
        '"prices will keep rising this winter."',
        "prices will keep rising",
        "Jane Okafor",
        "Jane Okafor",
        ANY,
        "Interfax",
        id="passive-quoted-by-as-saying-before",
    ),
    pytest.param(
        'Jane Okafor runs Brixa Energy. "Prices will keep rising," Okafor was quoted '
        "by Interfax as saying.",
        "Prices will keep rising",
        "Jane Okafor",
        "Okafor",
        ANY,
        "Interfax",
        id="passive-quoted-by-as-saying-after",
    ),
    pytest.param(
        'According to Jane Okafor, "the talks have collapsed."',
        "talks have collapsed",
        "Jane Okafor",
        "Jane Okafor",
        "According",
        None,
        id="according-to-person",
    ),
    pytest.param(
        'Acme Corp said in a statement: "We regret the delay and apologise to our customers."',
        "We regret the delay",
        "Acme Corp",
        "Acme Corp",
        "said",
        None,
        id="org-statement-before",
    ),
    pytest.param(
        'Acme Corp posted weak sales on Monday. "We regret the delay," a statement from '
        "Acme Corp said.",
        "We regret the delay",
        "Acme Corp",
        ANY,
        "said",
        None,
        id="a-statement-from-org-said",
    ),
    pytest.param(
        'Acme Corp posted weak sales on Monday. "We regret the delay," its statement said.',
        "We regret the delay",
        "Acme Corp",
        "its statement",
        "said",
        None,
        id="its-statement-said",
    ),
    # The full stop sticks to "Corp." here; the entity is still named "Acme Corp".
    pytest.param(
        'Acme Corp posted weak sales on Monday. "We regret the delay," said a '
        "statement from Acme Corp.",
        "We regret the delay",
        "Acme Corp",
        ANY,
        "said",
        None,
        id="said-a-statement-from-org",
    ),
    # The model tags "Acme Corp's" as a WORK_OF_ART here: the name is found by alias.
    pytest.param(
        'Acme Corp posted weak sales on Monday. "We regret the delay," Acme Corp\'s '
        "statement said.",
        "We regret the delay",
        "Acme Corp",
        ANY,
        "said",
        None,
        id="named-possessor-statement-said",
    ),
    pytest.param(
        'Jane Okafor wrote on Twitter: "I will not be standing for re-election."',
        "not be standing",
        "Jane Okafor",
        "Jane Okafor",
        "wrote",
        None,
        id="wrote-on-twitter",
    ),
    pytest.param(
        'Jane Okafor tweeted: "The bridge reopens on Monday!"',
        "bridge reopens",
        "Jane Okafor",
        "Jane Okafor",
        "tweeted",
        None,
        id="tweeted",
    ),
    pytest.param(
        'Mayor Jane Okafor faced the press on Monday. "Will you resign?" the reporter '
        'asked. "No," she said.',
        "Will you resign?",
        None,
        "the reporter",
        "asked",
        None,
        id="question-by-interviewer",
    ),
    pytest.param(
        'Mayor Jane Okafor faced the press on Monday. "Will you resign?" the reporter '
        'asked. "No," she said.',
        "No,",
        "Jane Okafor",
        "she",
        "said",
        None,
        id="answer-to-interviewer",
    ),
    pytest.param(
        '"Democracy dies when people stop voting." \u2015 Jane Okafor',
        "Democracy dies",
        "Jane Okafor",
        "Jane Okafor",
        ANY,
        None,
        id="dash-credit-horizontal-bar",
    ),
    pytest.param(
        '"Democracy dies when people stop voting." \u2014 Jane Okafor',
        "Democracy dies",
        "Jane Okafor",
        "Jane Okafor",
        ANY,
        None,
        id="dash-credit-em-dash",
    ),
    pytest.param(
        'The Guardian quoted Jane Okafor as saying "the port will close for a month."',
        "port will close",
        "Jane Okafor",
        "Jane Okafor",
        ANY,
        "The Guardian",
        id="newspaper-quoted-y-as-saying",
    ),
    pytest.param(
        "Peter Lund spoke to Le Monde on Friday. The newspaper quoted him as saying "
        '"the deal is dead."',
        "deal is dead",
        "Peter Lund",
        "him",
        ANY,
        "Le Monde",
        id="the-newspaper-quoted-him",
    ),
    pytest.param(
        '"Business has never been this bad," shop owner Jane Okafor told AP.',
        "never been this bad",
        "Jane Okafor",
        "Jane Okafor",
        "told",
        "Associated Press",
        id="premodified-told-agency",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker, mention, cue, via", PLACEMENT)
def test_placement(nlp, text, fragment, speaker, mention, cue, via):
    _check(nlp, text, fragment, speaker, mention, cue, via)


INTERRUPTED = (
    'Jane Okafor, the mayor of Westbury, spoke on Monday. "The first part is done," '
    'she said, "but the second part will take years."'
)


def test_interrupted_quote_both_halves_same_speaker(nlp):
    article = quotekit.extract(INTERRUPTED, nlp=nlp)
    first = _quote(article, "first part")
    second = _quote(article, "second part")
    assert _speaker_name(article, first) == "Jane Okafor"
    assert _speaker_name(article, second) == "Jane Okafor"
    assert first.speaker == second.speaker
    assert first.speaker_mention.text == "she"
    assert second.speaker_mention.text == "she"


# --------------------------------------------------------------------------- any verb in the frame
#: '"…," Name VERB.': the frame's verb is the cue though no cue table lists it.
FRAME_VERBS = [
    pytest.param(
        '"Go home," Dana Ortiz implored.', "Go home", "Dana Ortiz", "implored", id="after"
    ),
    pytest.param(
        '"Go home now!" fumed Dana Ortiz.', "Go home now", "Dana Ortiz", "fumed", id="inverted"
    ),
    pytest.param(
        'Jane Okafor lost the vote. "We will win next time," Okafor beamed on Monday.',
        "We will win",
        "Jane Okafor",
        "beamed",
        id="with-a-time-after",
    ),
    pytest.param(
        'Dana Ortiz left early. "Why now?" she wondered aloud.',
        "Why now",
        "Dana Ortiz",
        "wondered",
        id="pronoun",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker, cue", FRAME_VERBS)
def test_any_verb_in_the_frame_is_a_cue(nlp, text, fragment, speaker, cue):
    _check(nlp, text, fragment, speaker, cue=cue)


def test_a_verb_that_says_something_else_is_no_frame(nlp):
    article = quotekit.extract('"Bring the boats in," Dana Ortiz painted the fence.', nlp=nlp)
    (q,) = article.quotes
    assert q.cue is None


# --------------------------------------------------------------------------- continuation
# (text, quote fragment, speaker name)
CONTINUATION = [
    pytest.param(
        'Dana Ortiz lost a leg in 1990. "I needed a new foot," Ortiz told reporters. '
        "Ortiz had to argue her case to be allowed to continue racing. "
        '"At first they would not let me race at all."',
        "At first they",
        "Dana Ortiz",
        id="after-a-sentence-whose-cue-names-no-one",
    ),
    pytest.param(
        '"We will rebuild the bridge by spring," Jane Okafor, the mayor of Westbury, '
        'said on Monday.\n\n"The money is already in the budget."',
        "money is already",
        "Jane Okafor",
        id="next-paragraph-takes-previous-speaker",
    ),
    pytest.param(
        '"We will rebuild the bridge by spring," Jane Okafor said on Monday.\n\n'
        "The bridge collapsed in March after weeks of heavy rain. Repairs were delayed "
        'by a dispute over funding.\n\n"The money is already in the budget."',
        "money is already",
        None,
        id="not-across-paragraph-attributing-nothing",
    ),
    pytest.param(
        '"We will rebuild the bridge by spring," Jane Okafor said on Monday.\n\n'
        '"That promise means nothing," said Peter Lund, the leader of the opposition.'
        '\n\n"The money was never in the budget."',
        "never in the budget",
        "Peter Lund",
        id="takes-latest-speaker-not-earlier",
    ),
    pytest.param(
        '"The bridge will be rebuilt by spring," Jane Okafor said on Monday.\n\n'
        "Peter Lund, the opposition leader, said the plan was far too expensive.\n\n"
        '"Nobody has costed it."',
        "Nobody has costed",
        "Peter Lund",
        id="takes-speaker-of-indirect-attribution",
    ),
    pytest.param(
        '"The port will reopen in May," Peter Lund told AFP.\n\n"We have hired extra '
        'crews," he said.\n\n"The figures are invented," said Jane Okafor, a dock '
        'workers\' union leader.\n\n"Nobody believes them."',
        "Nobody believes",
        "Jane Okafor",
        id="after-change-of-speaker",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker", CONTINUATION)
def test_continuation(nlp, text, fragment, speaker):
    _check(nlp, text, fragment, speaker)


def test_continuation_without_cue_has_no_speaker_mention_of_its_own(nlp):
    """A paragraph with no attribution after a non-attributing one stays unattributed."""
    text = next(
        p.values[0] for p in CONTINUATION if p.id == "not-across-paragraph-attributing-nothing"
    )
    article = quotekit.extract(text, nlp=nlp)
    q = _quote(article, "money is already")
    assert q.speaker is None
    assert q.speaker_mention is None
    assert q.cue is None


# --------------------------------------------------------------------------- resolution
# (text, quote fragment, speaker name, mention text)
RESOLUTION = [
    pytest.param(
        "Mara Vos scored twice for Kestrel Town on Sunday. "
        '"We were lucky in the first half," said the Kestrel player.',
        "lucky in the first half",
        "Mara Vos",
        "the Kestrel player",
        id="description-nobody-holds",
    ),
    pytest.param(
        'Jane Okafor met Peter Lund on Monday. "The talks went well," she said.',
        "talks went well",
        "Jane Okafor",
        "she",
        id="she-two-people",
    ),
    pytest.param(
        'Jane Okafor met Peter Lund on Monday. "The talks went well," he said.',
        "talks went well",
        "Peter Lund",
        "he",
        id="he-two-people",
    ),
    pytest.param(
        "Jane Okafor met Peter Lund at the town hall on Monday. Lund said the meeting "
        'had been useful. "She listened, which is a start," he said.',
        "She listened",
        "Peter Lund",
        "he",
        id="he-with-she-inside-quote",
    ),
    pytest.param(
        'Mrs Kim met Mr Dale on Monday. "We found common ground," he said.',
        "common ground",
        "Dale",
        "he",
        id="honorific-mr-gives-male",
    ),
    pytest.param(
        'Mr Kim met Mrs Dale on Monday. "We found common ground," she said.',
        "common ground",
        "Dale",
        "she",
        id="honorific-mrs-gives-female",
    ),
    pytest.param(
        'Mrs Kim and Mr Dale, the two candidates, debated on Monday. "I will cut '
        'taxes," he said. "I will fix the roads," she said.',
        "fix the roads",
        "Kim",
        "she",
        id="honorific-second-pronoun",
    ),
    pytest.param(
        'Brixa Energy reported a loss on Tuesday. "We expect a recovery next year," it said.',
        "recovery next year",
        "Brixa Energy",
        "it",
        id="it-organisation",
    ),
    pytest.param(
        'Acme Corp and Jane Okafor are in dispute. "We will appeal," it said.',
        "We will appeal",
        "Acme Corp",
        "it",
        id="it-skips-person",
    ),
    pytest.param(
        'Brixa Energy cut 300 jobs on Tuesday. "The decision was painful but '
        'necessary," they said.',
        "painful but necessary",
        "Brixa Energy",
        "they",
        id="they-organisation",
    ),
    pytest.param(
        'Students from Kestrel College marched through the town. "We want our grants back," '
        "they said.",
        "grants back",
        None,
        "they",
        id="they-people-not-the-college",
    ),
    pytest.param(
        'Foreign Minister Anna Berg met businessman Peter Lund in Oslo. "We discussed '
        'trade," the minister said.',
        "discussed trade",
        "Anna Berg",
        "the minister",
        id="title-the-minister",
    ),
    pytest.param(
        "Jane Okafor, the mayor of Westbury, clashed with Peter Lund, the finance chief, "
        'on Monday. "The budget is a fantasy," the mayor said.',
        "budget is a fantasy",
        "Jane Okafor",
        "the mayor",
        id="title-from-apposition",
    ),
    pytest.param(
        "The mayor of Westbury, Jane Okafor, clashed with finance chief Peter Lund on "
        'Monday. "The budget is a fantasy," the mayor said.',
        "budget is a fantasy",
        "Jane Okafor",
        "the mayor",
        id="title-from-preposed-apposition",
    ),
    pytest.param(
        'Brixa Energy cut 300 jobs on Tuesday. "The decision was painful but '
        'necessary," the company said.',
        "painful but necessary",
        "Brixa Energy",
        "the company",
        id="the-company",
    ),
    pytest.param(
        'Jane Okafor opened the new library on Friday. "Reading changes lives," Okafor said.',
        "Reading changes lives",
        "Jane Okafor",
        "Okafor",
        id="surname-to-full-name",
    ),
    pytest.param(
        'Gerald Mensah and his wife Ruth Mensah run the bakery. "We were told nothing," '
        "Mrs Mensah said.",
        "told nothing",
        "Ruth Mensah",
        "Mensah",
        id="mrs-surname-shared-by-two",
    ),
    pytest.param(
        'Kofi Asante-Boateng, the union leader, spoke on Monday. "We reject the offer," '
        "Asante-Boateng said.",
        "reject the offer",
        "Kofi Asante-Boateng",
        "Asante-Boateng",
        id="hyphenated-surname-to-full-name",
    ),
    pytest.param(
        'Auditor Peter Lund examined the accounts for a year. "The council wasted '
        'millions," his report said.',
        "wasted millions",
        "Peter Lund",
        "his report",
        id="his-report-said",
    ),
    pytest.param(
        '"We are looking into the matter," a spokesman said.',
        "looking into the matter",
        None,
        "a spokesman",
        id="unnamed-spokesman",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker, mention", RESOLUTION)
def test_resolution(nlp, text, fragment, speaker, mention):
    _check(nlp, text, fragment, speaker, mention)


# --------------------------------------------------------------------------- via
# (text, quote fragment, speaker name, via source name)
VIA = [
    pytest.param(
        "During a phone-in with young voters on Sky News, Dana Ortiz said she would "
        '"face it".\n\nOrtiz took questions for an hour. '
        '"You have to talk to people," she said.',
        "talk to people",
        "Dana Ortiz",
        "Sky News",
        id="on-a-broadcaster-carries-over",
    ),
    pytest.param(
        'Shares fell. "The bid is too low," said one trader quoted by the Reuters news agency.',
        "bid is too low",
        None,
        "Reuters",
        id="quoted-by-inside-the-speaker-phrase",
    ),
    pytest.param(
        '"We trained all winter," Dana Ortiz told Five Live.',
        "trained all winter",
        "Dana Ortiz",
        "BBC",
        id="five-live-is-the-bbc",
    ),
    pytest.param(
        '"We will not sell the company," Jane Okafor told Reuters.',
        "not sell the company",
        "Jane Okafor",
        "Reuters",
        id="told-reuters",
    ),
    pytest.param(
        'Peter Lund, the chief executive of Brixa Energy, spoke on Monday. "Prices will '
        'fall next year," he told the BBC.\n\n"We have already cut our own costs."',
        "Prices will fall",
        "Peter Lund",
        "BBC",
        id="he-told-the-bbc",
    ),
    pytest.param(
        'Peter Lund, the chief executive of Brixa Energy, spoke on Monday. "Prices will '
        'fall next year," he told the BBC.\n\n"We have already cut our own costs."',
        "cut our own costs",
        "Peter Lund",
        "BBC",
        id="continuation-inherits-relay",
    ),
    pytest.param(
        '"We will not sell the company," Peter Lund, the chief executive of Brixa '
        'Energy, told Reuters. He added: "Our shareholders agree with us."',
        "shareholders agree",
        "Peter Lund",
        "Reuters",
        id="same-speaker-added-inherits",
    ),
    pytest.param(
        '"The port will reopen in May," a harbour official said, according to AFP.',
        "port will reopen",
        None,
        "Agence France Presse",
        id="according-to-afp",
    ),
    pytest.param(
        '"The port will reopen in May," Peter Lund said, according to AFP.',
        "port will reopen",
        "Peter Lund",
        "Agence France Presse",
        id="named-according-to-afp",
    ),
    pytest.param(
        "Port director Peter Lund said the port would reopen in May, according to AFP. "
        '"The damage is smaller than we feared," he said.',
        "damage is smaller",
        "Peter Lund",
        "Agence France Presse",
        id="according-to-afp-frame-carries",
    ),
    pytest.param(
        'Interfax reported that Peter Lund had resigned. "I am leaving with a clear '
        'conscience," Lund said.',
        "clear conscience",
        "Peter Lund",
        "Interfax",
        id="reported-frame-carries",
    ),
    pytest.param(
        '"Prices will fall next year," Peter Lund told the BBC.\n\n"That is wishful '
        'thinking," said Jane Okafor, an analyst at Kestrel Bank.',
        "wishful thinking",
        "Jane Okafor",
        None,
        id="other-speaker-does-not-inherit",
    ),
    pytest.param(
        '"The port will reopen in May," Peter Lund told AFP.\n\n"We have hired extra '
        'crews," he said.\n\n"The figures are invented," said Jane Okafor, a dock '
        'workers\' union leader.\n\n"Nobody believes them."',
        "Nobody believes",
        "Jane Okafor",
        None,
        id="other-speaker-continuation-does-not-inherit",
    ),
    pytest.param(
        '"We will not sell the company," Peter Lund told Reuters.\n\n"The offer '
        'undervalues us," Jane Okafor, the chair, said in a statement.',
        "undervalues us",
        "Jane Okafor",
        None,
        id="statement-by-other-no-relay",
    ),
]


@pytest.mark.parametrize("text, fragment, speaker, via", VIA)
def test_via(nlp, text, fragment, speaker, via):
    _check(nlp, text, fragment, speaker, via=via)


def test_rule_names_the_winning_rule(nlp):
    cases = {
        '"We will rebuild the bridge by spring," Jane Okafor said.': "cue",
        'Chris Ndlovu, The Harbour Times: "The council has lost the trust of voters."': "colon",
    }
    for text, rule in cases.items():
        (q,) = quotekit.extract(text, nlp=nlp).quotes
        assert q.rule == rule, text


def test_declared_requirements_are_met_by_the_pipeline(nlp):
    """``nlp.analyze_pipes()`` finds what the attribution reads written before it."""
    assert nlp.analyze_pipes(pretty=False)["problems"]["quotekit_attribution"] == []


# --------------------------------------------------------------------------- scare quotes
#: A few lower-case words in marks with no reporting word before them: a partial quote
#: when the sentence's own cue names who said them, else a marked term.
SCARE_QUOTES = [
    pytest.param(
        'Talks went on all night. There was "some hope" of a deal, Mara Vos said.',
        '"some hope"',
        "Mara Vos",
        id="cue-after",
    ),
    pytest.param(
        'Ortiz spoke at noon. The plan was "simply wrong" for farmers, Ortiz added.',
        '"simply wrong"',
        "Ortiz",
        id="cue-after-added",
    ),
    pytest.param(
        # the mark is inside a token ("0«the"): the quote is the marked span, not the token
        "0\u00abthe.\u00bb Jane Doe said.",
        "\u00abthe.\u00bb",
        "Jane Doe",
        id="mark-inside-a-token",
    ),
]


@pytest.mark.parametrize("text, term, speaker", SCARE_QUOTES)
def test_scare_quote_with_a_cue_is_a_partial_quote(nlp, text, term, speaker):
    article = quotekit.extract(text, nlp=nlp)
    q = _quote(article, term.strip('"\u00ab\u00bb'))
    assert (q.kind, _speaker_name(article, q)) == ("partial", speaker)
    assert text[q.start : q.end] == term
    assert q.text == term[1:-1]


@pytest.mark.parametrize(
    "text",
    [
        'Its pills are "magic" for sure.',
        'Mara Vos runs a bakery that is "green" at heart.',
    ],
)
def test_scare_quote_nobody_says_stays_a_term(nlp, text):
    doc = nlp(text)
    assert doc._.quotekit_quotes == []
    assert [sp.label_ for sp in doc.spans["quotekit_marked_terms"]] == ["term"]
