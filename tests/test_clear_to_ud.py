"""ClearNLP relations (spaCy's OntoNotes English pipeline) rewritten as Universal Dependencies."""

from __future__ import annotations

from graphbuild.language.syntax.clear_to_ud import Word, to_ud


def words(rows: str) -> list[Word]:
    """Rows "word head(1-based, 0 root) label UPOS [entity] [person] [poss]" -> Words."""
    out = []
    for line in rows.strip().splitlines():
        form, head, dep, pos, *rest = line.split()
        entity = int(rest[0]) if rest else -1
        out.append(Word(int(head) - 1, dep, pos, form, entity, "person" in rest, "poss" in rest))
    return out


def arcs(rows: str) -> list[tuple[str, int, str]]:
    ws = words(rows)
    return [(w.lemma, h + 1, rel) for w, (h, rel) in zip(ws, to_ud(ws), strict=True)]


def test_a_preposition_marks_its_object_which_attaches_to_the_verb_or_noun() -> None:
    assert arcs("""
Russia 2 nsubj PROPN
struck 0 ROOT VERB
targets 2 dobj NOUN
in 3 prep ADP
Kyiv 4 pobj PROPN
on 2 prep ADP
Monday 6 pobj PROPN
""") == [("Russia", 2, "nsubj"), ("struck", 0, "root"), ("targets", 2, "obj"), ("in", 5, "case"),
         ("Kyiv", 3, "nmod"), ("on", 7, "case"), ("Monday", 2, "obl")]


def test_a_multiword_preposition_marks_the_noun_and_a_preposition_with_a_clause_is_its_mark() -> None:
    assert arcs("""
Iran 2 nsubj PROPN
acted 0 ROOT VERB
according 2 prep VERB
to 3 prep ADP
reports 4 pobj NOUN
by 2 prep ADP
supplying 6 pcomp VERB
drones 7 dobj NOUN
""") == [("Iran", 2, "nsubj"), ("acted", 0, "root"), ("according", 5, "case"), ("to", 5, "case"),
         ("reports", 2, "obl"), ("by", 7, "mark"), ("supplying", 2, "advcl"), ("drones", 7, "obj")]


def test_the_predicate_of_a_copula_heads_the_clause_except_after_there() -> None:
    assert arcs("""
The 2 det DET
deal 3 nsubj NOUN
is 0 ROOT AUX
a 5 det DET
violation 3 attr NOUN
""") == [("The", 2, "det"), ("deal", 5, "nsubj"), ("is", 5, "cop"), ("a", 5, "det"), ("violation", 0, "root")]
    assert arcs("""
There 2 expl PRON
is 0 ROOT VERB
a 4 det DET
risk 2 attr NOUN
""") == [("There", 2, "expl"), ("is", 0, "root"), ("a", 4, "det"), ("risk", 2, "nsubj")]


def test_a_persons_name_is_headed_by_its_first_word_and_its_title_describes_it() -> None:
    assert arcs("""
Minister 3 compound PROPN
Sergei 3 compound PROPN 0 person
Lavrov 4 nsubj PROPN 0 person
said 0 ROOT VERB
""") == [("Minister", 2, "nmod:desc"), ("Sergei", 4, "nsubj"), ("Lavrov", 2, "flat"), ("said", 0, "root")]


def test_other_names_keep_their_last_word_as_head() -> None:
    assert arcs("""
General 2 compound PROPN 0
Assembly 3 nsubj PROPN 0
voted 0 ROOT VERB
""") == [("General", 2, "compound"), ("Assembly", 3, "nsubj"), ("voted", 0, "root")]


def test_a_name_written_with_its_clitic_owns_the_noun() -> None:
    assert arcs("""
Russia's 2 compound PROPN 0 poss
war 3 nsubj NOUN
continued 0 ROOT VERB
""") == [("Russia's", 2, "nmod:poss"), ("war", 3, "nsubj"), ("continued", 0, "root")]


def test_a_conjunction_hangs_on_the_conjunct_it_introduces_and_to_marks_an_infinitive() -> None:
    assert arcs("""
Russia 4 nsubj PROPN
and 1 cc CCONJ
China 1 conj PROPN
agreed 0 ROOT VERB
to 6 aux PART
talk 4 xcomp VERB
""") == [("Russia", 4, "nsubj"), ("and", 3, "cc"), ("China", 1, "conj"), ("agreed", 0, "root"),
         ("to", 6, "mark"), ("talk", 4, "xcomp")]


def test_an_object_predicate_is_an_xcomp_and_a_passive_keeps_its_subtype() -> None:
    assert arcs("""
Mexico 2 nsubj PROPN
called 0 ROOT VERB
raid 2 dobj NOUN
violation 2 oprd NOUN
""") == [("Mexico", 2, "nsubj"), ("called", 0, "root"), ("raid", 2, "obj"), ("violation", 2, "xcomp")]
    assert arcs("""
envoy 3 nsubjpass NOUN
was 3 auxpass AUX
summoned 0 ROOT VERB
by 3 agent ADP
ministry 4 pobj NOUN
""") == [("envoy", 3, "nsubj:pass"), ("was", 3, "aux:pass"), ("summoned", 0, "root"), ("by", 5, "case"),
         ("ministry", 3, "obl:agent")]
