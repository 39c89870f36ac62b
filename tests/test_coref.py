"""The coreference pass seen through graphbuild.events.coref.resolve (real analysis, parse and KB),
its typed lexicon, and the benchmark's readers and scores (bench/coref_*.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.events.coref.lexicon import parse
from graphbuild.events.coref.resolve import resolve, short_name_links
from graphbuild.model import Document, Mention

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))  # bench/ is not a package

import coref_gum  # noqa: E402
import coref_passages  # noqa: E402
from coref_scores import b_cubed, muc  # noqa: E402


def _links(text: str, lang: str, published: str = "2024-06-10") -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each link's words -> (kind, actors)."""
    r = resolve(Document(id="t", source="t", lang=lang, text=text, published=published))
    return {k.text: (k.kind, k.actors) for k in r.links}


def test_russian_pronoun_title_and_quoted_we() -> None:
    links = _links("Министр иностранных дел России Сергей Лавров прибыл в Анкару. Он провёл переговоры с "
                   "турецкой стороной. «Мы готовы к диалогу», — заявил Лавров. Министр также посетил посольство.",
                   "ru")
    assert links["Он"] == ("pronoun", ("person:sergey-lavrov",))
    assert links["Мы"] == ("first_person", ("RUS",))  # the minister speaks for his country
    assert links["Министр"] == ("title", ("person:sergey-lavrov",))  # introduced with that title


def test_quote_speaker_may_be_a_title_or_in_the_sentence_the_quote_ends_in() -> None:
    # "министр" is Lavrov (the KB's Minister of Foreign Affairs at the date, named before); the
    # quote's "наша" is then his country.  A quote running over two sentences has its speaker in the last.
    links = _links("Сергей Лавров заявил: «Мы не собираемся отступать». «Наша позиция известна», — добавил министр.",
                   "ru", "2024-06-01")
    assert links["министр"] == ("title", ("person:sergey-lavrov",))
    assert links["Наша"] == ("first_person", ("RUS",))
    en = _links("\"We will not retreat. We never did,\" Blinken said on Monday.", "en", "2024-06-01")
    assert en["We"] == ("first_person", ("USA",))


def test_pronoun_gender_and_kind_rule_out_the_nearest_name() -> None:
    # "она" is not Lavrov (masculine) but Zakharova; "it" is no person, "he" is no country.
    ru = _links("Мария Захарова выступила в Москве. Сергей Лавров прибыл в Анкару. Она заявила о поддержке.", "ru")
    assert ru["Она"] == ("pronoun", ("person:maria-zakharova",))
    en = _links("Sergei Lavrov visited China. It signed a deal with Kazakhstan. He left on Monday.", "en")
    assert en["It"] == ("pronoun", ("CHN",))
    assert en["He"] == ("pronoun", ("person:sergey-lavrov",))


def test_title_with_its_country_is_the_holder_at_the_article_date() -> None:
    links = _links("The Kazakh president met the Chinese leader in Astana.", "en", "2024-07-03")
    assert links["Kazakh president"] == ("title", ("person:kassym-jomart-tokayev",))
    # Before his term the office had another holder: the date decides, not the name.
    earlier = _links("The Kazakh president met the Chinese leader in Astana.", "en", "2010-01-01")
    assert earlier.get("Kazakh president", ("", ()))[1] != ("person:kassym-jomart-tokayev",)


def test_kazakh_pronoun_and_plural_parties() -> None:
    links = _links("Тоқаев Путинмен кездесті. Ол оған сыйлық берді. Екі ел басшылары құжатқа қол қойды.", "kk")
    assert links["Ол"] == ("pronoun", ("person:kassym-jomart-tokayev",))
    kind, members = links["Екі ел басшылары"]
    assert kind == "parties" and set(members) == {"person:kassym-jomart-tokayev", "Q7747"}


def test_dropped_subject_takes_the_earlier_subject() -> None:
    links = _links("Сергей Лавров прибыл в Анкару. Провёл переговоры с коллегой.", "ru")
    assert links["Провёл"] == ("dropped_subject", ("person:sergey-lavrov",))


