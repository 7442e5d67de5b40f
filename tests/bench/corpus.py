"""A synthetic news corpus for build benchmarks: `python tests/bench/corpus.py OUT --articles N`.

Every article is made from templated sentences written for this script (invented
people, places and institutions), about 800 words long, with 3-6 quotes in the
ways wires write them (attribution before and after, split quotes, he/she,
anonymous sources, statements by organizations) and 2-3 tags. Speakers come
from one shared pool of a few hundred people, weighted so that some of them
are quoted in hundreds of articles and their speaker pages are long.

The same articles are written in every generator's own input format:

    OUT/newsgen/content/<slug>.txt  raw text as copied from a wire site (about half)
    OUT/newsgen/content/<slug>.md   Markdown with YAML front-matter (the other half)
    OUT/pelican/content/<slug>.md   Pelican Markdown (Title/Date/Tags metadata)
    OUT/hugo/content/articles/<slug>.md   Hugo content (YAML front-matter)

Raw text cannot carry tags, so a `.txt` starts with a front-matter block holding
only `tags:`, the way an editor would add them; everything else (headline,
kicker, dek, byline, date line, dateline, contributors, newsletter prompts) is
in the text as a news site prints it.

Article `n` depends only on the seed and `n`, so a corpus of 1,000 articles is
the first 1,000 of a corpus of 10,000 with the same seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import string
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

FORMATS = ("newsgen", "pelican", "hugo")
FIRST_DATE = dt.datetime(2012, 1, 2, 6, 0, tzinfo=dt.UTC)
TARGET_WORDS = 800


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- the people, places and subjects the articles are made of --------------------------

FEMALE_NAMES = _words(
    "Amara Anneke Beatriz Carla Dalia Edith Farah Greta Hana Ines Joanna Katrin Leila "
    "Marisol Nadia Olena Priya Rosa Sabine Tamsin Ulrike Vera Wanda Yasmin Zofia Agnes "
    "Bettina Celine Dorota Elena Fiona Gloria Helga Irena Jolene Kerstin Lucia Marta Noor"
)
MALE_NAMES = _words(
    "Anders Bruno Cyril Dmitar Emil Felix Goran Hamid Ivo Jonas Kwame Lars Marek Nikolai "
    "Oskar Pavel Rafael Stefan Tobias Umar Viktor Walter Yusuf Zoltan Arvid Bastian "
    "Conrad Dario Elias Frederik Gustav Henrik Ignacio Jasper Klaus Lorenzo Matthias Nils "
    "Otto"
)
SURNAMES = _words(
    "Abernathy Okonkwo Lindqvist Moreau Castellano Haddad Novak Brennan Takahashi "
    "Whitfield Oyelaran Dubois Kowalczyk Marchetti Sandoval Ferreira Halvorsen Petrakis "
    "Vasquez Achterberg Ekwueme Lundgren Rosenthal Szabo Castillo Delacroix Mbeki "
    "Hargreaves Nakamura Quintero Baptiste Varga Oduya Pellegrini Strand Kaminski Renner "
    "Aldana Bjork Caruso Demir Esposito Fairbanks Gallagher Holloway Ibarra Jankowski "
    "Kessler Lachance Mwangi Nordqvist Ortega Pacheco Radovan Sorensen Tremblay Underwood "
    "Valcourt Westbrook Yilmaz Zielinski Ashdown Belmonte Cavendish Drummond Ellery "
    "Fontaine Grimaldi Hawthorne Iversen"
)
ROLES = (
    "the city's budget director",
    "a council member who chairs the finance committee",
    "a spokesperson for the regional transport authority",
    "an economist at the Larkspur Policy Institute",
    "the deputy minister for infrastructure",
    "a professor of public health at Northgate University",
    "the head of the port workers' union",
    "a senior fellow at the Meridian Council on Trade",
    "the chief executive of the Harbor Valley Chamber of Commerce",
    "a lawyer representing the tenants' association",
    "the mayor of Eastbridge",
    "the state's environmental commissioner",
    "a former ambassador to the European Union",
    "a spokesperson for the interior ministry",
    "an analyst at Crestline Capital",
    "the director of the county health department",
    "a retired general who advises the defense committee",
    "the chair of the school board",
    "a researcher at the Coastal Climate Observatory",
    "the leader of the opposition in the provincial assembly",
    "the police commissioner",
    "a farmer who leads the growers' cooperative",
    "the president of the nurses' federation",
    "a historian at Ravensworth College",
)
ORGANIZATIONS = (
    "the Ministry of Finance",
    "the regional transport authority",
    "the Harbor Valley Water Board",
    "the national statistics office",
    "the Eastbridge city council",
    "the teachers' union",
    "the county sheriff's office",
    "the Department of Health",
)
ANONYMOUS_SOURCES = (
    ("a senior official in the mayor's office", "because the talks were private"),
    ("a person familiar with the negotiations", "to discuss confidential matters"),
    ("a diplomat briefed on the meeting", "because of the sensitivity of the issue"),
    ("an aide to the governor", "because they were not authorized to speak publicly"),
    ("a government adviser", "to describe internal deliberations"),
)
REPORTERS = _words(
    "Maren Holt Silas Crane Odette Marsh Julian Pryce Tess Almond Ravi Kapoor Ingrid Sola "
    "Colm Devlin Ayesha Rahim Pieter Vos Lena Fischer Marcus Obi Clara Weston Hugo "
    "Lindahl Nora Quayle Tomas Reyes"
)
REPORTER_NAMES = tuple(f"{REPORTERS[i]} {REPORTERS[i + 1]}" for i in range(0, len(REPORTERS), 2))
DATELINES = (
    "WASHINGTON (AP) —",
    "LONDON (Reuters) —",
    "NAIROBI, Kenya —",
    "BRUSSELS (AP) —",
    "OTTAWA —",
    "SANTIAGO, Chile (Reuters) —",
    "HARBOR VALLEY —",
    "EASTBRIDGE —",
    "WARSAW, Poland —",
    "MANILA, Philippines (AP) —",
)
GENERAL_TAGS = (
    "politics",
    "economy",
    "local government",
    "courts",
    "labor",
    "elections",
    "public safety",
    "analysis",
    "business",
    "international",
)


@dataclass(frozen=True, slots=True)
class Topic:
    tag: str
    project: str
    issue: str
    place: str
    body: str


TOPICS = (
    Topic("transport", "the northern rail extension", "rising fares", "the old depot", "riders"),
    Topic("housing", "the riverside housing plan", "rent increases", "the east docks", "tenants"),
    Topic("health", "the new clinic network", "waiting times", "the county hospital", "patients"),
    Topic("climate", "the flood barrier", "coastal erosion", "the estuary", "residents"),
    Topic(
        "education", "the school funding formula", "teacher shortages", "the district", "families"
    ),
    Topic("energy", "the offshore wind farm", "power prices", "the harbor", "households"),
    Topic("trade", "the customs agreement", "tariffs on steel", "the border crossing", "exporters"),
    Topic("agriculture", "the irrigation scheme", "the drought", "the valley", "growers"),
    Topic("defense", "the procurement program", "the budget shortfall", "the air base", "troops"),
    Topic("technology", "the broadband rollout", "data privacy", "the science park", "users"),
    Topic("water", "the reservoir upgrade", "pipe leaks", "the treatment works", "customers"),
    Topic("budget", "the spending review", "the deficit", "the city hall", "taxpayers"),
    Topic("tourism", "the waterfront museum", "the fall in visitors", "the old town", "hotels"),
    Topic(
        "migration",
        "the resettlement program",
        "asylum backlogs",
        "the reception center",
        "applicants",
    ),
)

NARRATIVE = (
    "Officials said {project} would cost about {money} over {years} years, a figure "
    "critics called optimistic.",
    "The plan has divided {body} in {place}, where many say they were not consulted.",
    "Turnout at the public hearing on {weekday} was the highest in a decade, "
    "according to the clerk's office.",
    "Similar proposals have stalled twice since {year}, most recently when funding ran out.",
    "A report published last month found that {issue} had grown by {percent} percent in two years.",
    "Supporters argue that {project} will pay for itself within a generation.",
    "Opponents have collected more than {thousands},000 signatures on a petition "
    "asking for a referendum.",
    "The debate comes as the question of {issue} has become a central theme ahead "
    "of next year's elections.",
    "Several members of the committee said privately that they expected the vote to be close.",
    "Work on the first phase is scheduled to begin in {month}, weather permitting.",
    "The authority has not said how it would cover the gap if federal money does not arrive.",
    "Business groups have largely backed the proposal, while unions remain split.",
    "In {place}, shopkeepers said they had already noticed the effects of {issue}.",
    "The council is expected to take a final vote before the end of {month}.",
    "An independent audit is due in the spring and could change the timetable.",
    "Neighboring districts are watching closely, and two have drafted similar plans of their own.",
    "The figures do not include the cost of maintenance, which the report left out.",
    "Earlier estimates put the number of affected {body} at roughly {thousands},000.",
    "Demonstrators gathered outside the building on {weekday} evening, holding handwritten signs.",
    "The agency said it had received more than {hundreds} written comments during "
    "the consultation.",
    "The proposal would also change how contracts are awarded, a detail that drew "
    "little attention at first.",
    "Critics point to {issue} as evidence that earlier promises were not kept.",
    "Talks between the two sides resumed on {weekday} after a pause of nearly {weeks} weeks.",
    "The government has set aside {money} in its latest budget, less than campaigners had sought.",
    "A spokesperson for the regulator declined to comment on the timetable.",
    "Residents near {place} have complained for years about noise and traffic.",
    "The last comparable project finished {weeks} months late and well over budget.",
    "Economists are divided on how much the plan would help {body} in the short term.",
)
STATEMENTS = (
    "we have waited long enough for {project}, and people here are running out of patience",
    "nobody in this building thinks {issue} is going to solve itself",
    "this is the most important decision the council will make this year",
    "the numbers simply do not add up, and everyone who has read the report knows it",
    "we are not going to rush something that will shape {place} for fifty years",
    "if we do nothing, {body} will pay the price for our hesitation",
    "I have never seen this much anger at a public meeting",
    "the plan is a good start, but it is only a start",
    "we made promises to {body}, and we intend to keep them",
    "there is still time to get this right if both sides are willing to listen",
    "I think the public deserves a clear answer about who pays",
    "we have heard the concerns, and the next draft will reflect them",
    "this was never about politics for us; it is about {issue}",
    "the money is there, what has been missing is the will to spend it",
    "I expect a vote within weeks, not months",
    "we were told the costs were under control, and that turned out not to be true",
    "every delay makes {project} more expensive for everyone",
    "nobody should pretend this is easy",
)
SHORT_PHRASES = (
    "a once-in-a-generation chance",
    "deeply flawed",
    "an act of faith",
    "long overdue",
    "a bridge to nowhere",
    "the right thing to do",
    "wishful thinking",
)
HEADLINES = (
    "{Org} approves {project} after months of debate",
    "Vote on {project} delayed as {issue} dominates hearing",
    "{Body} push back against {project}",
    "Cost of {project} rises again, report finds",
    "Leaders clash over {issue} as deadline nears",
    "What {project} means for {place}",
    "New figures put {issue} at the center of the budget fight",
    "{Org} faces questions over {project}",
)
DEKS = (
    "The decision follows a year of hearings and a report that questioned the costs.",
    "Supporters say the plan is overdue; critics say it leaves too many questions open.",
    "The outcome could shape next year's elections across the region.",
    "Residents and officials disagree on who should pay and how soon.",
)
PHOTO_CREDITS = (
    "Photo: Lars Vintner / Harbor Valley Ledger",
    "(AP Photo/Mirela Dunca)",
    "Photo: Tobiah Kern for The Harbor Valley Ledger",
)
KICKERS = ("Analysis", "Explainer", "Exclusive")
BOILERPLATE = (
    ("Sign up for our morning newsletter",),
    ("Get email updates from The Harbor Valley Ledger", "Sign up for our weekly newsletter"),
    ("Follow us on social media for the latest updates",),
    ("Advertisement", "Read more: Our coverage of the regional budget"),
)
MONTHS = _words(
    "January February March April May June July August September October November December"
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday")


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    last: str
    female: bool
    role: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@lru_cache(maxsize=8)
def make_speaker_pool(seed: int, size: int = 300) -> tuple[Person, ...]:
    """The people quoted across the corpus: the same few hundred for every article."""
    rng = random.Random(f"{seed}:speakers")
    seen: set[tuple[str, str]] = set()
    people: list[Person] = []
    while len(people) < size:
        female = rng.random() < 0.5
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        last = rng.choice(SURNAMES)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        people.append(Person(first, last, female, rng.choice(ROLES)))
    return tuple(people)


@lru_cache(maxsize=8)
def speaker_weights(size: int) -> tuple[float, ...]:
    """Zipf-like weights: the first speakers of the pool are quoted far more often."""
    return tuple(1.0 / (rank + 1) ** 0.6 for rank in range(size))


# --- one article ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    """One generated article, independent of any input format."""

    number: int
    slug: str
    headline: str
    kicker: str | None
    dek: str
    byline: tuple[str, ...]
    contributors: tuple[str, ...]
    dateline: str
    date: dt.datetime
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    quotes: int
    photo_credit: str | None
    boilerplate: tuple[str, ...]
    straight_quotes: bool

    @property
    def suffix(self) -> str:
        """About half the newsgen articles are raw text, the others Markdown."""
        return ".txt" if self.number % 2 == 0 else ".md"

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(slots=True)
class _Writer:
    """The state of one article while its paragraphs are written (private to make_article)."""

    rng: random.Random
    topic: Topic
    org: str
    open_mark: str
    close_mark: str
    mentioned: list[Person]
    deck: list[str]

    def fill(self, template: str) -> str:
        """`template` with its slots filled; random values are drawn only for slots it has."""
        values = {name: SLOT_VALUES[name](self) for name in template_slots(template)}
        return template.format_map(values)

    def statement(self) -> str:
        text = self.fill(self.rng.choice(STATEMENTS))
        return text[0].upper() + text[1:]

    def quoted(self, text: str, end: str) -> str:
        return f"{self.open_mark}{text}{end}{self.close_mark}"

    def narrative(self, sentences: int) -> str:
        """`sentences` narrative sentences, dealt so that none repeats before all were used."""
        chosen = []
        for _ in range(sentences):
            if not self.deck:
                self.deck.extend(NARRATIVE)
                self.rng.shuffle(self.deck)
            chosen.append(self.fill(self.deck.pop()))
        return " ".join(chosen)

    def quote_paragraph(self, person: Person | None) -> str:
        """A paragraph with one quote, in one of the ways news copy attributes quotes."""
        rng = self.rng
        if person is None:
            return self.unattributed_paragraph()
        first_mention = person not in self.mentioned
        last_same_gender = next(
            (p for p in reversed(self.mentioned) if p.female == person.female), None
        )
        self.mentioned.append(person)
        said = rng.choice(("said", "said", "told reporters", "added", "warned", "argued"))
        if first_mention:
            style = rng.randrange(3)
            if style == 0:
                return f"{self.quoted(self.statement(), ',')} said {person.name}, {person.role}."
            if style == 1:
                return f"{self.quoted(self.statement(), ',')} {person.name}, {person.role}, said."
            return f"{person.name}, {person.role}, said: {self.quoted(self.statement(), '.')}"
        if last_same_gender is person:
            pronoun = "she" if person.female else "he"
            return f"{self.quoted(self.statement(), ',')} {pronoun} {said}."
        style = rng.randrange(4)
        if style == 0:
            first, rest = self.statement(), self.fill(rng.choice(STATEMENTS))
            return f"{self.quoted(first, ',')} {person.last} {said}, {self.quoted(rest, '.')}"
        if style == 1:
            return (
                f"{person.last} called {self.topic.project} "
                f"{self.quoted(rng.choice(SHORT_PHRASES), ',')} and said the council "
                "should wait for the audit."
            )
        if style == 2:
            return f"{person.last} {said}: {self.quoted(self.statement(), '.')}"
        return f"{self.quoted(self.statement(), ',')} {person.last} {said}."

    def unattributed_paragraph(self) -> str:
        """A quote from an anonymous source or from an organization's statement."""
        if self.rng.random() < 0.5:
            source, reason = self.rng.choice(ANONYMOUS_SOURCES)
            return (
                f"{self.quoted(self.statement(), ',')} said {source}, "
                f"who spoke on condition of anonymity {reason}."
            )
        org = self.rng.choice(ORGANIZATIONS)
        return f"In a statement, {org} said: {self.quoted(self.statement(), '.')}"


