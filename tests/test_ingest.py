"""Ingest stage: readers, error cases, boilerplate removal and language identification."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graphbuild.ids import document_id
from graphbuild.ingest import (
    IngestError,
    clean_text,
    detect_language,
    is_boilerplate,
    paragraph_languages,
    paragraph_spans,
    read_inputs,
)
from graphbuild.ingest.html import plain_text
from graphbuild.model import Document

DATA = Path(__file__).parent / "data" / "ingest"


def read_one(path: Path | str) -> Document | IngestError:
    results = list(read_inputs([str(path)]))
    assert len(results) == 1, results
    return results[0]


def doc(path: Path | str) -> Document:
    result = read_one(path)
    assert isinstance(result, Document), result
    return result


def error(path: Path | str) -> IngestError:
    result = read_one(path)
    assert isinstance(result, IngestError), result
    return result


# ---------------------------------------------------------------- readers


def test_html_page_main_text_and_metadata() -> None:
    d = doc(DATA / "page_en.html")
    assert d.source == str(DATA / "page_en.html")
    assert d.lang == "en"
    assert d.title == "Kirby: Moscow seeks shells from Pyongyang"
    assert d.published == "2023-08-31"
    assert d.outlet == "Example Daily"
    assert d.url == "https://daily.example.org/world/kirby-moscow-shells"
    assert d.id == document_id(d.text)
    for sentence in ("John Kirby told reporters", "Shoigu travelled to Pyongyang", "UN Security Council"):
        assert sentence in d.text
    for junk in ("Accessibility links", "Skip to content", "XS SM MD LG", "cookies", "Read also",
                 "Subscribe", "Home", "All rights reserved", "Privacy policy"):
        assert junk not in d.text
    assert d.text.count("Photo: Sergei Shoigu inspects a parade") <= 1
    assert d.paragraph_langs == ["en"] * len(paragraph_spans(d.text))


def test_txt_reader_keeps_title_and_drops_kazakh_boilerplate() -> None:
    d = doc(DATA / "article_kk.txt")
    assert d.lang == "kk"
    first = d.text.splitlines()[0]
    assert first == "Ресей Пхеньяннан оқ-дәрі сатып алмақ"
    assert d.title == first
    assert "Шойгу шілде айында Пхеньянға барып" in d.text
    assert "Фото: Reuters" not in d.text  # a credit, not a caption
    assert "Оқи отырыңыз" not in d.text
    assert "жазылыңыз" not in d.text


def test_txt_reader_russian_menu_caption_and_copyright() -> None:
    d = doc(DATA / "article_ru.txt")
    assert d.lang == "ru"
    lines = d.text.splitlines()
    for junk in ("Версия для слабовидящих", "Главная", "Новости", "Политика", "Читайте также",
                 "Подписывайтесь", "Все права защищены"):
        assert not any(line.startswith(junk) for line in lines), junk
    assert lines.count("Фото: Sergei Shoigu в Пхеньяне") == 1  # the repeated caption counts once
    assert lines[0].startswith("Представитель Белого дома")


def test_jsonl_records_errors_name_the_line() -> None:
    path = DATA / "articles.jsonl"
    results = list(read_inputs([str(path)]))
    assert [r.source for r in results] == [f"{path}#L{n}" for n in range(1, 6)]
    first, not_json, no_text, from_html, german = results
    assert isinstance(first, Document)
    assert (first.lang, first.title, first.published, first.outlet, first.url) == (
        "en", "Talks on ammunition", "2023-08-30", "Example Wire", "https://a.example.org/1")
    assert isinstance(not_json, IngestError) and "not valid JSON" in not_json.message
    assert isinstance(no_text, IngestError) and "no 'text' or 'html'" in no_text.message
    assert isinstance(from_html, Document)
    assert from_html.lang == "ru" and "Шойгу посетил Пхеньян" in from_html.text
    assert from_html.outlet == "Пример" and from_html.url == "https://a.example.org/4"
    assert isinstance(german, IngestError) and german.message == "unsupported language 'de'"
    assert str(german).startswith(str(path))


def test_folder_is_recursive_and_sorted_and_glob_matches_the_same() -> None:
    folder = DATA / "folder"
    sources = [r.source for r in read_inputs([str(folder)])]
    assert sources == [str(folder / "a_en.txt"), str(folder / "sub" / "b_kk.txt")]
    langs = [r.lang for r in read_inputs([str(folder / "**" / "*.txt")]) if isinstance(r, Document)]
    assert langs == ["en", "kk"]


def test_stdin_text_and_html() -> None:
    text = "North Korea denied the reports.\nRussia said nothing about the talks."
    [d] = read_inputs(["-"], stdin_text=text)
    assert isinstance(d, Document) and d.source == "-" and d.lang == "en"
    html = ("<html><body><article><p>Ресей Солтүстік Кореямен келіссөз жүргізіп жатыр.</p>"
            "</article></body></html>")
    [h] = read_inputs(["-"], stdin_text=html)
    assert isinstance(h, Document) and h.lang == "kk" and "<p>" not in h.text
    [e] = read_inputs(["-"], stdin_text="   \n")
    assert isinstance(e, IngestError) and e.source == "-"


def test_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes("Шойгу шілде айында Пхеньянға барды.".encode("utf-16"))
    assert doc(tmp_path / "u16.txt").lang == "kk"


def test_encodings_utf8_bom_and_cp1251() -> None:
    bom = doc(DATA / "bom_en.txt")
    assert bom.text.startswith("The UN Security Council")
    cp = doc(DATA / "cp1251_ru.txt")
    assert cp.lang == "ru" and "Сергей Лавров провёл переговоры" in cp.text


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("empty.txt", "empty file"),
        ("binary.bin", "binary file"),
        ("latin1_de.txt", "cannot decode"),
        ("does_not_exist.txt", "no such file"),
    ],
)
def test_bad_inputs_name_the_file(name: str, fragment: str) -> None:
    e = error(DATA / name)
    assert e.source == str(DATA / name)
    assert fragment in e.message
    assert str(e).startswith(str(DATA / name))


def test_bad_input_does_not_stop_the_run(tmp_path: Path) -> None:
    for name, copy in (("binary.bin", "scan.txt"), ("empty.txt", "empty.txt"), ("article_ru.txt", "a.txt")):
        shutil.copy(DATA / name, tmp_path / copy)
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article type: skipped inside folders", encoding="utf-8")
    results = list(read_inputs([str(tmp_path / "nope"), str(tmp_path), str(DATA / "article_kk.txt")]))
    kinds = [(Path(r.source).name, type(r).__name__) for r in results]
    assert kinds == [
        ("nope", "IngestError"),
        ("a.txt", "Document"),
        ("empty.txt", "IngestError"),
        ("scan.txt", "IngestError"),
        ("article_kk.txt", "Document"),
    ]


def test_explicit_file_of_unknown_type_is_sniffed(tmp_path: Path) -> None:
    html = "<html><body><p>Russia and China signed an agreement on energy.</p></body></html>"
    (tmp_path / "article").write_text(html, encoding="utf-8")
    d = doc(tmp_path / "article")
    assert d.text == "Russia and China signed an agreement on energy."
    assert error(DATA / "binary.bin").message.startswith("binary file")


def test_glob_without_matches_is_an_error() -> None:
    [e] = read_inputs([str(DATA / "*.nothing")])
    assert isinstance(e, IngestError) and "no files match" in e.message


def test_same_text_same_id_whatever_the_source(tmp_path: Path) -> None:
    text = (DATA / "article_kk.txt").read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_text("\n\n" + text.replace("\n", "\r\n"), encoding="utf-8")
    assert doc(tmp_path / "copy.txt").id == doc(DATA / "article_kk.txt").id


# ---------------------------------------------------------------- boilerplate


def test_cleaner_on_raw_page_text_drops_every_kind_of_boilerplate() -> None:
    raw = plain_text((DATA / "page_en.html").read_text(encoding="utf-8"))
    assert "XS SM MD LG" in raw and "Accessibility links" in raw  # the fixture really has them
    clean = clean_text(raw).splitlines()
    assert clean.count("Photo: Sergei Shoigu inspects a parade in Pyongyang") == 1
    assert clean.count("Kirby: Moscow seeks shells from Pyongyang") == 1
    for junk in ("Accessibility links", "Skip to content", "XS SM MD LG", "We use cookies",
                 "Read also", "Subscribe"):
        assert not any(junk in line for line in clean), junk
    assert sum("." in line for line in clean) == 3  # the three body paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "XS SM MD LG", "A A A", "Skip to main content", "Facebook Twitter Telegram WhatsApp",
        "USD 448.50 EUR 487.10 RUB 4.95", "Астана +12°C", "© 2023 Example. All rights reserved.",
        "Читайте также: Путин провёл совещание", "Подписывайтесь на наш канал",
        "Оқи отырыңыз: Тоқаев Мәскеуге барды", "Біздің Telegram арнамызға жазылыңыз",
        "Мы используем файлы cookie для улучшения работы сайта", "25.07.2023 14:30",
        "Фото: РИА Новости", "27 июля 2023, 09:15", "October 11, 2022", "2023 жылғы 12 шілде",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Russia said it would subscribe to the treaty only after talks with Washington.",
        "Источник в Минобороны сообщил о переговорах.",
        "Фото: Шойгу и Ким Чен Ын осматривают выставку вооружений",
        "Tags were added to every shell sent to Moscow, the report said.",
        "27 июля 2023 года Шойгу прибыл в Пхеньян.",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_breadcrumb_outlet_line_and_menu_above_a_known_title_go() -> None:
    text = ("Central Daily | World | Asia\n\nCentral Daily\nLive\nTalks resume in Vienna\n\n"
            "Iran and the IAEA resumed talks in Vienna on Monday.")
    assert clean_text(text, title="Talks resume in Vienna", outlet="Central Daily") == (
        "Talks resume in Vienna\n\nIran and the IAEA resumed talks in Vienna on Monday.")
    assert not is_boilerplate("Moscow | Beijing | Washington")  # a single line is judged by clean_text
    crumbs = "Home › News › Politics\nRussia and China signed a treaty."
    assert clean_text(crumbs) == "Russia and China signed a treaty."


def test_short_title_survives_but_top_menu_and_footer_go() -> None:
    text = ("Home\nWorld\nSport\nShoigu in Pyongyang\nShoigu visited Pyongyang in July.\n"
            "About us\nCareers\nJobs")
    assert clean_text(text) == "Shoigu in Pyongyang\nShoigu visited Pyongyang in July."
    titled = "Шойгу Пхеньянда\n25.07.2023\nШойгу шілде айында Пхеньянға барды."
    assert clean_text(titled).splitlines()[0] == "Шойгу Пхеньянда"


# ---------------------------------------------------------------- language identification


def _sentences() -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / "langid_sentences.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, sentence = line.split("\t")
            rows.append((lang, sentence))
    return rows


@pytest.mark.parametrize(("lang", "sentence"), _sentences())
def test_detect_language(lang: str, sentence: str) -> None:
    assert detect_language(sentence) == lang


def test_kazakh_and_kyrgyz_are_told_apart_by_letters() -> None:
    kk = [s for lang, s in _sentences() if lang == "kk"]
    ky = [s for lang, s in _sentences() if lang == "ky"]
    assert detect_language(" ".join(kk)) == "kk"
    assert detect_language(" ".join(ky)) == "ky"


def test_mixed_document_paragraph_languages() -> None:
    d = doc(DATA / "mixed_kk_ru.txt")
    assert d.lang == "kk"
    assert d.paragraph_langs == ["kk", "ru", "en", "kk"]
    assert paragraph_languages(d.text) == d.paragraph_langs


def test_short_paragraph_takes_the_document_language() -> None:
    text = "Шойгу\nРесей қорғаныс министрі Сергей Шойгу шілде айында Пхеньянға барды."
    assert paragraph_languages(text) == ["kk", "kk"]


def test_no_letters_is_undetermined() -> None:
    assert detect_language("12:30 — 2023") == "und"


def test_jsonl_accepts_common_scraper_field_names(tmp_path: Path) -> None:
    record = {"content": "Russia and Belarus agreed to hold joint drills in September.", "headline": "Drills",
              "date": "2024-05-02", "site": "Example Wire", "link": "https://a.example.org/9"}
    (tmp_path / "scraped.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    d = doc(tmp_path / "scraped.jsonl")
    assert (d.title, d.published, d.outlet, d.url) == ("Drills", "2024-05-02", "Example Wire",
                                                       "https://a.example.org/9")
    assert d.source == f"{tmp_path / 'scraped.jsonl'}#L1"


def test_lines_without_letters_and_broken_markup_do_not_stop_the_run() -> None:
    raw = "* * *\nRussia and China signed a deal.\n<<<>>>\n2023"
    assert clean_text(raw) == "Russia and China signed a deal."
    broken = "<html><body><p>Russia and China signed a gas deal.<p><div><<<>>></html>"
    [d] = read_inputs(["-"], stdin_text=broken)
    assert isinstance(d, Document) and d.text == "Russia and China signed a gas deal."


def test_furniture_is_cut_with_its_reason_and_captions_keep_their_text() -> None:
    from graphbuild.ingest.boilerplate import clean_text_report

    raw = ("Media say: Russia and China Plan Joint Drills\n\nBY AIGERIM SADYKOVA\n\n"
           "Russia and China will hold joint naval drills in July, officials said.\n\n"
           "Photo: Chinese warships in port. Reuters\n\nРИА Новости: Путин прибыл в Пекин\n\n"
           "Related stories\n\nKazakhstan hosts SCO summit\nTokayev meets Xi\n\n"
           "The drills follow talks in Beijing.")
    cleaned = clean_text_report(raw)
    assert cleaned.text.splitlines() == [
        "Russia and China Plan Joint Drills", "",
        "Russia and China will hold joint naval drills in July, officials said.", "",
        "Photo: Chinese warships in port.", "", "Путин прибыл в Пекин", "",
        "The drills follow talks in Beijing."]
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons == {
        "Media say: Russia and China Plan Joint Drills": "headline agency prefix cut",
        "BY AIGERIM SADYKOVA": "byline",
        "Photo: Chinese warships in port. Reuters": "photo credit cut",
        "РИА Новости: Путин прибыл в Пекин": "headline agency prefix cut",
        "Related stories": "related-articles heading",
        "Kazakhstan hosts SCO summit": "related-article headline",
        "Tokayev meets Xi": "related-article headline",
    }
