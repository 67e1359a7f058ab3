"""The examples of other bodies, rendered by LibreOffice and read back with pdftotext: page 1 shows the body's
masthead, the title with the body's addressee, the request for circulation in the body's wording and the
signature blocks (issue 14)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import pdf_pages

_BLANKS = re.compile(r"\s+")


def _page1(pdfs, stem: str) -> str:
    return _BLANKS.sub(" ", pdf_pages(pdfs[stem])[0])


@pytest.mark.parametrize(("stem", "expected"), [
    ("sc-letter-en", ["United Nations", "S/2024/105", "Security Council", "Distr.: General", "12 February 2024",
                      "Original: English", "addressed to the President of the Security Council",
                      "circulated as a document of the Security Council.", "(Signed) Fergal Mythen",
                      "24-02107 (E) 140224"]),
    ("sc-letter-ru", ["Организация Объединенных Наций", "Совет Безопасности", "Russian", "Original: English",
                      "на имя Председателя Совета Безопасности", "в качестве документа Совета Безопасности.",
                      "(Подпись) Фергал Митен", "24-02107 (R) 140224"]),
    ("ga-letter-en", ["United Nations", "A/78/745", "General Assembly", "addressed to the Secretary-General",
                      "circulated as a document of the General Assembly, under agenda item 99."]),
    ("ccw-wp-en", ["CCW/GGE.1/2024/WP.3", "Meeting of the High Contracting Parties to the Convention on",
                   "Distr.: General", "I. Introduction", "1. This working paper"]),
    ("cd-joint-letter-en", ["Conference on Disarmament", "English", "Original: Chinese and Russian",
                            "from the Permanent Representatives of China and the Russian Federation",
                            "We would be grateful if the present letter and its annex could be circulated",
                            "(Signed) Shen Jian", "(Signed) Gennady Gatilov"]),
])
def test_page_one_of_each_bodys_example(pdfs, stem, expected):
    page = _page1(pdfs, stem)
    assert [text for text in expected if text not in page] == []


def test_the_joint_letter_signs_in_the_senders_order(pdfs):
    page = _page1(pdfs, "cd-joint-letter-en")
    assert page.index("Shen Jian") < page.index("Gennady Gatilov")


def test_bodies_outside_the_un_print_no_united_nations(pdfs):
    assert "United Nations" not in _page1(pdfs, "ccw-wp-en").split("Meeting")[0]
    assert "United Nations" not in _page1(pdfs, "cd-joint-letter-en")
