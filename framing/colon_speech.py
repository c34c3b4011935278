"""What someone said after a colon, with no quotation marks.

Two news conventions put a speaker's words after a colon and leave the marks out:

- a headline that opens with the speaker's name: 'Pence: Gennifer Flowers Won't Be at Debate',
  'Aliyev: Armenia must withdraw'. The name speaks the rest of the headline. A label before a
  colon speaks nothing ('OPINION:', 'Mariupol:', 'Ukraine war:'), so the name must be one the
  reader can check: a person or body of the actors list (not a country, as often a label as a
  voice), or one the article shows speaking ('Pence:' over 'Gov. Mike Pence said …'). A
  headline that attributes its own words ('Manafort: Trump ex-aide lied, judge rules'), asks a
  question ('Paul Ryan: Budget wonk to Congress's rescue?'), titles a story ('How …') or runs
  on from the name into a preposition ('Ukraine Ambassador On Putin's Strategy:') is about the
  name, not by it.
- a speech verb and a colon before words set apart as a block, whose marks were lost with the
  page's layout: 'The governor added:' ending a paragraph, the next paragraph his words; or
  'The governor added: It's typical of Hillary Clinton. She knows nothing.' in one paragraph,
  his words up to its end.

Both are kind ``indirect``: the text does not mark the words as verbatim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from .attribution import Quote, _Cue, _make
from .indirect_speakers import _first_visible
from .mentions import (
    _COUNTRY,
    _IN_LIST,
    _LATER,
    _NAME_AS_WRITTEN,
    VAGUE_DETERMINERS,
    Mention,
    _classify,
    _with,
)
from .model import Document
from .resolver import SpeakerResolver
from .tokens import TOKEN
from .verbs import DATA_VERBS, SPEECH_CLASSES, verb_forms

HEADLINE_RULE = "a headline: a name, a colon, what they said"
BLOCK_RULE = "speaker and verb, a colon, then their words without quotation marks"

# a name of one to five words (small words of names inside), a colon, the rest
_HEADLINE = re.compile(
    r"[ \t\u00a0]*(?P<name>[A-Z][\w’'.-]*(?:[ \u00a0](?:[A-Z][\w’'.-]*|of|de|van|von|al|bin|da|di|del|la|le)){0,4})"
    r"[ \u00a0]?:[ \t\u00a0]+(?=\S)"
)
# a headline's last words after a comma, a source and its verb: ', judge rules', ', Police Say'
_OWN_SOURCE = re.compile(r",\s+(?:[\w’'.-]+\s+){1,3}(?P<verb>[A-Za-z]+)\W*$")
_RULINGS = frozenset(("rule", "rules", "ruled"))
_FUNCTION_WORDS = frozenset("on in at for with to from by about over after against and or but as".split())
_WH_WORDS = frozenset("How Why What Who When Where Which".split())
_COLON = re.compile(r"[ \t\u00a0]*:")
_OPENING_MARK = "\"“”„«»'‘’"
_SPEECH = frozenset(SPEECH_CLASSES)


def headline_quote(doc: Document, quotes: list[Quote], cues: list[_Cue], resolver: SpeakerResolver) -> Quote | None:
    """The words a headline's opening name speaks ('Pence: Gennifer Flowers Won't Be at Debate'),
    or None. ``quotes``: the article's other quotes (the name must speak in one of them, unless
    the actors list knows it); ``cues``: the text's cues (a headline with a cue of its own is not
    by the name)."""
    if not _headline_paragraph(doc):
        return None
    text, para = doc.text, doc.paragraphs[0]
    m = _HEADLINE.match(text, para.start, para.end)
    if m is None:
        return None
    start, end = m.end(), _trimmed_end(text, para.start, para.end)
    content = text[start:end]
    if len(TOKEN.findall(content)) < 3 or content.rstrip(_OPENING_MARK + " .").endswith("?") \
            or content.split(None, 1)[0] in _WH_WORDS:
        return None  # a question, or the title of a story about the name ('How being honest let him …')
    own = _OWN_SOURCE.search(content)
    if any(start <= c.start < end and c.cls in _SPEECH for c in cues) or own is not None and (
            own.group("verb").lower() in verb_forms() or own.group("verb").lower() in _RULINGS):
        return None  # 'Paul Manafort: Trump ex-aide lied to prosecutors, judge rules' (and 'Judge Rules')
    name = m.group("name").rstrip(".")
    words = name.split()
    if not _name_only(words):
        return None
    mention = Mention(name, m.start("name"), m.start("name") + len(name), _classify(words))
    info = resolver.resolve(mention, at=mention.start)
    if info is not None and info.type == "person" and len(words) == 1 and not info.how.startswith(_IN_LIST):
        # 'Pence:' over an article that names Mike Pence: the name below the headline
        later = resolver.named_after(name, para.end)
        if later is not None:
            info = resolver.resolve(Mention(later[1], later[0], later[0] + len(later[1]), "person"), at=later[0])
            if info is not None and info.how.startswith(_NAME_AS_WRITTEN):
                info = _with(_LATER, info)
    if info is None or info.type not in ("person", "organisation") or info.how.startswith(_COUNTRY):
        return None  # ('Ukraine:', a country, is a label as often as a voice)
    if not info.how.startswith(_IN_LIST) and not any(q.speaker_name == info.name for q in quotes):
        return None  # 'Aiden Aslin: Captured Briton's interview removed': a headline about someone silent
    colon = text.index(":", mention.end)
    q = _make("indirect", start, end, mention, _Cue(colon, colon + 1, ":", "", "none"), resolver, HEADLINE_RULE, text)
    return replace(q, cue=":", cue_start=colon, cue_end=colon + 1, speaker_name=info.name, speaker_type=info.type,
                   side=info.side, resolution=info.how)


def _headline_paragraph(doc: Document) -> bool:
    """Does the document open with a headline: a title, or one short sentence standing as a
    paragraph before the others (a headline given a full stop)?"""
    paras = doc.paragraphs
    if not paras:
        return False
    return paras[0].kind == "title" or len(paras) > 1 and paras[0].end - paras[0].start < 200 \
        and len(doc.sentences) > 1 and doc.sentences[1].paragraph > 0


def _name_only(words: list[str]) -> bool:
    """Are the words before a headline's colon a name and nothing more? Not when a title-case
    headline runs on into a verb or a preposition ('Seth Meyers Reminds Trump', 'Ukraine
    Ambassador On Putin's Strategy'), nor when a possessive leads to another head ('Mitch
    McConnell's New Legacy'; but 'Ukraine's Zelenskiy')."""
    forms = verb_forms()
    for k, w in enumerate(words):
        low = w.lower()
        if k and (low in forms or low in _FUNCTION_WORDS and w[:1].isupper()):
            return False
        if low.endswith(("’s", "'s")) and (k or len(words) > 2):
            return False
    return True


def block_after_colon(doc: Document, cue: _Cue, mention: Mention | None, resolver: SpeakerResolver) -> Quote | None:
    """'The governor added:' and his words after the colon, unmarked: the rest of the paragraph,
    or the next paragraph when the colon ends this one; None when no colon follows the verb."""
    text = doc.text
    colon = _COLON.match(text, cue.end)
    if colon is None or mention is None or cue.cls not in _SPEECH or cue.lemma in DATA_VERBS \
            or not _verb_with_subject(text, cue, mention):
        return None
    paras = doc.paragraphs
    k = bisect_right([p.start for p in paras], cue.start) - 1
    if k < 0:
        return None
    start, end = colon.end(), paras[k].end
    if not text[start:end].strip():
        if k + 1 >= len(paras) or paras[k + 1].kind != "body":
            return None
        start, end = paras[k + 1].start, paras[k + 1].end
    start = _first_visible(text, start, end)
    end = _trimmed_end(text, start, end)
    if text[start : start + 1] in _OPENING_MARK or len(TOKEN.findall(text, start, end)) < 3:
        return None  # (a quotation in marks is the direct rules' to attribute)
    return _make("indirect", start, end, mention, cue, resolver, BLOCK_RULE, text)


def _verb_with_subject(text: str, cue: _Cue, mention: Mention) -> bool:
    """Is the cue before a colon a verb with its subject, not a noun ('The basic challenge:',
    'One key finding:', 'Campaign promises:')? A past form is ('added:', 'wrote:'); a form in
    -s only after a name, a body's name of two words or more, or a pronoun ('Limbaugh writes:',
    'The Chicago Tribune reports:'); a participle only after a comma (', saying:'); the bare
    verb never."""
    word = cue.text.split()[0].lower()
    if mention.text.rsplit(None, 1)[-1].lower() in VAGUE_DETERMINERS:
        return False
    if word.endswith("ing"):
        return text.endswith(", ", 0, cue.start)
    if word == cue.lemma:
        return False
    if word.endswith("s") and not word.endswith("ss"):
        # ('Limbaugh writes:', 'The Chicago Tribune reports:'; not 'Campaign promises:')
        return mention.type in ("pronoun", "person") or mention.type == "organisation" and len(mention.text.split()) > 1
    return True


def _trimmed_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the white space that ends ``text[start:end]``."""
    return start + len(text[start:end].rstrip())