def test_short_name_needs_the_full_name_earlier_in_the_same_article() -> None:
    full = Mention("d", 0, 10, "Ivan Petro", "Person", "en", actor="person:ivan-petro", source="ner")
    short = Mention("d", 30, 35, "Petro", "Person", "en", actor="person:ivan-petro", source="ner")
    assert [(k.text, k.antecedent) for k in short_name_links([full, short])] == [("Petro", (0, 10))]
    assert short_name_links([short]) == []  # an unknown bare surname with no full name: no link


def test_coref_lexicon_refuses_a_bad_entry_naming_the_file() -> None:
    with pytest.raises(ValueError, match=r"xx\.json: third_person 'he': 'Male' is not one of"):
        parse({"third_person": {"he": {"number": "Sing", "gender": "Male", "animacy": "Person"}}}, "xx.json")


def test_muc_and_b_cubed_on_hand_counted_chains() -> None:
    key = [{"a", "b", "c"}, {"d", "e"}]
    response = [{"a", "b"}, {"c", "d", "e"}]
    # MUC recall: (3-2 + 2-1) / (2 + 1) = 2/3; precision: (2-1 + 3-2) / (1 + 2) = 2/3.
    assert muc(key, response) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # B3 recall: a,b 2/3 each, c 1/3, d,e 1 each -> (2/3+2/3+1/3+1+1)/5 = 11/15; precision:
    # a,b 1 each, c 1/3, d,e 2/3 each -> (1+1+1/3+2/3+2/3)/5 = 11/15.
    p, r, _ = b_cubed(key, response)
    assert (p, r) == pytest.approx((11 / 15, 11 / 15))


