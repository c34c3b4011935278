"""Speaker resolution: from a mention as written to the entity it names, its type and side.

:class:`SpeakerResolver` works within one document: pronouns go to the most recent speaker
(or the person named first in their sentence, or the last person named), a relative "who" to
its noun, a surname to the most recent full name ending in it ("Mammadov" → "Elman
Mammadov"), a role to the person the text introduced with it ("the pundit" → "Pundit Mahammad
Asadullazada"), names to the actors list, which gives the side. Unnamed sources get a side only
from the text: a nationality word ("Azeri officials"), a country's possessive, the place they
are in or from, a flag in a display name. Otherwise the side is ``unknown``: it is never guessed.
The mentions themselves are found by :mod:`framing.speakers`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from .actors import Actors, bare_group_term, speaker_type
from .given_names import gender_of as _gender_of
from .mentions import (
    _AS_WRITTEN,
    _BY_SURNAME,
    _COUNTRY,
    _IN_LIST,
    _NAME_AS_WRITTEN,
    _PERSON_PRONOUNS,
    _SIDE_LIST,
    _SIDE_OFFICE,
    _SIDE_TITLE,
    _SIDE_WORD,
    _WORD,
    OFFICE_MODIFIERS,
    ROLE_NOUNS,
    TITLES,
    VAGUE_HEADS,
    Mention,
    SpeakerInfo,
    _cap,
    _classify,
    _join,
    _person_names,
    _stated_gender,
    _untitled_words,
    _with,
)
from .speakers import NAME_RUN, NEAR_TO_WORDS, _speaker_before, find_speaker_before
from .titled import (
    _LEADING_THE,
    _POSSESSOR,
    _name_of_institution,
    _titled_name,
    listed_holder,
    listed_institution,
)

if TYPE_CHECKING:
    from .actors import Actor, ActorGroup
    from .quotes import Quote

_LOWER_NEXT = re.compile(r"\s+[a-z]")


def _within(words: tuple[str, ...] | list[str], parts: list[str]) -> bool:
    """Are ``words`` the words of the name ``parts`` with some left out, in order ('Sarah
    Sanders' in 'Sarah Huckabee Sanders', 'Georgia Doug Collins' in 'Georgia Congressman Doug
    Collins'; not 'Donald Trump' in 'Seth Meyers Reminds Trump')?"""
    rest = iter(parts)
    return all(w in rest for w in words)


class SpeakerResolver:
    """Resolves mentions to entities within one document."""

    def __init__(self, text: str, actors: Actors, *, quoted: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.actors = actors
        self._speakers: list[tuple[int, SpeakerInfo]] = []  # sorted by position
        self._speaker_pos: list[int] = []
        self._names = _person_names(text)
        # names inside quotation marks are talked about, not talking
        q = self._quoted = sorted(quoted or [])
        q_starts = self._quoted_starts = [a for a, _ in q]
        self._free_names = [
            (pos, full) for pos, full in self._names
            if not (k := bisect_right(q_starts, pos)) or q[k - 1][1] <= pos
        ]
        self._free_pos = [pos for pos, _ in self._free_names]
        self._gender: dict[str, str] = {}
        self._name_pos = [pos for pos, _ in self._names]
        self._by_surname: dict[str, list[tuple[int, str]]] = {}
        for pos, full in self._names:
            self._by_surname.setdefault(full[full.rfind(" ") + 1 :], []).append((pos, full))  # (one space between parts)
        # what the actors list says about a text, and names resolved: the same in the whole document
        self._looked_up: dict[str, tuple[Actor | None, ActorGroup | None, str]] = {}
        self._named_as: dict[tuple[str, str], SpeakerInfo] = {}
        self._introductions: dict[int, frozenset[str]] = {}
        self._office_sides: dict[str, str] = {}
        self._mentioned: tuple[list[tuple[int, str]], list[int]] | None = None  # (made when first asked)

    def note_speaker(self, q: Quote) -> None:
        """Remember a resolved speaker, for pronouns later on."""
        if q.speaker_name and q.speaker_type in ("person", "role", "organisation"):
            k = bisect_right(self._speaker_pos, q.start)
            self._speaker_pos.insert(k, q.start)
            self._speakers.insert(k, (q.start, SpeakerInfo(q.speaker_name, q.speaker_type, q.side, q.resolution)))
            self._note_gender(q.speaker, q.speaker_name)

    def note_mention(self, mention: Mention, *, at: int) -> None:
        """Remember a named person who speaks at ``at`` (the subject of a speech verb), unless the
        mention is inside quotation marks ('"Liar! Warmonger!" cried the crowd')."""
        k = bisect_right(self._quoted_starts, mention.start)
        if k and self._quoted[k - 1][1] > mention.start:
            return
        info = self.resolve(mention, at=at)
        if info is not None and info.name and info.type == "person":
            self._note_gender(mention.text, info.name)
            k = bisect_right(self._speaker_pos, at)
            self._speaker_pos.insert(k, at)
            self._speakers.insert(k, (at, info))

    def note_source(self, mention: Mention) -> None:
        """Remember the source of a nominal attribution ('criticism from the United States and
        some European countries'), for a 'they' or 'it' after it."""
        info = self.resolve(mention, at=mention.start)
        if info is not None and info.name and info.type in ("organisation", "anonymous", "role"):
            k = bisect_right(self._speaker_pos, mention.start)
            self._speaker_pos.insert(k, mention.start)
            self._speakers.insert(k, (mention.start, info))

    def resolve(self, mention: Mention | None, *, at: int) -> SpeakerInfo | None:
        """Resolve ``mention`` (near offset ``at``) to a name, a speaker type and a side, with
        how (``SpeakerInfo.how``: the step that named the speaker, then where the side came from)."""
        if mention is None:
            return None
        if mention.type == "social_post":
            actor = self.actors.find(mention.text)
            # a listed account, else a flag or nationality word in the display name ('… 🇦🇲')
            side = actor.side if actor else self.actors.side_of_adjectives(mention.text) or "unknown"
            how = _join("the post's account", _SIDE_LIST if actor else _SIDE_WORD if side != "unknown" else "")
            return SpeakerInfo(mention.text, "social_post", side, how)
        if mention.type == "pronoun":
            return self._pronoun(mention, at)
        if (m := _INTERVIEWS_WITH.match(mention.text)) is not None:
            # 'Interviews made by international news agencies with anonymous Syrian mercenaries and
            # audio recordings of some of them revealed ...': the people interviewed speak, not the
            # interviews nor those who made them
            who = m.group("who")
            words = tuple(w.group() for w in _WORD.finditer(who))
            inner = Mention(who, mention.start + m.start("who"), mention.start + m.end("who"), _classify(words))
            info = self.resolve(inner, at=at)
            if info is not None:
                return _with("the people interviewed", info)
        kind = mention.type
        near = NEAR_TO_WORDS.search(mention.text) if kind == "anonymous" else None
        if near is not None:
            # 'sources close to Putin': unnamed sources, not Putin; their side is a nationality word
            # before ('A U.S. official familiar with …'), else the side of whom they are close to
            side, how = self._side_of(mention.text[: near.start()]), _SIDE_WORD
            if side == "unknown" and near.group().startswith("close"):
                side, how = self._side_of(mention.text[near.end() :].strip()), "side: whom the sources are close to"
            return SpeakerInfo(mention.text, "anonymous", side, _join(_AS_WRITTEN, how if side != "unknown" else ""))
        if " and " in mention.text and mention.text.rsplit(None, 1)[-1].lower() not in VAGUE_HEADS \
                and " and " not in (_titled_name(mention.text) or ("",))[0]:
            # ('Health and Human Services Secretary Kathleen Sebelius' is one person, with a title)
            # (not 'Nagorno-Karabakh and Armenia officials': one head shared)
            joint = self._joint(mention, at)
            if joint is not None:
                return joint
        actor, group, side = self._look_up(mention.text)
        if kind in ("organisation", "role") or actor is not None and actor.type != "person":
            titled = self._titled_person(mention.text, actor)
            if titled is not None:
                return titled
        if actor is not None:
            return SpeakerInfo(actor.name, speaker_type(actor), actor.side, _IN_LIST)
        if group is not None:
            # a country or its government speaking ("Armenia said", "Baku denies", "Neighboring Armenia")
            return SpeakerInfo(bare_group_term(mention.text), "organisation", group.side, _COUNTRY)
        side = side or "unknown"
        if kind == "person":
            titled = _titled_name(mention.text)  # 'Apple CEO Tim Cook': Tim Cook
            short = titled[1] if titled else mention.text
            full = self._full_name(short, mention.start)
            info = self._named(full, "person")
            step = _BY_SURNAME if full != " ".join(_untitled_words(short)) else _NAME_AS_WRITTEN
            if info.side == "unknown" and side == "unknown" and info.type == "person":
                side = self._office_side(full)
                return _with(step, SpeakerInfo(info.name, info.type, side, _SIDE_OFFICE if side != "unknown" else ""))
            if info.side == "unknown" and side != "unknown":
                return _with(step, SpeakerInfo(info.name, info.type, side, _SIDE_WORD))
            return _with(step, info)
        if kind == "role":
            holder = self._role_holder(mention.text, mention.start)
            if holder:
                info = self._named(holder, "person")
                if info.side == "unknown" and side != "unknown":
                    info = SpeakerInfo(info.name, info.type, side, _SIDE_WORD)
                return _with("the office → the person the text introduced with it", info)
            earlier = self._earlier_role(mention, at)
            if earlier is not None and (side == "unknown" or earlier.side == side):
                return earlier
            listed = listed_holder(self.actors, self.text, mention.text, side) if side != "unknown" else None
            if listed is not None:
                return SpeakerInfo(listed.name, "person", listed.side,
                                   "the office → its holder in the actors list, named in the text")
        if kind == "organisation" and side == "unknown":
            listed = listed_institution(self.actors, self.text, mention)
            if listed is not None:
                return SpeakerInfo(listed.name, speaker_type(listed), listed.side,
                                   "the listed institution named in full nearest to it")
        how = _SIDE_WORD if side != "unknown" else ""
        if side == "unknown" and kind in ("anonymous", "role"):
            side = self._side_after(mention)
            how = "side: the place named after it" if side != "unknown" else ""
        name = mention.text
        if kind in ("role", "organisation"):
            name = _LEADING_THE.sub("", name)
        return SpeakerInfo(name, kind, side, _join(_AS_WRITTEN, how))

    def _pronoun(self, mention: Mention, at: int) -> SpeakerInfo:
        """A pronoun: 'who' → its noun; 'he'/'she' → the person named first in its sentence, the
        last speaker or person of that gender, else an office holder; 'it' → the last institution
        that spoke; 'they' → the last speaker."""
        low = mention.text.lower()
        if low == "who":
            # "Mr. Ekovich, who noted ...": the noun phrase before ", who"
            before = self.text[max(0, mention.start - 200) : mention.start].rstrip()
            end = mention.start - (len(self.text[max(0, mention.start - 200) : mention.start]) - len(before))
            end -= before.endswith(",")
            antecedent = _speaker_before(self.text, end, max(0, mention.start - 200))
            if antecedent is not None and antecedent.type != "pronoun":
                inner = self.resolve(antecedent, at=at)
                return inner._replace(how=_join("“who” → the noun before it", inner.how))
            return SpeakerInfo("", "unattributed", "unknown", "“who” with no noun before it")
        k = bisect_right(self._speaker_pos, at)
        pool = self._speakers[max(0, k - 50) : k]  # (position, speaker) of the last 50 speakers before
        if low in _PERSON_PRONOUNS:
            wanted = "female" if low in ("she", "her") else "male"
            subject = self._sentence_first_name(mention.start)
            if subject and self._may_be(subject, wanted):
                # 'Artak Beklaryan started a campaign in which he called upon ...': the
                # person named first in the pronoun's own sentence
                self._gender.setdefault(subject, wanted)
                return _with(f"“{low}” → the person named first in its sentence", self._named(subject, "person"))
            # 'Spokeswoman Jessica Ditto' is not a later 'he'
            # the last of them who is a person of that gender (or of no known gender)
            for _, s in reversed(pool):
                if s.type == "person" and self._may_be(s.name, wanted):
                    self._gender.setdefault(s.name, wanted)
                    return _with(f"“{low}” → the last speaker who can be “{low}”", s)
            name = self._last_person(mention.start, wanted)
            if name:
                return _with(f"“{low}” → the last person named who can be “{low}”", self._named(name, "person"))
            for _, s in reversed(pool):
                if s.type == "role" and _role_words(f"the {s.name}") and self._may_be(s.name, wanted):
                    # no one named: an office holder ('The Tesla CEO … He also said')
                    return _with(f"“{low}” → the office holder who spoke before (no one named)", s)
            return SpeakerInfo("", "person", "unknown", f"“{low}” with no one named before it")
        if low in ("it", "its"):
            # an institution, never a person ('the ministry … It said'): the last speaker who is not one
            for _, s in reversed(pool):
                if s.type != "person":
                    return _with(f"“{low}” → the last speaker that is not a person", s)
            return SpeakerInfo("", "anonymous", "unknown", f"“{low}” with no speaker before it")
        if pool:
            return _with(f"“{low}” → the last speaker", pool[-1][1])
        return SpeakerInfo("", "anonymous", "unknown", f"“{low}” with no speaker before it")

    def _look_up(self, text: str) -> tuple[Actor | None, ActorGroup | None, str]:
        """The actor a mention's text names; else the actor group it is; else the side of a
        nationality word in it, or ""."""
        hit = self._looked_up.get(text)
        if hit is None:
            hit = self._looked_up[text] = self.actors.describe(text)
        return hit

    def _titled_person(self, mention: str, actor: Actor | None) -> SpeakerInfo | None:
        """A person named at the end of a mention that the words before type otherwise: 'Top House
        Intelligence Committee Republican Mike Turner of Ohio', 'SBU head Ivan Bakanov', 'Kenya's
        U.N. Ambassador Martin Kimani'. The side is the person's own if listed, else the one the
        words before give (the owner of a possessive first: Kenya, not the U.N.); None when the
        mention does not end so, or the name is the listed institution's own ('Amnesty International')."""
        split = _titled_name(mention)
        if split is None:
            split = _name_of_institution(mention)
        if split is None:
            return None
        before, name = split
        if actor is not None and _last_word(name) in _alias_words(actor):
            return None
        info = self._named(name, "person")
        step = "the person named at the end of the mention"
        if info.type != "person" or info.side != "unknown":
            return _with(step, info) if info.type == "person" else None
        owner = _POSSESSOR.match(before)
        o_actor, o_group, o_side = self._look_up(owner.group(1) if owner else before)
        side = (o_actor.side if o_actor else o_group.side if o_group else o_side) or "unknown"
        return SpeakerInfo(info.name, "person", side, _join(step, _SIDE_TITLE if side != "unknown" else ""))

    def _named(self, name: str, typ: str) -> SpeakerInfo:
        info = self._named_as.get((name, typ))
        if info is None:
            actor = self.actors.find(name)
            if actor is not None:
                info = SpeakerInfo(actor.name, speaker_type(actor), actor.side, _SIDE_LIST)
            else:
                side = self.actors.side_of_adjectives(name) or "unknown"
                info = SpeakerInfo(name, typ, side, _SIDE_WORD if side != "unknown" else "")
            self._named_as[(name, typ)] = info
        return info

    def _full_name(self, mention: str, at: int) -> str:
        """A surname or short form → the most recent full name before ``at`` that ends with it."""
        words = _untitled_words(mention)
        if not words:
            return mention
        last = words[-1]
        if last.endswith(("’s", "'s")):
            last = last[:-2]  # 'Trump’s'
            words = (*words[:-1], last)
        best = ""
        for pos, full in self._by_surname.get(last, ()):
            if pos >= at + len(mention) + 1:
                break
            parts = full.split()
            if len(parts) > len(words) and _within(words, parts):
                best = full  # ('Sarah Sanders' is Sarah Huckabee Sanders; 'Saad Youssef' is not Torhan Youssef)
        if best:
            return best
        return " ".join(words)

    def named_after(self, surname: str, at: int) -> tuple[int, str] | None:
        """The first full name after ``at`` that ends with ``surname`` (a headline's 'Pence:' is
        'Mike Pence' of the article below it), with where it stands; None when there is none."""
        for pos, full in self._by_surname.get(surname, ()):
            if pos >= at and " " in full:
                return pos, full
        return None

    def _role_holder(self, mention: str, at: int) -> str:
        """'the pundit' → the last person named before ``at`` whom the text introduced with every
        word of the role ('Pundit Mahammad Asadullazada'; 'Araz Aslanli, head of the Caucasus
        Center … (QAFSAM)' for 'The head of QAFSAM'); '' when none or the mention is not definite."""
        wanted = _role_words(mention)
        if not wanted:
            return ""
        k = bisect_left(self._free_pos, at)
        while k > 0:
            k -= 1
            pos, full = self._free_names[k]
            if wanted <= self._introduction(pos, full):
                return full
        return ""

    def _earlier_role(self, mention: Mention, at: int) -> SpeakerInfo | None:
        """'the spokesman' → the unnamed office holder who spoke before as 'the spokesman for
        Nagorno-Karabakh’s president' (the last role speaker whose description has every word)."""
        wanted = _role_words(mention.text)
        if not wanted:
            return None
        k = bisect_left(self._speaker_pos, at)
        for _, s in reversed(self._speakers[max(0, k - 20) : k]):
            if s.type == "role" and wanted <= {w.casefold() for w in _WORD.findall(s.name)}:
                return _with("the same office spoken of before", s)
        # not (yet) a speaker: the same office described in full a little before ('the spokesman for
        # Nagorno-Karabakh’s president announced …'), whose description gives the side
        head = _LEADING_THE.sub("", mention.text).split()[-1]
        lo = max(0, mention.start - 1500)
        found = None
        if self.text.find(head, lo, mention.start) >= 0:
            for hit in _DESCRIBED_ROLE.finditer(self.text, lo, mention.start):
                if hit.group(1) == head:
                    found = hit  # the last one
        if found is None:
            return None
        words = []
        for w in _WORD.findall(found.group(2)):
            if not (_cap(w) or w.lower() in TITLES or w.lower() in ("the", "of")):
                break
            words.append(w)
        side = self.actors.side_of_words(" ".join(words))
        how = f"{_AS_WRITTEN}; side: the office described in full before"
        return SpeakerInfo(_LEADING_THE.sub("", mention.text), "role", side, how) if side else None

    def _side_after(self, mention: Mention) -> str:
        """The side of the place an unnamed group comes from, said right after the mention
        ('Separatists from the self-proclaimed “Republic of Artsakh” stated'), or 'unknown'."""
        m = _FROM_PLACE.match(self.text, mention.end, mention.end + 80)
        group = self.actors.group_of(m.group(1)) if m else None
        return group.side if group is not None else "unknown"

    def _joint(self, mention: Mention, at: int) -> SpeakerInfo | None:
        """Speakers named together ('the Foreign Ministry of Nagorno-Karabakh and Prime Minister
        Pashinyan', 'Thune and Republican Representative Tom Cole'): each resolved; the type of
        the first, the side they share (unknown when they differ or one is unknown).

        None unless every part is a speaker with a known side, or every part a name of
        capitalised words; names that are not all persons, with a part the text does not place,
        are kept as one name ('Food and Drug Administration', 'Canada and the United States')."""
        parts = [p for p in _AND.split(mention.text) if p]
        if len(parts) < 2 or len(parts) > 4:
            return None
        coalition = self.actors.coalition_of(parts)
        if coalition is not None:
            return SpeakerInfo(coalition.name, "organisation", coalition.side,
                               f"speakers named together: the {coalition.name} (actors list)")
        names_only = all(_NAME_LIKE.fullmatch(p) for p in parts)
        infos = []
        pos = mention.start
        for part in parts:
            pos = self.text.find(part, pos)
            words = _WORD.findall(part)
            if not words or not any(_cap(w) for w in words):
                return None
            info = self.resolve(Mention(part, pos, pos + len(part), _classify(words)), at=at)
            if info is None or info.type in ("pronoun", "unattributed") or (info.side == "unknown" and not names_only):
                return None  # a part the text does not place is no speaker of its own ('Homeland Security and …')
            infos.append(info)
        sides = {i.side for i in infos}
        if "unknown" in sides and not all(i.type == "person" and i.name for i in infos):
            return SpeakerInfo(_LEADING_THE.sub("", mention.text), infos[-1].type, "unknown",
                               "speakers named together, one of them with no known side")
        names = [i.name for i in infos]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        side = sides.pop() if len(sides) == 1 else "unknown"
        how = _join("speakers named together, each resolved",
                    "side: the side they share" if side != "unknown" else "side: theirs differ" if sides else "")
        return SpeakerInfo(name, infos[0].type, side, how)

    def _introduction(self, pos: int, full: str) -> frozenset[str]:
        """The words that introduce a person named at ``pos``: the title words just before the
        name and an apposition after it (', head of …,')."""
        hit = self._introductions.get(pos)
        if hit is None:
            at = self.text.find(full, pos, pos + 80)  # (``pos`` is where a title before the name starts)
            at = at if at >= 0 else pos
            before = _TITLE_RUN.search(self.text, max(0, at - 60), at)
            words = []
            for w in reversed(_WORD.findall(before.group()) if before else ()):
                if not (_cap(w) or w.lower().strip(".") in TITLES):
                    break  # 'the pundit said that Ali Karimli …' does not introduce Karimli
                words.append(w)
            end = at + len(full)
            m = _APPOSITION.match(self.text, end, end + 160)  # the apposition, closed within the sentence
            if m:
                words += _WORD.findall(m.group(1))
            hit = self._introductions[pos] = frozenset(w.casefold() for w in words)
        return hit

    def _office_side(self, full: str) -> str:
        """The side of the office a person was introduced with, in an apposition after the name
        ('Oleg Ustenko, economic adviser to Ukrainian President Volodymyr Zelensky,': ukrainian;
        'Linda Thomas-Greenfield, the U.S. ambassador to the United Nations,': international, the
        first side named); "unknown" unless the apposition names an office (a title word)."""
        hit = self._office_sides.get(full)
        if hit is None:
            hit = "unknown"
            for pos, name in self._names:
                if name != full:
                    continue
                end = self.text.find(full, pos, pos + 80)
                if end < 0:
                    continue
                m = _APPOSITION.match(self.text, end + len(full), end + len(full) + 160)
                hit = self._apposed_office_side(m.group(1)) if m else "unknown"
                if hit == "unknown":
                    hit = self._title_side(end, full)
                if m is not None or hit != "unknown":
                    break  # the first introduction only
            self._office_sides[full] = hit
        return hit

    def _apposed_office_side(self, apposition: str) -> str:
        """The side of an apposition that names an office ('the Russian ambassador to the US')."""
        words = _WORD.findall(apposition)
        k = 0
        while k < len(words) and words[k].lower().strip(".") not in TITLES and (
                words[k].lower() in _ROLE_GLUE or words[k].lower() in OFFICE_MODIFIERS or _cap(words[k])):
            k += 1  # ('the Russian ambassador', 'Vladimir Putin’s spokesman', 'a military analyst')
        if k < len(words) and words[k].lower().strip(".") in TITLES:
            return self._side_of(apposition.strip())
        return "unknown"

    def _title_side(self, at: int, full: str) -> str:
        """The side of the office named before a person's first mention at ``at``: 'White House
        press secretary Karine Jean-Pierre', 'Senior U.N. trade official Rebeca Grynspan' (the owner
        of a possessive first), or a title set off by a comma ('US Chairman of the Joint Chiefs of
        Staff, Gen. Mark Milley'); "unknown" when no title comes right before the name."""
        prev = _PREVIOUS_WORD.search(self.text, max(0, at - 40), at)
        if prev is None or not (prev.group(1) or prev.group(2).lower().strip(".") in _BEFORE_NAME):
            return "unknown"  # (no title or comma right before the name: nothing to read)
        lo = max(0, at - 150, self.text.rfind("\n", 0, at) + 1)  # (in the name's paragraph)
        mention = find_speaker_before(self.text, at + len(full), lo)
        if mention is None or not mention.text.endswith(full):
            return "unknown"
        before = mention.text[: -len(full)].rstrip()
        last = before.rsplit(None, 1)[-1].lower().strip(".,") if before else ""
        if last in TITLES or last in ROLE_NOUNS or last in _OFFICIAL:
            owner = _POSSESSOR.match(before)
            side = self._side_of(owner.group(1) if owner else before)
            if side != "unknown":
                return side
        if self.text[max(0, mention.start - 2) : mention.start] == ", " and (
                mention.text == full or mention.text.split()[0].lower().strip(".") in TITLES):
            office = find_speaker_before(self.text, mention.start - 2, lo)
            if office is not None and office.type == "role":
                return self._side_of(office.text)
        return "unknown"

    def _side_of(self, text: str) -> str:
        actor, group, side = self._look_up(text)
        return (actor.side if actor else group.side if group else side) or "unknown"

    def _note_gender(self, mention: str, name: str) -> None:
        """Remember a gender the mention states ('Spokeswoman', 'Mrs.', 'congressman')."""
        gender = _stated_gender(mention)
        if gender:
            self._gender[name] = gender

    def _sentence_first_name(self, at: int) -> str:
        """The first person named (outside quotes) earlier in the sentence that holds ``at``."""
        head = self.text[max(0, at - 300) : at]
        cut = max((m.end() for m in _SENTENCE_BREAK.finditer(head)), default=0)
        lo = at - len(head) + cut
        k = bisect_left(self._free_pos, lo)
        while k < len(self._free_names) and self._free_names[k][0] < at:
            pos, full = self._free_names[k]
            end = self.text.find(full.split()[-1], pos) + len(full.split()[-1])
            if _LOWER_NEXT.match(self.text[end : end + 3]):
                return full  # 'Ombudsman Artak Beklaryan started': the name that ends the subject
            k += 1
        return ""

    def _last_person(self, at: int, wanted: str = "") -> str:
        """The person mentioned last before ``at``, in full or by surname ('Gov. Cooper'), who can
        be of gender ``wanted`` (not a country the actors list knows: 'Saudi Arabia’s … he'), or ""."""
        if self._mentioned is None:
            self._mentioned = self._mentions_by_name()
        names, positions = self._mentioned
        k = bisect_left(positions, at)
        for _, full in reversed(names[max(0, k - 20) : k]):
            if self._may_be(full, wanted):
                return full
        return ""

    def _mentions_by_name(self) -> tuple[list[tuple[int, str]], list[int]]:
        """Every mention of a named person: the full names, and each later capitalised surname
        alone, given to the last full name before it that ends with it."""
        found = list(self._names)
        text = self.text
        for surname, fulls in self._by_surname.items():
            if len(surname) < 3 or not surname[0].isupper() or not self._may_be(surname, ""):
                continue  # (not 'Russia' of a run 'Both Russia')
            first = fulls[0][0]
            at = text.find(surname, first)
            while at >= 0:
                end = at + len(surname)
                if (not at or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    owner = self._full_name(surname, at)
                    if owner != surname and text.find(owner, max(0, at - len(owner)), end) < 0:  # (not the full name itself)
                        found.append((at, owner))
                at = text.find(surname, end)
        found.sort()
        return found, [pos for pos, _ in found]

    def _may_be(self, name: str, wanted: str) -> bool:
        """Can ``name`` be a person of gender ``wanted`` ("" for any)? Not when the actors list
        knows it as a group or institution, nor when its given name or the text says otherwise."""
        words = name.split()
        if self.actors.group_of(name) is not None or words[-1].lower() in _PLACE_HEADS \
                or len(words) <= 2 and words[-1].endswith("s") and words[0].lower() == "the":
            return False  # ('Dnipro River', 'the Russians')
        actor = self.actors.find(name)
        if actor is not None and actor.type != "person":
            return False
        gender = self._gender.get(name) or _gender_of(name, lone_word=False)
        return not wanted or not gender or gender == wanted


# interviews and conversations with someone: those interviewed speak
_INTERVIEWS_WITH = re.compile(
    r"(?:[Ii]nterviews?|[Cc]onversations?)\b[^,;:]*?\bwith\s+(?P<who>[^,;:]+?)"
    r"(?:\s+and\s+(?:(?:audio|video)\s+)?(?:recordings?|footage|videos?|documents?|messages?)\b.*)?$"
)


# the last word of a place's name: no 'he' or 'she'
_PLACE_HEADS = frozenset(
    "river sea lake mountains mountain island islands peninsula street avenue square bridge plant airport station "
    "region oblast province county city valley bay gulf strait coast park".split())


def _last_word(name: str) -> str:
    return name.rsplit(None, 1)[-1].casefold()


def _alias_words(actor: Actor) -> frozenset[str]:
    return frozenset(w.casefold() for alias in (actor.name, *actor.aliases) for w in _WORD.findall(alias))


# 'the pundit', 'The head of QAFSAM': a definite role mention, and the words that must introduce its holder
_DEFINITE_ROLE = re.compile(r"^(?:the|The)\s+([^\W\d][\w\s.’'-]*)$")
# 'the <office> for|of <description>': an office described by whom it serves
_DESCRIBED_ROLE = re.compile(r"\b[Tt]he\s+(\w+)\s+(?:for|of)\s+([^,.;:\n]{1,80})")


@lru_cache(maxsize=4096)
def _role_words(mention: str) -> frozenset[str]:
    """The words a definite mention of an office ('the pundit', 'The head of QAFSAM') needs in a
    person's introduction; empty when the mention is not one (its head is not a title)."""
    m = _DEFINITE_ROLE.match(mention)
    if not m:
        return frozenset()
    words = _WORD.findall(m.group(1))
    link = next((k for k, w in enumerate(words) if w.lower() in _ROLE_GLUE), len(words))
    if not link or words[link - 1].lower().strip(".") not in TITLES:
        return frozenset()  # 'the company', 'the report': not an office a person holds
    return frozenset(w.casefold() for w in words) - _ROLE_GLUE


# ' from the self-proclaimed “Republic of Artsakh”', ' in Baku': where an unnamed group is from (a
# qualifier and quotation marks are left to actors.bare_group_term)
_FROM_PLACE = re.compile(r"\s+(?:from|in)\s+((?:the\s+)?(?:[a-z-]+\s+)?[\"“]?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3})")


# ', head of the Caucasus Center … (QAFSAM),': an apposition that closes before the sentence ends
_APPOSITION = re.compile(r",([^,.;:\n]*),")


_NAME_LIKE = re.compile(rf"\s*{NAME_RUN}\s*")
# the joins of speakers named together ('Russia, France and the United States')
_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_ROLE_GLUE = frozenset("of for in at the a an".split())
# unnamed-source heads that are also offices before a name ('U.N. trade official Rebeca Grynspan')
_OFFICIAL = frozenset("official diplomat".split())
_BEFORE_NAME = TITLES | ROLE_NOUNS | _OFFICIAL
# the word right before a name, or the comma that ends an office set off before it
_PREVIOUS_WORD = re.compile(r"(?:(,)|([\w.’'-]+))\s+$")
# the title words right before a name ('Pundit ', 'Foreign Minister ', 'the spokesman, ')
_TITLE_RUN = re.compile(r"(?:[\w.’'-]+[ \t]+){1,4}$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’»]?\s+(?=[A-Z\"“‘'])|\n")
