"""Encodings (issue 10): each sample decodes to exactly its text, or is refused, never misread."""

from __future__ import annotations

import codecs
from typing import NamedTuple

import pytest

from pressfeed.decoding import UndecodableError, decode_text
from pressfeed.readers import DocError, iter_inputs

pytestmark = pytest.mark.issue(10)


class Sample(NamedTuple):
    language: str
    encoding: str
    text: str


ES = "El ministro José Núñez anunció ayer ¿una inversión? de ¥350 millones en Cádiz."
FR = "Le ministre François Lefèvre a déclaré à l’AFP que l’État paiera 5 € « dès l’été »."
DE = "Die Straße in München wird für 2,5 Mio. € gesperrt, sagte Jürgen Müller (Grüne)."
PT = "A ministra de São Paulo anunciou ações de informação e educação."
DA = "Søren Ærø fra København og Åse taler i dag."
TR = "Türkiye Dışişleri Bakanlığı, İstanbul’da yeni bir şirket kurduğunu açıkladı; Ağrı ve Şırnak."
PL = "Minister Łukasz Wróbel ogłosił w Łodzi, że gęś i żółw zażółcą jaźń."
CS = "Ministr Jiří Dvořák řekl, že příliš žluťoučký kůň úpěl ďábelské ódy v Plzni."
RU = "Министр иностранных дел Сергей Лавров заявил, что проект будет завершён в 2026 году."
KK = "Қазақстан Республикасының Үкіметі жаңа бағдарламаны ұсынды, деді Әлихан Бөкейханов."
# Kazakh as typed in the cp1251 and KOI8-R era: Russian letters for the ones those code pages
# lack (қ -> к, ү -> у, ә -> а ...), the Ukrainian і where cp1251 has it.
KK_CP1251 = "Казакстан Республикасынын Укіметі жана багдарламаны усынды, деді Алихан Букейханов."
KK_KOI8 = "Казакстан Республикасынын Укиметы жана багдарламаны усынды, деди Алихан Букейханов."
JA = "東京都は新しい計画を発表した。予算は３５０億円で、２０２６年に完成する。"

SAMPLES = [
    Sample("Spanish", "cp1252", ES),
    Sample("Spanish short", "latin-1", "José Núñez"),
    Sample("French", "cp1252", FR),
    Sample("French", "latin-1", "Élève, garçon, où êtes-vous ? Noël à l'hôtel."),
    Sample("German", "cp1252", DE),
    Sample("German", "latin-1", "Größe und Übergabe der Äpfel in Köln."),
    Sample("Portuguese", "cp1252", PT),
    Sample("Danish", "latin-1", DA),
    Sample("amounts only", "cp1252", "Revenue rose to ¥350 million — about £2 million."),
    Sample("Turkish", "cp1254", TR),
    Sample("Turkish", "iso8859_9", TR.replace("’", "'")),
    Sample("Polish", "cp1250", PL),
    Sample("Polish", "iso8859_2", PL),
    Sample("Czech", "cp1250", CS),
    Sample("Czech", "iso8859_2", CS),
    Sample("Russian", "cp1251", RU),
    Sample("Russian", "koi8_r", RU),
    Sample("Kazakh", "kz1048", KK),
    Sample("Kazakh", "cp1251", KK_CP1251),
    Sample("Kazakh", "koi8_r", KK_KOI8),
    Sample("Japanese", "shift_jis", JA),
    Sample("Japanese", "cp932", JA),
    Sample("Russian", "utf-16-le with BOM", RU),
    Sample("Japanese", "utf-16-be with BOM", JA),
    Sample("Kazakh", "utf-8 with BOM", KK),
    Sample("Turkish", "utf-32 with BOM", TR),
    Sample("Kazakh", "utf-8", KK),
]


def encode(sample: Sample) -> bytes:
    boms = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}
    name, _, bom = sample.encoding.partition(" with ")
    if bom:
        prefix = boms.get(name, codecs.BOM_UTF8 if name == "utf-8" else b"")
        return prefix + sample.text.encode("utf-32" if name == "utf-32" else name)
    return sample.text.encode(name)


@pytest.mark.parametrize("sample", SAMPLES, ids=[f"{s.language}-{s.encoding}" for s in SAMPLES])
def test_every_sample_decodes_exactly(sample):
    text, warning = decode_text(encode(sample))
    assert text == sample.text
    if not sample.encoding.startswith("utf"):
        assert warning and warning.startswith("not UTF-8: decoded as")


def test_the_table_covers_the_issue():
    assert len(SAMPLES) >= 20
    encodings = {s.encoding for s in SAMPLES}
    assert {"cp1251", "koi8_r", "shift_jis", "utf-16-le with BOM"} <= encodings
    for language in ("Spanish", "French", "German", "Turkish", "Polish", "Czech", "Russian", "Kazakh"):
        assert any(s.language == language for s in SAMPLES), language


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(128, 256)) * 4,  # every high byte: no language writes this
        codecs.BOM_UTF16_LE + b"a\x00b",  # odd length after a UTF-16 mark
        "Ìèíèñòð çàÿâèë ¤¦¨¬".encode("cp1252"),  # mojibake that no reading makes sense of
    ],
    ids=["all-high-bytes", "broken-utf16", "mojibake"],
)
def test_implausible_bytes_are_refused(data):
    with pytest.raises(UndecodableError):
        decode_text(data)


def test_a_latin1_file_keeps_its_names_and_amounts(tmp_path):
    """The bug: a short Latin-1 file came out as cp1250 ("Josķ N·±ez", "¥" lost)."""
    (tmp_path / "a.txt").write_bytes("José Núñez paid ¥350 million.".encode("latin-1"))
    (article,) = iter_inputs([str(tmp_path / "a.txt")])
    assert article.text == "José Núñez paid ¥350 million."
    assert article.warnings == ("not UTF-8: decoded as cp1252",)


def test_an_undecodable_file_is_an_error_record(tmp_path):
    (tmp_path / "junk.txt").write_bytes(bytes(range(128, 256)) * 4)
    (error,) = iter_inputs([str(tmp_path / "junk.txt")])
    assert isinstance(error, DocError)
    assert (error.stage, error.error_type) == ("decode", "UndecodableError")
