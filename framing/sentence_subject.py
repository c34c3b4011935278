"""The subject of a sentence, found from its first words.

:func:`_sentence_subject_mention` reads past an introductory phrase ('Hours later,', 'After the
attacks,') to the capitalised words and the head noun that open the sentence ('The Republican
nominee also outlined ...'), and asks the name search for the mention that ends there. The
quote and indirect-speech rules use it when a participle or a preposition's object stands
between the speaker and the cue.
"""

from __future__ import annotations

import re

from .speakers import ORG_WORDS, Mention, _words, find_speaker_before
from .verbs import verb_forms

_INTRO = frozenset(
    """on in at after before during since while when as following until once despite amid with without
    for from by under over hours minutes days weeks months years moments shortly later earlier meanwhile last
    yesterday today tonight but and so yet still then also however instead now asked speaking referring
    thus therefore hence moreover furthermore indeed nevertheless nonetheless consequently accordingly besides
    unlike like among amongst beyond against across throughout within upon regarding concerning given
    alongside except apart through via toward towards
    monday tuesday wednesday thursday friday saturday sunday""".split()
)


_CLAUSE_PUNCT = re.compile("[,;:]")


_PHRASE_PUNCT = re.compile(r"[,;:()\"“”]")


_PRONOUN_FIRST = re.compile(r"\s*(he|she|they|it|we)\b", re.I)


def _sentence_subject_mention(text: str, sent_start: int, cue_start: int) -> Mention | None:
    """The subject of the sentence: the mention before its first verb-like cue, or its first name."""
    words = _words(text, sent_start, cue_start)
    # 'Hours later, Trump returned ...', 'After the attacks, the ministry said': skip the
    # introductory phrase up to its comma
    while words and (words[0][0].lower() in _INTRO or words[0][0].lower().endswith("ly")):
        comma = text.find(",", words[0][2], cue_start)
        if comma < 0 or len(_words(text, words[0][2], comma)) > 12:
            break
        words = [w for w in words if w[1] > comma]
    k = 0
    while k < len(words) and (words[k][0][:1].isupper() or words[k][0].lower() in ("the", "a", "an")):
        k += 1
        if k < len(words) and _CLAUSE_PUNCT.search(text, words[k - 1][2], words[k][1]):
            break
    if k == 0:
        at = words[0][1] if words else sent_start
        m = _PRONOUN_FIRST.match(text[at:cue_start])
        return Mention(m.group(1), at + m.start(1), at + m.end(1), "pronoun") if m else None
    # 'The Republican nominee also outlined': the head noun after the capitalised words
    j = k
    while j < len(words) and j - k < 5 and (words[j][0][:1].isupper() or _head_noun(words[j][0])
                                             or j == k and _COMPOUND_MODIFIER.fullmatch(words[k - 1][0]) is not None
                                             and _plural_noun(words[j][0])) \
            and not _PHRASE_PUNCT.search(text, words[j - 1][2], words[j][1]):
        j += 1
    mention = find_speaker_before(text, words[j - 1][2], sent_start)
    if mention is not None and mention.type in ("anonymous", "role") and j + 1 < len(words) \
            and words[j][0] == "in" and words[j + 1][0][:1].isupper() and "," not in text[words[j - 1][2] : words[j + 1][1]]:
        # 'Some political factions in Armenia are critical of ...': an unnamed group keeps its place
        end = words[j + 1][2]
        mention = Mention(text[mention.start : end], mention.start, end, mention.type)
    return mention


# 'Kremlin-backed', 'U.S.-led', 'Pro-Russian', 'Anti-war': a capitalised compound that modifies
# the noun after it ('Kremlin-backed separatists'), never a name by itself
_COMPOUND_MODIFIER = re.compile(
    r"(?:[Pp]ro|[Aa]nti|[Nn]on|[Ee]x)-[\w.’'-]+"
    r"|[\w.’'-]+-(?:backed|led|based|allied|aligned|funded|controlled|supported|installed|appointed|sponsored"
    r"|affiliated|linked|leaning|friendly|held|run|owned|speaking|born)"
)


def _plural_noun(w: str) -> bool:
    """A lower-case plural noun ('separatists', 'officials'), not an -s verb of the table ('says')."""
    return w.isalpha() and w.islower() and w.endswith("s") and not w.endswith("ss") and len(w) > 3 \
        and w not in verb_forms() and w not in _HEAD_STOP


def _head_noun(w: str) -> bool:
    """A lower-case word that can end a subject noun phrase ('nominee', 'officials', 'senator')."""
    from .speakers import TITLES, VAGUE_HEADS

    if not (w.isalpha() and w.islower()):
        return False
    if w in TITLES or w in VAGUE_HEADS or w in ORG_WORDS:
        return True
    return not w.endswith(("s", "ed", "ly", "ing")) and w not in _HEAD_STOP and w not in verb_forms()


_HEAD_STOP = frozenset(
    """in on at to from with by for of after before during since but because while although as if that which
    when where whether and or nor than despite amid against about over under into also not never has have had
    did does do was were is are will would could can may might must should then now just even still
    made took gave got went came saw knew thought found left put set kept held ran won lost met sent built
    bought brought paid sold spent began became""".split()
)
