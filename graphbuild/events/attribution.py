"""Reported speech: who says the events of a sentence (reported_by).

Three kinds of cue, all from the lexicon: reporting verbs (мәлімдеді, заявил, said), cues whose
speaker stands right before them (Kazakh genitive + сөзінше/айтуынша), and cues whose speaker follows
them (по словам X, according to X).  Statements are not events: they only give reported_by.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.events.arguments import Arg, coordinated_with
from graphbuild.events.lexicon import Lexicon, Match, find_matches
from graphbuild.language.base import Token

SPEAKER_REACH = 4  # tokens between a cue and its speaker
_QUOTE_ENDS = {",", "»", "\"", "”", "—", "–", "-", ":"}


@dataclass
class Report:
    cue: Match
    speaker: Arg | None
    group: list[Arg] = field(default_factory=list)  # the speaker and those coordinated with it


def _word_coordinators(lex: Lexicon) -> set[str]:
    return {w for w in lex.raw.get("coordinators", []) if any(ch.isalpha() for ch in w)}


def pronoun_speaks(cue: Match, tokens: list[Token], lex: Lexicon) -> bool:
    """"He added", "Ол ... деді": a report whose speaker is a pronoun continues the previous speaker."""
    pronouns = set(lex.raw.get("pronouns", {})) | set(lex.raw.get("object_pronouns", {}))
    if lex.order == "SOV":
        # Kazakh drops the pronoun: a sentence-final report verb with no nominative actor before it.
        before = tokens[:cue.start]
        named = any(t.pos in ("PROPN", "NOUN") and t.case in (None, "Nom") for t in before)
        return not named or any(t.text.lower() in pronouns for t in before)
    near = tokens[max(0, cue.start - 2):cue.end] + tokens[cue.end:cue.end + 2]
    return any(t.text.lower() in pronouns for t in near)


def _nearest_left(args: list[Arg], pos: int, lo: int) -> Arg | None:
    left = [a for a in args if lo <= a.i and a.j <= pos and not a.absorbed and a.prep is None]
    return left[-1] if left else None


def _speaker_for_verb(cue: Match, tokens: list[Token], args: list[Arg], lex: Lexicon, lo: int,
                      first_trigger: int | None) -> Arg | None:
    usable = [a for a in args if not a.absorbed and a.kind != "Place"]  # places do not speak
    rest = [t for t in tokens[cue.end:] if any(ch.isalnum() for ch in t.text)]
    finite = tokens[cue.indices[-1]].feats.get("VerbForm") in (None, "Fin")
    if lex.order == "SOV" and rest and finite and not any(t.pos == "VERB" for t in rest):
        # "..., деп хабарлады Egemen Times": a verb that does not end the sentence has its speaker after it.
        after = [a for a in usable if a.i >= cue.end]
        return after[0] if after else None
    if lex.order == "SOV":
        # Kazakh puts the speaker first: "Кирби ... деп мәлімдеді".  Take the first nominative
        # actor before any event word, else the first nominative person before the verb.
        limit = first_trigger if first_trigger is not None else cue.start
        nominative = [a for a in usable if a.case in (None, "Nom") and a.prep is None and a.j <= cue.start]
        closed = [k for k in range(cue.start) if ends_adverbial_clause(tokens, k)]
        main = [a for a in nominative if closed and a.i > closed[-1]]
        if main:
            # "Ресей Украинаға басып кіргелі бері Батыс елдері ... мәлімдеген": the adverbial clause
            # keeps its own subject; the main clause's speaker follows it.
            return main[0]
        for a in nominative:
            if a.j <= limit:
                return a
        people = [a for a in nominative if a.kind == "Person"]
        if people:
            return people[0]
        after = [a for a in usable if cue.end <= a.i <= cue.end + SPEAKER_REACH]
        return after[0] if after else None
    pronouns = lex.raw.get("pronouns", {})
    if cue.start > 0 and tokens[cue.start - 1].text.lower() in pronouns:
        return None  # "which it said", "he added": the pronoun's referent, not the nearest name
    left = _nearest_left(usable, cue.start, lo)
    # "..., said Kirby", "«...», — заявил Кирби": an inverted speaker follows a verb that ends a quote.
    inverted = cue.start > 0 and tokens[cue.start - 1].text in _QUOTE_ENDS
    # Free word order: "Об этом заявил журналистам Песков" names its speaker after a clause-initial verb
    # (only right after it: "заявили, что США ..." names what was said).
    verb_first = not inverted and lex.raw.get("verb_first_speakers", False) and left is None
    inverted = inverted or verb_first
    after = [a for a in usable if inverted and cue.end <= a.i <= cue.end + SPEAKER_REACH and a.prep is None]
    # "..., said Kirby." ends with the name; "Kirby, the spokesman, said Russia attacked" goes on.
    closes = bool(after) and (after[0].j >= len(tokens) or not tokens[after[0].j].text[:1].isalnum()
                              or not lex.raw.get("inverted_speaker_ends_clause", False))
    # Foreign surnames often read as genitive plurals ("Пашинян"): a person right after the verb still speaks.
    # So does a multiword body whose last word is a genitive ("агентство Кореи").
    # "сообщили украинские власти": the demonym agrees in the nominative though its noun reads as genitive.
    nominative = bool(after) and (after[0].case in (None, "Nom") or tokens[after[0].i].case == "Nom" or (
        after[0].case == "Gen" and (
        after[0].kind == "Person" or (after[0].kind == "Organization" and after[0].j - after[0].i > 1))))
    if after and closes and nominative and all(t.text.isalnum() or "-" in t.text
                                               for t in tokens[cue.end:after[0].i]):
        return after[0]  # before the nearest name on the left, which belongs to the quote
    if inverted and not verb_first:
        # "..., сообщили в ГКНБ Киргизии": the institution in which it was said follows the verb.
        within = [a for a in usable if a.kind == "Organization" and a.prep in ("place", "to")
                  and cue.end < a.i <= cue.end + 2 and tokens[cue.end].text[:1].isalpha()]
        if within:
            return within[0]
    if left is not None and _across_comma(tokens[left.j:cue.start]):
        left = None  # "Iran did not attack Israel, the foreign minister said": Israel is no speaker
    office = _office_speaker(cue, tokens, usable, lex)
    if office is not None and (left is None or left.j <= office.i):
        return office  # "a spokesperson for the Ukrainian military said": the body speaks
    if left is not None and left.case in (None, "Nom"):
        return left
    if after and after[0].case in (None, "Nom") and not verb_first:
        return after[0]
    if left is None and cue.start > 0 and tokens[cue.start - 1].text.lower() in _word_coordinators(lex):
        # "Kishida and Yoon condemned the launch ... and said": the subject of the first verb speaks.
        earlier = [a for a in usable if a.j <= lo and a.prep is None and a.case in (None, "Nom")]
        if earlier:
            return earlier[0]
    if left is None:
        # "В Минобороны России назвали ...": an institution "in" which someone spoke.
        near = [a for a in usable if a.kind == "Organization" and a.prep == "place"
                and lo <= a.i and a.j <= cue.end + SPEAKER_REACH]
        if near:
            return near[0]
    return left


def ends_adverbial_clause(tokens: list[Token], k: int) -> bool:
    """A non-finite verb with a postposition after it ("кіргелі бері", "жасағаннан кейін") or an
    oblique case on a participle ("келгенде"): a time or reason clause with its own subject closes.
    A bare converb chain ("барып, ... кездесті") shares the main subject and closes nothing."""
    t = tokens[k]
    if t.pos != "VERB" or t.feats.get("VerbForm") not in ("Conv", "Part"):
        return False
    follows_adposition = k + 1 < len(tokens) and tokens[k + 1].pos == "ADP"
    return follows_adposition or (t.feats.get("VerbForm") == "Part" and t.feats.get("Case") in ("Loc", "Abl"))


def _across_comma(between: list[Token]) -> bool:
    """Words after the last comma before the verb are its own subject ("..., the minister said")."""
    commas = [n for n, t in enumerate(between) if t.text == ","]
    return bool(commas) and any(t.text[:1].isalpha() for t in between[commas[-1] + 1:])


def _office_speaker(cue: Match, tokens: list[Token], usable: list[Arg], lex: Lexicon) -> Arg | None:
    """"a spokesperson for X said", "an official at X told": X names who speaks (SVO only)."""
    nouns = set(lex.raw.get("speaker_nouns", []))
    if lex.order != "SVO" or not nouns:
        return None
    for arg in usable:
        if arg.j > cue.start or cue.start - arg.j > 2 or arg.prep is None:
            continue
        k = arg.i - 1
        while k > 0 and tokens[k].pos == "DET":
            k -= 1
        if k > 0 and tokens[k].text.lower() in lex.raw.get("speaker_noun_preps", []) \
                and (tokens[k - 1].lemma or tokens[k - 1].text).lower() in nouns:
            return arg
    return None


def claim_multiword_cues(tokens: list[Token], lex: Lexicon, used: set[int]) -> list[Match]:
    """Multiword reporting verbs ("деп атады") before their first word is read as a complementizer."""
    return find_matches(tokens, [p for p in lex.reporting_verbs if len(p.elements) > 1], used)


def find_reports(tokens: list[Token], args: list[Arg], lex: Lexicon, used: set[int],
                 boundaries: list[int], first_trigger: int | None, claimed: list[Match]) -> list[Report]:
    """Reporting cues of the sentence with their speakers; marks the speakers and updates ``used``."""
    reports: list[Report] = []
    for cue in find_matches(tokens, lex.speaker_before_cues, used):
        before = [a for a in args if cue.start - SPEAKER_REACH <= a.j <= cue.start and not a.modifier]
        reports.append(Report(cue, before[-1] if before else None))
    pronouns = set(lex.raw.get("pronouns", {})) | set(lex.raw.get("object_pronouns", {}))
    for cue in find_matches(tokens, lex.speaker_after_cues, used):
        if any(tokens[k].text.lower() in pronouns for k in range(cue.start, cue.end)):
            reports.append(Report(cue, None))  # "по его словам": the speaker named before
            continue
        # "как заявил пресс-секретарь Кремля Песков": the office's owner is absorbed, its holder speaks.
        after = [a for a in args if cue.end <= a.i <= cue.end + SPEAKER_REACH and not a.absorbed
                 and all(any(ch.isalnum() for ch in t.text) for t in tokens[cue.end:a.i])]  # not past a comma
        reports.append(Report(cue, after[0] if after else None))
    for cue in claimed + find_matches(tokens, lex.reporting_verbs, used):
        if len(cue.indices) == 1 and tokens[cue.start].pos not in ("VERB", "AUX", "", "X"):
            used.difference_update(cue.indices)  # "a state visit", "the report": not a speech verb
            continue
        lo = max([b + 1 for b in boundaries if b < cue.start], default=0)
        reports.append(Report(cue, _speaker_for_verb(cue, tokens, args, lex, lo, first_trigger)))
    for report in reports:
        if report.speaker is not None:
            # "Obama and Putin said": everyone coordinated with the speaker speaks.
            candidates = [a for a in args if not a.absorbed and a.prep is None]
            if report.speaker in candidates:
                report.group = coordinated_with(report.speaker, candidates, tokens, lex, words_only=True)
            else:
                report.group = [report.speaker]
            for arg in report.group:
                arg.speaker = True
    return reports