SLOT_VALUES: dict[str, Callable[[_Writer], object]] = {
    "project": lambda w: w.topic.project,
    "issue": lambda w: w.topic.issue,
    "place": lambda w: w.topic.place,
    "body": lambda w: w.topic.body,
    "Body": lambda w: w.topic.body.capitalize(),
    "Org": lambda w: w.org[0].upper() + w.org[1:],
    "org": lambda w: w.org,
    "money": lambda w: f"${w.rng.randrange(2, 91)}0 million",
    "years": lambda w: w.rng.randrange(3, 16),
    "weekday": lambda w: w.rng.choice(WEEKDAYS),
    "month": lambda w: w.rng.choice(MONTHS),
    "year": lambda w: w.rng.randrange(2001, 2012),
    "percent": lambda w: w.rng.randrange(4, 41),
    "thousands": lambda w: w.rng.randrange(2, 61),
    "hundreds": lambda w: w.rng.randrange(2, 10) * 100,
    "weeks": lambda w: w.rng.randrange(3, 12),
}


@lru_cache(maxsize=512)
def template_slots(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def make_article(number: int, seed: int = 1) -> SyntheticArticle:
    """Article `number` of the corpus made with `seed`: the same every time."""
    rng = random.Random(f"{seed}:{number}")
    pool = make_speaker_pool(seed)
    topic = rng.choice(TOPICS)
    straight = rng.random() < 0.2
    writer = _Writer(
        rng,
        topic,
        rng.choice(ORGANIZATIONS),
        '"' if straight else "\u201c",
        '"' if straight else "\u201d",
        [],
        [],
    )
    quote_count = rng.randint(3, 6)
    speakers = rng.choices(pool, weights=speaker_weights(len(pool)), k=rng.randint(2, 4))
    # Most quotes come from named people; one in five from an anonymous source or a statement.
    sources: list[Person | None] = [
        None if rng.random() < 0.2 else rng.choice(speakers) for _ in range(quote_count)
    ]
    dateline = rng.choice(DATELINES)
    paragraphs = [f"{dateline} {writer.narrative(2)}"]
    words = len(paragraphs[0].split())
    quote_slots = set(rng.sample(range(1, 14), quote_count))
    slot = 1
    while words < TARGET_WORDS or sources:
        if (slot in quote_slots and sources) or (words >= TARGET_WORDS - 60 and sources):
            paragraph = writer.quote_paragraph(sources.pop(0))
        else:
            paragraph = writer.narrative(rng.randint(2, 3))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
        slot += 1
    headline = writer.fill(rng.choice(HEADLINES))
    kicker = rng.choice(KICKERS) if rng.random() < 0.25 else None
    general = [t for t in GENERAL_TAGS if t != topic.tag]
    tags = (topic.tag, *rng.sample(general, rng.randint(1, 2)))
    reporters = rng.sample(REPORTER_NAMES, 3)
    minutes = number * 180 + rng.randrange(170)
    return SyntheticArticle(
        number=number,
        slug=f"{slugify(headline)}-{number:06d}",
        headline=headline,
        kicker=kicker,
        dek=rng.choice(DEKS),
        byline=tuple(reporters[: rng.randint(1, 2)]),
        contributors=(reporters[2],) if rng.random() < 0.6 else (),
        dateline=dateline,
        date=FIRST_DATE + dt.timedelta(minutes=minutes),
        tags=tags,
        paragraphs=tuple(paragraphs),
        quotes=quote_count,
        photo_credit=rng.choice(PHOTO_CREDITS) if rng.random() < 0.3 else None,
        boilerplate=rng.choice(BOILERPLATE),
        straight_quotes=straight,
    )


def edit_article(article: SyntheticArticle) -> SyntheticArticle:
    """The article after an editor's correction: one sentence added to its second paragraph."""
    paragraphs = list(article.paragraphs)
    paragraphs[1] += " This article has been updated with a correction to the cost figures."
    return replace(article, paragraphs=tuple(paragraphs))


def correct_headline(article: SyntheticArticle) -> SyntheticArticle:
    """The article after a headline correction (its slug, in its file name, stays)."""
    return replace(article, headline=f"{article.headline}, officials now say")


def correct_quote(article: SyntheticArticle) -> SyntheticArticle:
    """The article after a quote correction: the first quotation's words changed (a word
    added after its opening mark), so the speaker's quote, not their name, differs."""
    paragraphs = list(article.paragraphs)
    for index, paragraph in enumerate(paragraphs):
        for mark in ("\u201c", '"'):
            start = paragraph.find(mark)
            if start >= 0:
                cut = start + 1
                paragraphs[index] = f"{paragraph[:cut]}Frankly, {paragraph[cut:]}"
                return replace(article, paragraphs=tuple(paragraphs))
    raise ValueError(f"article {article.number} has no quotation to correct")


def slugify(text: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words)[:60].strip("-")


# --- input formats ----------------------------------------------------------------------


def _yaml_string(text: str) -> str:
    """A YAML scalar for `text` (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _yaml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_yaml_string(i) for i in items) + "]"


def _byline_text(names: Sequence[str]) -> str:
    return " and ".join(names)


def render_plain_text(article: SyntheticArticle) -> str:
    """The article as an editor copies it from a news site, plus a tags-only front-matter."""
    date = article.date
    hour = date.hour % 12 or 12
    stamp = (
        f"Updated {hour}:{date.minute:02d} {'AM' if date.hour < 12 else 'PM'} UTC, "
        f"{date.strftime('%a')} {MONTHS[date.month - 1]} {date.day}, {date.year}"
    )
    head = [f"---\ntags: {_yaml_list(article.tags)}\n---"]
    if article.photo_credit:
        head.append(article.photo_credit)
    head.append(article.headline)
    head.append(f"{article.kicker}: {article.dek}" if article.kicker else article.dek)
    head.append(f"By {_byline_text(article.byline)}")
    head.append(stamp)
    tail = [f"{name} contributed reporting." for name in article.contributors]
    return "\n\n".join([*head, *article.paragraphs, *tail, *article.boilerplate]) + "\n"


def render_front_matter_markdown(article: SyntheticArticle) -> str:
    """The article as newsgen Markdown: YAML front-matter and a Markdown body."""
    lines = [
        "---",
        f"headline: {_yaml_string(article.headline)}",
        f"dek: {_yaml_string(article.dek)}",
        f"byline: {_yaml_list(article.byline)}",
        f"date: {article.date.isoformat()}",
        f"tags: {_yaml_list(article.tags)}",
    ]
    if article.kicker:
        lines.append(f"kicker: {_yaml_string(article.kicker)}")
    if article.contributors:
        lines.append(f"contributors: {_yaml_list(article.contributors)}")
    lines.append("---")
    body = "\n\n".join(article.paragraphs)
    return "\n".join(lines) + "\n\n" + body + "\n\n" + "\n\n".join(article.boilerplate) + "\n"


def render_pelican(article: SyntheticArticle) -> str:
    """The article as Pelican Markdown: `Key: value` metadata, a blank line, the body."""
    meta = [
        f"Title: {article.headline}",
        f"Date: {article.date.strftime('%Y-%m-%d %H:%M')}",
        f"Tags: {', '.join(article.tags)}",
        f"Slug: {article.slug}",
        f"Authors: {'; '.join(article.byline)}",
        f"Summary: {article.dek}",
    ]
    return "\n".join(meta) + "\n\n" + "\n\n".join(article.paragraphs) + "\n"


def render_hugo(article: SyntheticArticle) -> str:
    """The article as Hugo content: YAML front-matter and a Markdown body."""
    lines = [
        "---",
        f"title: {_yaml_string(article.headline)}",
        f"date: {article.date.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        f"tags: {_yaml_list(article.tags)}",
        f"slug: {_yaml_string(article.slug)}",
        f"authors: {_yaml_list(article.byline)}",
        f"description: {_yaml_string(article.dek)}",
        "---",
    ]
    return "\n".join(lines) + "\n\n" + "\n\n".join(article.paragraphs) + "\n"


Render = Callable[[SyntheticArticle], str]


def article_path(root: Path, fmt: str, article: SyntheticArticle) -> Path:
    """Where the article of format `fmt` goes under the corpus folder `root`."""
    if fmt == "newsgen":
        return root / "newsgen" / "content" / f"{article.slug}{article.suffix}"
    if fmt == "pelican":
        return root / "pelican" / "content" / f"{article.slug}.md"
    if fmt == "hugo":
        return root / "hugo" / "content" / "articles" / f"{article.slug}.md"
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def render_article(fmt: str, article: SyntheticArticle) -> str:
    if fmt == "newsgen":
        if article.suffix == ".txt":
            return render_plain_text(article)
        return render_front_matter_markdown(article)
    if fmt == "pelican":
        return render_pelican(article)
    if fmt == "hugo":
        return render_hugo(article)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")


def write_article(root: Path, article: SyntheticArticle, formats: Sequence[str] = FORMATS) -> None:
    for fmt in formats:
        article_path(root, fmt, article).write_text(render_article(fmt, article), "utf-8")


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    articles: int
    words: int
    quotes: int
    seconds: float


def iter_articles(count: int, seed: int = 1) -> Iterator[SyntheticArticle]:
    return (make_article(n, seed) for n in range(count))


def write_corpus(
    root: Path, count: int, seed: int = 1, formats: Sequence[str] = FORMATS, reuse: bool = False
) -> CorpusSummary:
    """Write `count` articles in each of `formats` under `root` (folders are created).

    `reuse`: a file that holds its article already is left as it is, and any other file
    of the articles' folders is removed (a benchmark run again on the same corpus then
    deletes and makes no file: see `bench_files.py` for why that matters)."""
    start = time.perf_counter()
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    probe = make_article(0, seed)
    folders = {article_path(root, fmt, probe).parent for fmt in formats}
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    words = quotes = 0
    for article in iter_articles(count, seed):
        for fmt in formats:
            path, text = article_path(root, fmt, article), render_article(fmt, article)
            written.add(path)
            if not (reuse and path.is_file() and path.read_text("utf-8") == text):
                path.write_text(text, "utf-8")
        words += article.words
        quotes += article.quotes
    if reuse:
        for folder in folders:
            for path in folder.iterdir():
                if path not in written and path.is_file():
                    path.unlink()
    return CorpusSummary(count, words, quotes, time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help=f"comma-separated, any of {','.join(FORMATS)} (default: all)",
    )
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        parser.error(f"unknown format(s) {', '.join(unknown)}; known: {', '.join(FORMATS)}")
    summary = write_corpus(args.out, args.articles, args.seed, formats)
    print(
        f"{summary.articles} articles ({', '.join(formats)}) in {args.out}: "
        f"{summary.words / max(summary.articles, 1):.0f} words and "
        f"{summary.quotes / max(summary.articles, 1):.1f} quotes per article on average, "
        f"written in {summary.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