def test_gum_reader_builds_chains_from_entity_brackets(tmp_path: Path) -> None:
    rows = [
        "# newdoc id = GUM_news_x", "# meta::dateCreated = 2015-08-21", "# sent_id = x-1",
        "# text = Kim spoke. He left.",
        "1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Kim)",
        "2\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No",
        "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_",
        "4\tHe\the\tPRON\tPRP\tPronType=Prs\t5\tnsubj\t_\tEntity=(1-person-giv-sssss-cf1-1-coref)",
        "5\tleft\tleave\tVERB\tVBD\t_\t2\tparataxis\t_\tSpaceAfter=No",
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_", ""]
    path = tmp_path / "GUM_news_x.conllu"
    path.write_text("\n".join(rows), encoding="utf-8")
    doc = coref_gum.read_gum_document(path)
    assert doc.date == "2015-08-21"
    assert [(m.chain, m.text, m.named, m.pronoun) for m in doc.mentions] == [
        ("1", "Kim", True, False), ("1", "He", False, True)]


def test_passage_reader_names_file_line_and_problem(tmp_path: Path) -> None:
    good = {"id": "p", "lang": "ru", "text": "Лавров прибыл. Он уехал.", "date": "2024-01-01",
            "items": [{"start": 15, "end": 17, "text": "Он", "kind": "pronoun",
                       "antecedent": {"start": 0, "end": 6, "text": "Лавров"}, "kb_hint": "Sergei Lavrov"}]}
    bad = json.loads(json.dumps(good))
    bad["items"][0]["end"] = 18
    path = tmp_path / "ru.jsonl"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with pytest.raises(coref_passages.PassageError, match=r"ru\.jsonl:2: item 1 'Он' does not match the text"):
        coref_passages.read_passages(path)
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    [passage] = coref_passages.read_passages(path)
    assert passage.items[0].antecedent == (0, 6, "Лавров")


def test_bench_says_which_data_is_missing(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(REPO / "bench" / "coref_eval.py"), "kk", "--passages", str(tmp_path)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 2
    assert f"coref benchmark data missing: {tmp_path / 'kk.jsonl'}" in run.stderr


def test_object_pronoun_after_a_thing_stands_for_the_thing() -> None:
    # "calling it unlawful": "it" is the budget, not Japan or Vietnam; after an actor it is the actor.
    text = ("Japan signed a treaty with Vietnam. The parliament rejected the new budget, calling it unlawful. "
            "Russia blamed Ukraine, calling it a terrorist state.")
    found = resolve(Document(id="t", source="t", lang="en", text=text, published="2024-06-10")).links
    assert [(text[k.start:k.end], k.actors) for k in found if k.kind == "pronoun"] == [("it", ("UKR",))]
    ru = _links("Япония подписала договор с Вьетнамом. Парламент отверг доклад, назвав его ложью.", "ru")
    assert "его" not in ru


def test_pronoun_prefers_the_main_clause_subject() -> None:
    # "Украина" is the latest subject but of an embedded clause; "Она" continues the topic, Russia.
    links = _links("Россия заявила, что ответит, если Украина нанесёт удар. Она также предупредила США.", "ru")
    assert links["Она"] == ("pronoun", ("RUS",))


def test_plural_party_descriptions_from_the_coref_lexicon() -> None:
    # "Лидеры" is read as several (plural); "президент" alone in the last sentence is one person, no group.
    ru = _links("Касым-Жомарт Токаев встретился с Шавкатом Мирзиёевым в Ташкенте. Лидеры подписали договор. "
                "Президент Казахстана вернулся в Астану.", "ru", "2024-06-10")
    kind, members = ru["Лидеры"]
    assert kind == "parties" and set(members) == {"person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"}
    assert ru.get("Президент Казахстана", ("title", ()))[0] == "title"
    # Kazakh "екі ел" wants countries, not the people named beside them.
    kk = _links("Қазақстан мен Өзбекстан шекара туралы келісімге қол қойды. Екі ел сауданы арттырмақ.", "kk")
    assert kk["Екі ел"][0] == "parties" and set(kk["Екі ел"][1]) == {"KAZ", "UZB"}


def test_title_with_its_country_is_the_person_the_article_named_in_that_office() -> None:
    # "Leader" is a broad office: the person the article named who holds one of its offices for that country.
    links = _links("Президент России Владимир Путин и министр иностранных дел Сергей Лавров прибыли в Пекин. "
                   "«Мы ценим партнёрство», — сказал российский лидер. Рядом с ним стоял Лавров.", "ru", "2024-05-16")
    assert links["российский лидер"] == ("title", ("Q7747",))
    # The pronoun after the titled speaker is the person, not the country named by the adjective.
    assert links["ним"] == ("pronoun", ("Q7747",))
    # A title word the coreference lexicon adds ("премьер") beside a demonym, with the holder from the KB.
    hu = _links("Венгерский премьер выступил в Брюсселе.", "ru", "2024-07-01")
    assert hu["Венгерский премьер"] == ("title", ("person:viktor-orban",))


def test_kazakh_ol_prefers_a_person_that_fits() -> None:
    # The latest subject is a country; "Ол ... деді" is the minister named before it.
    links = _links("Сергей Лавров Анкараға келді. Түркия келіссөздерге дайын екенін мәлімдеді. "
                   "Ол бейбітшілікке шақырды.", "kk", "2024-06-10")
    assert links["Ол"] == ("pronoun", ("person:sergey-lavrov",))


def test_quoted_we_of_a_ministry_spokesperson_is_the_state() -> None:
    links = _links("Официальный представитель МИД Китая Мао Нин выступила на брифинге. "
                   "«Мы против санкций», — сказала Мао Нин.", "ru", "2024-06-10")
    assert links["Мы"] == ("first_person", ("CHN",))


def test_description_from_the_coref_lexicon_and_a_person_after_the_noun() -> None:
    # "организация" is a description the coreference lexicon adds; "альянса Йенс Столтенберг": the
    # person after the noun is the title's holder, so "альянса" still refers back to NATO.
    links = _links("Армения заморозила участие в ОДКБ. Пашинян заявил, что организация не выполнила обязательств.",
                   "ru", "2024-02-23")
    assert links["организация"] == ("description", ("org:csto",))
    nato = _links("Финляндия вступила в НАТО. Генеральный секретарь альянса Йенс Столтенберг приветствовал это.",
                  "ru", "2023-04-04")
    assert nato["альянса"] == ("description", ("Q7184",))


def test_coref_lexicon_refuses_a_bad_party_word_and_title_list() -> None:
    with pytest.raises(ValueError, match=r"xx\.json: party_words 'лидер': 'People' is not one of"):
        parse({"party_words": {"лидер": {"kind": "People"}}}, "xx.json")
    with pytest.raises(ValueError, match=r"xx\.json: broad_titles must be an object of word -> list of titles"):
        parse({"broad_titles": {"Leader": "President"}}, "xx.json")


def test_titled_subject_is_the_topic_and_a_relative_clause_shares_the_subject() -> None:
    # "Северокорейский лидер заявил": the title is the subject, so the next dropped subject is Kim, not
    # Lavrov; "где посетил" has no subject of its own: the one of the clause above.
    links = _links("Сергей Лавров прибыл в Пхеньян и встретился с Ким Чен Ыном. Северокорейский лидер заявил о "
                   "поддержке Москвы. Пообещал укреплять связи.", "ru", "2023-10-19")
    assert links["Пообещал"] == ("dropped_subject", ("Q56226",))
    visit = _links("Владимир Путин прибыл в Пекин. Затем отправился в Харбин, где посетил выставку.", "ru",
                   "2024-05-16")
    assert visit["посетил"] == ("dropped_subject", ("Q7747",))


def test_quoted_we_of_a_titled_or_unnamed_speaker() -> None:
    # "— сказал армянский премьер": the speaker is the person of the title, "we" his country;
    # "— добавил." with no subject: the dropped subject's actor speaks.
    links = _links("Никол Пашинян выступил в Ереване. «Мы не видим пользы», — сказал армянский премьер.", "ru",
                   "2024-02-23")
    assert links["Мы"] == ("first_person", ("ARM",))
    dropped = _links("Дональд Туск прибыл в Брюссель. «Мы готовы ответить», — добавил.", "ru", "2025-09-10")
    assert dropped["Мы"] == ("first_person", ("POL",))


def test_kazakh_head_of_state_is_kazakhstans_president_after_a_locative() -> None:
    # The coref lexicon's home title: Kazakhstan's president at the date, even after another president
    # was named; a noun in the locative before it ("7 қаңтарда") is no owner of the title.
    links = _links("Владимир Путин Астанаға келді. 7 қаңтарда Мемлекет басшысы халыққа үндеу жасады.", "kk",
                   "2022-01-07")
    assert links["Мемлекет басшысы"] == ("title", ("person:kassym-jomart-tokayev",))


def test_plural_pronoun_after_two_named_sides_stands_for_both() -> None:
    links = _links("Тоқаев Мирзиёевпен Ташкентте кездесті. Олар сауда туралы келісімге қол қойды.", "kk")
    kind, members = links["Олар"]
    assert kind == "pronoun" and set(members) == {"person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"}


def test_kazakh_loose_subjects_a_genitive_subject_is_a_slip() -> None:
    # The parser tags "қақтығыстардың" (genitive) the subject of "білдірді": with the Kazakh lexicon's
    # loose_subjects the verb still has a dropped subject, the one who spoke before.
    links = _links("Тоқаев Мәскеудің бастамасын қолдайтынын айтты. Шекарадағы қақтығыстардың енді "
                   "қайталанбайтынына сенім білдірді.", "kk", "2023-09-14")
    assert links["білдірді"] == ("dropped_subject", ("person:kassym-jomart-tokayev",))
    with pytest.raises(ValueError, match=r"xx\.json: loose_subjects must be true or false"):
        parse({"loose_subjects": "yes"}, "xx.json")


def test_country_adjective_before_a_side_noun_is_the_country() -> None:
    links = _links("Мединский заявил, что российская сторона удовлетворена результатом.", "ru", "2025-05-16")
    assert links["российская сторона"] == ("description", ("RUS",))
    kk = _links("Душанбе арандатуды қырғыз тарабы бастағанын мәлімдеді.", "kk", "2022-09-16")
    assert kk["қырғыз тарабы"] == ("description", ("KGZ",))


def test_bench_prints_wrong_items_and_scores_a_group_answer(tmp_path: Path) -> None:
    # Two items of our own: "Лидеры" (a group: right when the antecedent's actor is a member and the
    # other member is named in the hint) and "Он" annotated with the object (the rules take the subject).
    text = "Касым-Жомарт Токаев встретился с Шавкатом Мирзиёевым в Ташкенте. Лидеры подписали договор. Он уехал."
    items = [{"start": text.index("Лидеры"), "end": text.index("Лидеры") + 6, "text": "Лидеры", "kind": "description",
              "antecedent": {"start": 0, "end": len("Касым-Жомарт Токаев"), "text": "Касым-Жомарт Токаев"},
              "kb_hint": "Kassym-Jomart Tokayev and Shavkat Mirziyoyev"},
             {"start": text.index("Он"), "end": text.index("Он") + 2, "text": "Он", "kind": "pronoun",
              "antecedent": {"start": text.index("Шавкатом"), "end": text.index(" в Ташкенте"),
                             "text": "Шавкатом Мирзиёевым"}, "kb_hint": "Shavkat Mirziyoyev"}]
    row = {"id": "t-1", "lang": "ru", "date": "2024-06-10", "text": text, "items": items}
    (tmp_path / "ru.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "bench" / "coref_eval.py"), "ru", "--passages", str(tmp_path),
                          "--errors"], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0, run.stderr
    assert "description         1  answered    1  right    1" in run.stdout
    assert "[t-1 pronoun] 'Он' -> 'Шавкатом Мирзиёевым'" in run.stdout


def test_guest_is_the_other_side_of_the_clause_subject() -> None:
    # "гостя" with no country: the latest person named who acts for none of the subject's states
    # (Putin is Russia's, so the guest is Tokayev); "немецкого гостя": the German the article named.
    links = _links("Касым-Жомарт Токаев прибыл в Москву. В Кремле его встретил Владимир Путин. "
                   "Путин поблагодарил гостя за визит.", "ru", "2024-06-10")
    assert links["гостя"] == ("title", ("person:kassym-jomart-tokayev",))
    de = _links("Олаф Шольц прибыл в Астану. Президент Казахстана призвал немецкого гостя расширять инвестиции.",
                "ru", "2023-09-20")
    assert de["немецкого гостя"] == ("title", ("person:olaf-scholz",))


def test_antecedent_gender_from_its_past_tense_verb() -> None:
    # The tagger may read a foreign first name as feminine; "прибыл" shows the man, so "его" is Macron,
    # not the palace named in the sentence.
    links = _links("Президент Франции Эммануэль Макрон прибыл в Астану. В Акорде его встретил Касым-Жомарт Токаев.",
                   "ru", "2023-11-01")
    assert links["его"] == ("pronoun", ("person:emmanuel-macron",))


def test_plural_verb_without_subject_is_the_institution_it_is_located_in() -> None:
    # "В Пекине ... осудили": Beijing's indefinite "they" (China), not Xi named as the earlier subject.
    links = _links("Си Цзиньпин провёл переговоры с Байденом. В Пекине это высказывание осудили.", "ru", "2023-06-21")
    assert links["осудили"] == ("dropped_subject", ("CHN",))


def test_coref_lexicon_adds_cue_words_to_an_event_lexicon_noun() -> None:
    # "блок" of the event lexicon wants a union or association; the coreference lexicon adds "treaty",
    # so the bloc Finland joined is NATO (North Atlantic Treaty Organization).
    links = _links("Финляндия стала членом НАТО. Кремль хотел остановить расширение блока.", "ru", "2023-04-04")
    assert links["блока"] == ("description", ("Q7184",))


def test_coref_lexicon_title_word_standing_alone() -> None:
    # "премьер" (the coreference lexicon's word for Prime Minister) after the article named Tusk with
    # that office: the quote's speaker, so "Біз" is Poland.
    links = _links("Польша премьер-министрі Дональд Туск кеңес өткізуді сұрады. «Біз арандатуға берілмейміз», "
                   "– деді премьер.", "kk", "2025-09-10")
    assert links["премьер"] == ("title", ("person:donald-tusk",))
    assert links["Біз"] == ("first_person", ("POL",))


def test_a_pronoun_prefers_the_main_clause_subject_to_an_embedded_one() -> None:
    # Kazakh puts the embedded clause (Мирзиёев ұсынған: "that Mirziyoyev proposed") after the main
    # subject; "Ол" in the next sentence is still Tokayev, who made the statement.
    links = _links("Тоқаев Мирзиёев ұсынған жобаны қолдайтынын мәлімдеді. Ол Ташкентке барды.", "kk")
    assert links["Ол"] == ("pronoun", ("person:kassym-jomart-tokayev",))


def test_it_after_a_body_in_subject_position_is_the_body_s_owner() -> None:
    # "Egypt's embassy" is the subject: the embassy acts for Egypt, so the next "It" is Egypt, not
    # Turkey, the nearer name of the embedded clause.
    links = _links("Egypt's embassy in Ankara said the talks would resume if Turkey agreed. It also thanked "
                   "Qatar for its help.", "en")
    assert links["It"] == ("pronoun", ("EGY",))


def test_object_pronoun_is_not_the_subject_pronoun_of_its_own_clause() -> None:
    # "Он" is Lavrov; "его" in the same clause is then the other man, not Lavrov again.
    links = _links("Сергей Лавров похвалил Ван И на переговорах в Пекине. Он поблагодарил его за поддержку.", "ru")
    assert links["Он"] == ("pronoun", ("person:sergey-lavrov",))
    assert links["его"] == ("pronoun", ("person:wang-yi",))


def test_an_antecedents_number_is_the_one_its_verb_shows() -> None:
    # The tagger reads "Никол Пашинян" as plural; "заявил" shows one man, so "его" may stand for him.
    links = _links("Премьер-министр Армении Никол Пашинян заявил, что Армения поддержит переговоры. "
                   "По его словам, Европа ошибается.", "ru", "2019-06-01")
    assert links["его"] == ("pronoun", ("person:nikol-pashinyan",))


def test_kazakh_verb_with_a_nominative_actor_after_it_has_no_dropped_subject() -> None:
    # "– деді Рахмон": the speaker follows the verb (the parse hangs him on the next noun); the verb's
    # subject is not dropped, so it is not Tokayev of the sentence before.
    links = _links("Тоқаев Душанбеге барды. «Бұл келісім екі ел үшін маңызды», – деді Рахмон баспасөз мәслихатында.",
                   "kk", "2024-06-01")
    assert "деді" not in links


def test_quoted_we_of_an_unknown_ministry_is_the_state_named_beside_it() -> None:
    # "МИД" alone is no body the knowledge base knows; "турецкого" beside it says whose it is.
    links = _links("Турецкая делегация прибыла в Баку. «Мы поддержим союзника», — заявил глава турецкого МИД.",
                   "ru", "2024-06-01")
    assert links["Мы"] == ("first_person", ("TUR",))


def test_quote_speaker_of_a_multiword_reporting_verb_with_a_dropped_subject() -> None:
    # "деп атап өтті" reports with two words and no subject: its dropped subject (the president) speaks.
    links = _links("Қазақстан Президенті Ташкентке барды. «Біз көршілермен достықты нығайтамыз», – деп атап өтті.",
                   "kk", "2024-06-01")
    assert links["Біз"] == ("first_person", ("KAZ",))


def test_kazakh_description_after_the_subjects_name_refers_back() -> None:
    # "Пашинян ұйымның": the name is the clause's subject, not the owner of the bare "ұйым" (an owner would
    # leave a possessive ending on it: "Ресей министрлігі"), so the organisation is the CSTO named before.
    links = _links("Армения Ұжымдық қауіпсіздік туралы шарт ұйымына мүшелігін тоқтатты. Пашинян ұйымның "
                   "міндеттемелерін орындамағанын айтты.", "kk", "2024-06-01")
    assert links["ұйымның"] == ("description", ("org:csto",))
