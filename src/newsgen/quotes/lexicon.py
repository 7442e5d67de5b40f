"""The words news writing uses around quotes: speech verbs, titles, sources, names.

Small hand-written lists: they describe how English-language news attributes
speech in general, not any particular article.
"""

from __future__ import annotations

import re
from typing import Any


def word_set(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


def words_pattern(words: frozenset[str], not_before: str) -> str:
    """A regular expression for any of `words` not preceded by a `not_before`
    character (a character class), its branches grouped by their letters:
    opening on a letter, not on a look-behind, lets the scan skip ahead (about
    twice as fast as a plain alternation on a paragraph)."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict[str, Any], first: bool) -> str:
        ends = "" in node
        options = []
        for letter, rest in sorted(node.items()):
            if letter:
                guard = f"(?<!{not_before}{re.escape(letter)})" if first else ""
                options.append(re.escape(letter) + guard + branch(rest, False))
        if not options:
            return ""
        body = options[0] if len(options) == 1 and not ends else "(?:" + "|".join(options) + ")"
        return body + "?" if ends else body

    return branch(tree, True)


# Verbs that introduce what someone said, in the forms news copy uses.
SPEECH_VERBS = word_set(
    "say says said saying tell tells told telling add adds added adding",
    "write writes wrote writing warn warns warned warning note notes noted noting",
    "explain explains explained explaining argue argues argued arguing",
    "insist insists insisted insisting continue continues continued continuing",
    "state states stated declare declares declared declaring recall recalls recalled",
    "reply replies replied respond responds responded tweet tweets tweeted tweeting",
    "claim claims claimed claiming ask asks asked asking answer answers answered",
    "announce announces announced acknowledge acknowledges acknowledged",
    "admit admits admitted assert asserts asserted complain complains complained",
    "concede concedes conceded confirm confirms confirmed contend contends contended",
    "counter counters countered emphasize emphasizes emphasized emphasise emphasised",
    "joke jokes joked observe observes observed predict predicts predicted",
    "remark remarks remarked report reports reported stress stresses stressed",
    "suggest suggests suggested urge urges urged vow vows vowed quip quips quipped",
    "shout shouts shouted testify testifies testified allege alleges alleged",
    "caution cautions cautioned deny denies denied exclaim exclaimed posted",
    "wonder wonders wondered mused muse muses lament laments lamented boast boasts boasted",
    "promise promises promised pledge pledges pledged recount recounts recounted",
    "proclaim proclaims proclaimed blast blasts blasted chanted chant chants",
    "called calls calling described describes describing yelled yell yells",
    "thundered scoffed sniped snapped retorted charged charges declared",
    "insisted concluded conclude concludes summed predicted wrote",
    "demand demands demanded demanding recall recalled reiterate reiterates reiterated",
    "accuse accuses accused accusing criticize criticizes criticized criticise criticised",
    "condemn condemns condemned condemning brand brands branded label labels labeled labelled",
    "dub dubs dubbed hail hails hailed mock mocks mocked slam slams slammed dismiss dismisses",
    "dismissed praise praises praised reads",
)

# Verbs that report speech only loosely; they attribute a quote only to a named
# person, a pronoun or an organization (never to "a group called ...").
WEAK_SPEECH_VERBS = word_set(
    "called calls calling described describes describing accuse accuses accused accusing",
    "criticize criticizes criticized criticise criticised condemn condemns condemned",
    "condemning brand brands branded label labels labeled labelled dub dubs dubbed hail hails",
    "hailed mock mocks mocked slam slams slammed dismiss dismisses dismissed praise praises",
    "praised",
)

# Words allowed between a speaker and the verb ("Kerry has previously warned").
VERB_AUXILIARIES = word_set(
    "also later then previously has have had would will once again recently earlier "
    "further quickly simply flatly repeatedly often long even still just would've had "
    "been has been is was went on reportedly privately publicly"
)

PRONOUNS = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "i": "self",
    "we": "plural",
}

# Honorifics and their gender (None when it says nothing about gender).
HONORIFICS: dict[str, str | None] = {
    "mr.": "male",
    "mr": "male",
    "mrs.": "female",
    "mrs": "female",
    "ms.": "female",
    "ms": "female",
    "miss": "female",
    "dr.": None,
    "prof.": None,
    "rev.": None,
    "sir": "male",
    "dame": "female",
    "lady": "female",
    "lord": "male",
}

# Words of a title that precedes a name ("Secretary of State John Kerry").
TITLE_WORDS = word_set(
    "president vice secretary minister prime foreign defense defence state interior "
    "finance senator sen. representative rep. reps. governor gov. mayor ambassador "
    "general gen. attorney chief justice judge director chairman chairwoman chair "
    "speaker leader majority minority commissioner deputy spokesman spokeswoman "
    "spokesperson press adviser advisor professor prof. dr. mr. mrs. ms. rev. pope "
    "king queen prince princess lt. col. capt. sgt. adm. admiral officer executive "
    "ceo founder sheriff coach candidate nominee chancellor premier councilman "
    "councilwoman councillor congressman congresswoman lawmaker treasurer "
    "superintendent inspector commander colonel captain sergeant lieutenant detective "
    "economist analyst strategist pollster manager aide reverend rabbi bishop "
    "cardinal sir dame lord lady emeritus correspondent editor anchor host author "
    "assemblyman assemblywoman delegate whip del. member"
)

# Occupations that news puts before a name like a title ("Engineer Ann Lee");
# with every noun ending in -ist ("hydrologist") they make `names.is_role_noun`.
PROFESSION_WORDS = word_set(
    "engineer researcher scientist lawyer teacher doctor nurse farmer architect surgeon "
    "physician planner consultant historian lecturer activist campaigner organizer "
    "organiser volunteer shopkeeper fisherman fisherwoman ecologist"
)

# Lower-case words that can be part of a role before a name
# ("Democratic presidential nominee Hillary Clinton").
ROLE_WORDS = TITLE_WORDS | word_set(
    "former presidential campaign senior white house top national security policy "
    "republican democratic political public state federal chief foreign press "
    "communications deputy acting interim executive u.s. party conservative liberal "
    "independent economic military intelligence defense senate legal"
)

# Head nouns of sources a story does not name ("a senior defense official").
ANONYMOUS_HEADS = word_set(
    "official officials spokesman spokeswoman spokesperson spokespeople source "
    "sources aide aides diplomat diplomats insider insiders person people adviser "
    "advisers advisor advisors officer officers staffer staffers employee employees "
    "member members operative operatives witness witnesses resident residents friend "
    "friends lawmaker lawmakers analyst analysts expert experts observer observers "
    "representative representatives strategist strategists"
)

# Words that make a name an organization ("the State Department").
ORGANIZATION_WORDS = word_set(
    "house department ministry pentagon kremlin agency office council committee "
    "commission party campaign company corp corp. inc inc. ltd group university "
    "center centre institute foundation association union bank police army navy court "
    "government administration times post journal news network service bureau board "
    "senate congress parliament organization organisation federation fund club "
    "coalition alliance reuters press television radio magazine tribune herald "
    "guardian telegraph cnn bbc fbi cia nato un u.n. eu gop dnc rnc ap afp msnbc abc "
    "nbc cbs fox politico breitbart downing elysee whitehall secretariat cabinet "
    "embassy consulate authority authorities command forces military industries "
    "airlines group's court's police's school college hospital trust society league "
    "church network works alliance partnership institution charity trust coalition "
    "collective cooperative consortium initiative project federation",
    # states that speak through their governments ("Japan condemned the test")
    "america britain canada china egypt france germany india iran iraq israel italy japan "
    "jordan korea mexico pakistan russia saudi spain syria turkey ukraine pyongyang beijing "
    "moscow tehran kyiv kiev seoul tokyo",
)

# Lower-case heads of organizations mentioned without a name ("the ministry said").
ORGANIZATION_HEADS = word_set(
    "ministry department agency company campaign government administration police "
    "army military committee commission council union party firm group court embassy "
    "office board authority authorities bank network newspaper paper statement report "
    "survey poll study"
)

# Determiners that open an unnamed source ("a senior official", "two sources").
SOURCE_DETERMINERS = word_set("a an one another two three four several some many the other")

MALE_NAMES = word_set(
    "aaron adam alan albert alex alexander andrew anthony arthur ben benjamin bernie "
    "bill billy bob bobby brad brandon brian bruce bryan carl carlos charles charlie "
    "chris christopher chuck craig dan daniel danny dave david dennis dick don donald "
    "doug douglas dylan ed eddie edward eric evan frank fred gary george gerald greg "
    "gregory harry henry howard ian jack jacob jake james jared jason jeb jeff "
    "jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jordan "
    "jose joseph josh joshua juan justin keith ken kenneth kevin kyle larry lawrence "
    "lee luis marco mark martin matt matthew michael mike mitch mitt nathan neil "
    "nicholas nick noah patrick paul peter phil philip ralph randy ray raymond reince "
    "richard rick rob robert roger ron ronald roy rudy rudolph russell ryan sam "
    "samuel scott sean stephen steve steven ted terry thomas tim timothy todd tom "
    "tony travis troy tyler victor vincent walter wayne will william zach ash barack "
    "boris vladimir sergei dmitri dmitry vitaly ahmed mohammed muhammad ali hassan "
    "omar pierre jean francois emmanuel angelo giuseppe hans klaus jacques xi li"
)

FEMALE_NAMES = word_set(
    "abigail alice alicia alison amanda amy andrea angela ann anna anne barbara betty "
    "beverly brenda carly carol caroline catherine cathy cheryl christina christine "
    "cindy claire deborah debbie debra denise diana diane donna dorothy elizabeth "
    "ellen emily emma erin eva evelyn frances gloria grace hannah heather helen "
    "hillary huma irene jackie jacqueline jane janet janice jean jennifer jessica "
    "jill joan joanne joyce judith judy julia julie karen kate katherine kathleen "
    "kathy kayleigh kelly kellyanne kim kimberly laura lauren linda lisa lori louise "
    "lucy madeleine margaret maria marie marilyn martha mary megan melania melissa "
    "michelle monica nancy natalie nicole nikki olivia pamela patricia paula peggy "
    "rachel rebecca rose ruth sandra sara sarah sharon shirley sophia stephanie susan "
    "teresa theresa tiffany tina valerie victoria virginia wendy angela theresa "
    "ursula marine hina fatima aisha ivanka chelsea elena olga natalia tatiana "
    "svetlana yulia christiane sonia"
)
