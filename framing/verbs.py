"""Reporting verbs: which words introduce speech, and how they frame it.

The table lives in ``framing/data/reporting_verbs.yaml`` (shipped with the
package). :func:`verb_forms` maps every inflected form ("said", "claims",
"pointed out") to its lemma and class.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

SPEECH_CLASSES = ("neutral", "distancing", "endorsing", "concessive", "confrontational")
CUE_CLASSES = (*SPEECH_CLASSES, "according_to", "opinion", "none")
DATA_VERBS = frozenset({"show", "broadcast"})
"""Lemmas that report data or footage, not words ("the poll shows Clinton ahead"): cues of indirect
attributions only, never what makes a quotation someone's speech."""


def _inflect(lemma: str) -> list[str]:
    """Regular English inflections of a verb: -s, -ed, -ing (with the usual spelling rules)."""
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return [f"{f} {rest}" for f in _inflect(head)]
    forms = [lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(lemma + "es")
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms.append(lemma[:-1] + "ies")
    else:
        forms.append(lemma + "s")
    if lemma.endswith("e"):
        forms += [lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ied", lemma + "ing"]
    elif _doubles(lemma):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    else:
        forms += [lemma + "ed", lemma + "ing"]
    return forms


def _doubles(lemma: str) -> bool:
    """admit → admitted; but not 'comment' or 'report' (stress rule approximated by a list)."""
    return lemma in {"admit", "opine", "quip", "regret", "rebut", "omit", "commit", "refer", "prefer", "confer", "submit"} and lemma[-1] not in "e"


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[str, str]]:
    """Every form of every reporting verb → ``(lemma, class)``, lower-case."""
    text = resources.files("framing").joinpath("data/reporting_verbs.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    irregular: dict[str, list[str]] = data.get("forms", {})
    out: dict[str, tuple[str, str]] = {}
    for cls, lemmas in data["classes"].items():
        for lemma in lemmas:
            forms = [lemma, *irregular[lemma]] if lemma in irregular else _inflect(lemma)
            for f in forms:
                out.setdefault(f.lower(), (lemma, cls))
    return out


@lru_cache(maxsize=1)
def speech_forms() -> frozenset[str]:
    """Single-word forms of verbs that introduce speech (not opinion verbs)."""
    return frozenset(
        f for f, (lemma, c) in verb_forms().items() if c in SPEECH_CLASSES and " " not in f and lemma not in DATA_VERBS
    )


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """Lemmas of the verb table whose base and -s forms are also common nouns ('a post', 'the demand')."""
    text = resources.files("framing").joinpath("data/reporting_verbs.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(text).get("nouns", ()))


# The words that open a noun phrase; what stands between one of them and a form of a noun lemma
# are its modifiers ('its Facebook post', 'a satire TV show', 'the most vital global challenges')
_DETERMINERS = frozenset("a an the this these those its his her their our my your some any no every each another".split())
# Words that cannot be a noun's modifier: a verb, an auxiliary, a pronoun, a preposition or a
# conjunction between a determiner and the cue means the cue is a verb with its own subject
_NOT_MODIFIER = frozenset(
    """is are was were be been being am has have had do does did will would can could may might must shall should
    to of in on at for with by from as into about than and or but nor so if that which who whom whose what when
    where while because not never also still just even then now there he she it they we i you him them us me
    said says say told""".split()
)
_PLURALS = frozenset("people police men women children media staff crew public personnel youth".split())
_SINGULAR_DET = re.compile(r"\b(?:[Aa]n?|[Aa]nother|[Ee]very|[Ee]ach)(?: [A-Za-z][\w’'-]*){0,3} $")
_RELATIVE_AFTER = re.compile(r", (?:who|which)\b")
_AUX_AFTER = frozenset("have are were will would could can may might should must do did had".split())
_WORD_BEFORE = re.compile(r"([A-Za-z][\w’'.-]*) $")
_ADJECTIVE = re.compile(r"[A-Za-z]{2,}(?:al|ic|ive|ous|ful|less|ary)")
# people named by words with an adjective's ending: 'a senior official saying', 'one critic warning'
_PERSON_NOUNS = frozenset(
    """official general critic cleric rival individual criminal professional liberal radical conservative representative
    executive relative operative detective native mechanic medic skeptic sceptic fanatic principal cardinal admiral
    marshal""".split()
)


def noun_reading(text: str, start: int, end: int, form: str, lemma: str) -> bool:
    """Is the reporting-verb form ``text[start:end]`` a noun here, not a verb?

    Grammatical tests, read from the words around it:

    - a base or -s form of a noun lemma (:func:`noun_lemmas`) after a determiner and at most three
      modifiers ('its Facebook post', 'the energy demand of', 'a satire TV show', 'an open
      question'): with a base form, none of the modifiers is a plural noun ('the officials
      demand'), and 'that' does not follow ('the family claim that ...' stays a verb, and 'a comment
      that described ...' reports), nor 'to' after a plural determiner ('the families demand to
      know'; but 'a serious challenge to'); an
      -s form after lower-case modifiers only, and only before 'of' or a relative clause ('their
      animal charges, who', 'the most vital global challenges of'), since a singular subject
      takes the verb's -s form ('the ministry charges that', '..., The Wall Street Journal reports.');
    - an -s form of a noun lemma right before an auxiliary ('Health worries have dogged', 'his
      latest remarks will'): a plural subject, never a verb;
    - an -ing form after an adjective ('established economic thinking', 'Additional reporting by'),
      not after a person named by an adjective's ending ('a senior official saying') nor before 'that'.

    A determiner after 'and' or 'or' opens a second subject ('the ministry and the army report'):
    not judged.
    """
    after = text[end : end + 12]
    if form.endswith("ing"):
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        return m is not None and _ADJECTIVE.fullmatch(m.group(1)) is not None \
            and m.group(1).lower() not in _PERSON_NOUNS and not after.startswith(" that")
    if text[start - 1 : start] != " ":
        return False
    if " " in lemma:  # 'the repeated calls for calm': the first word a noun
        head = lemma.split(" ", 1)[0]
        return noun_form(form.split(" ", 1)[0], head) and form.split(" ", 1)[0] != head \
            and _PARTICIPLE_MODIFIER.search(text, max(0, start - 40), start) is not None
    if not noun_form(form, lemma):
        return False
    nxt = after.split(None, 1)[0].strip(",.;:") if after.strip() else ""
    base = form == lemma
    if not base and nxt in _AUX_AFTER and after[:1] == " ":
        return True
    singular = _SINGULAR_DET.search(text, max(0, start - 60), start) is not None
    if base and (nxt == "that" or nxt == "to" and not singular):
        return False  # ('a serious challenge to': after 'a' the base form is a noun; but 'a comment that
        # described ...' reports what the comment said)
    if not base and _PARTICIPLE_MODIFIER.search(text, max(0, start - 40), start) is not None:
        return True  # 'the continued questions about'
    if (m := _OBJECT_OF.search(text, max(0, start - 60), start)) is not None \
            and (m.group("det") and not base or m.group("right") and nxt != "that" and not (base and m.group("right") == "to")):
        return True  # 'After some challenges,', 'despite the warnings', 'the strengthening of demands for',
        # 'who had early reports on': no verb there (but 'sceptical about claims that ...' is a noun
        # that reports, read as its verb)
    if not base and not (nxt == "of" or _RELATIVE_AFTER.match(after)):
        return False
    words = text[max(0, start - 60) : start].split(" ")[:-1]  # the words before, the last one first
    for k, w in enumerate(reversed(words[-5:])):
        low = w.lower()
        if low in _DETERMINERS:
            return k > 0 and (len(words) <= k + 1 or words[-k - 2].lower() not in ("and", "or", "&"))
        if k >= 4 or not w or low in _NOT_MODIFIER or not re.fullmatch(r"[A-Za-z][\w’'-]*", w) \
                or not base and not w.islower() \
                or base and (low in _PLURALS or low.endswith("s") and not low.endswith(("ss", "us", "is"))):
            return False
    return False


# a determiner and a past participle right before an -s form: 'the continued questions', 'their
# repeated calls' (a verb's subject is never a bare participle)
_PARTICIPLE_MODIFIER = re.compile(r"(?:\b(?:the|their|his|her|its|our|these|those|such)|[’']s)\s+[a-z]+ed\s+$")


# the object of a preposition or of 'have', never a verb: an -s form after a preposition and a
# determiner with up to two modifiers ('After some challenges', 'despite the repeated warnings'; not
# after 'of' or 'for' there: 'the head of the ministry says'), or a base or -s form right after a
# preposition or a form of 'have', with at most one modifier between ('of demands', 'had early
# reports', 'in comments'), since a verb's -s form never follows them, nor its base form but after
# 'to' ('to claim'), and not before 'that': 'about claims that ...' reports the claims (but 'with
# the exception of states that': a determiner before is a noun phrase whatever follows).
_OBJECT_OF = re.compile(
    r"\b(?:(?P<det>[Aa]fter|[Bb]efore|[Dd]espite|[Ww]ith|[Ww]ithout|[Aa]mid|[Aa]mong|[Ff]ollowing|[Ff]rom|[Aa]bout|[Oo]ver)\s+"
    r"(?:the|some|many|several|these|those|such|their|his|her|its|our|all|any|no|new|recent)\s+(?:[a-z-]+\s+){0,2}"
    r"|(?P<right>[Oo]f|[Ff]or|[Ww]ith|[Ww]ithout|[Ii]n|[Ii]nto|[Oo]n|[Aa]bout|[Bb]y|[Ff]rom|to|[Aa]mid|[Aa]mong|[Dd]espite"
    r"|had|has|have|having)\s+(?:(?:early|earlier|recent|new|initial|first|latest|conflicting|unconfirmed|numerous"
    r"|multiple|several|many|some|no|further|repeated|public|official|widespread|local|private)\s+)?)$"
)


def noun_form(form: str, lemma: str) -> bool:
    """Is ``form`` the base or -s form of a lemma that is also a noun ('claim', 'claims'), which
    may read as a noun? (Only :func:`noun_reading` tells whether it does here.)"""
    return lemma in noun_lemmas() and form in (lemma, _plural(lemma))


def _plural(lemma: str) -> str:
    """The -s form of a one-word lemma ('charge' → 'charges', 'worry' → 'worries')."""
    return _inflect(lemma)[1] if " " not in lemma else ""
