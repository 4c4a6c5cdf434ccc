"""Curriculum Markdown and HTML are reduced to safe text and headings at ingest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum.loaders import load_document
from curriculum.sanitize import clean_markdown

PAYLOAD_MD = """# Südame ehitus

Süda pumpab verd. ![diagramm](http://evil.example/heart.png "pilt") Vaata ka ![][ref-img].

<script>alert("xss")</script>
<iframe src="https://evil.example/frame"></iframe>
<img src=x onerror=alert(1)>
<p onclick="alert(2)">Kodade ja vatsakeste töö</p>

Loe [õpikust](https://example.ee/opik) või [siit](javascript:alert(3)) või [pildilt](data:text/html;base64,PHNjcmlwdD4=).
Automaatlink: <https://example.ee/> ja <javascript:alert(4)>.
Pesitsetud: !![x](http://evil.example/a.png)[y](http://evil.example/b.png)

[ref-img]: http://evil.example/ref.png

## Vereringe

Suur ja väike vereringe.
"""


def test_markdown_loses_images_scripts_frames_and_unsafe_links_but_keeps_text_and_headings() -> None:
    text, removed = clean_markdown(PAYLOAD_MD)
    assert dict(removed) == {"image": 4, "script": 1, "frame": 1, "link": 3}
    for gone in ("<", "](", "![", "javascript:", "data:", "evil.example", "onerror", "onclick", "alert(1)"):
        assert gone not in text, gone
    for kept in ("# Südame ehitus", "Süda pumpab verd.", "diagramm", "Kodade ja vatsakeste töö", "õpikust",
                 "https://example.ee/", "## Vereringe", "Suur ja väike vereringe."):
        assert kept in text, kept


def test_a_loaded_markdown_file_reports_what_was_removed(tmp_path: Path) -> None:
    path = tmp_path / "süda.md"
    path.write_text(PAYLOAD_MD, encoding="utf-8")
    document = load_document(path)
    assert [s.section for s in document.sections] == ["Südame ehitus", "Südame ehitus > Vereringe"]
    assert document.removed == {"image": 4, "script": 1, "frame": 1, "link": 3}
    assert not any(re.search(r"<|\]\(|evil\.example", s.text) for s in document.sections)


def test_html_loses_the_same_and_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "süda.html"
    path.write_text("""<html><head><title>Süda</title><script src="https://evil.example/x.js"></script>
        <link rel="stylesheet" href="https://evil.example/x.css"></head><body>
        <h1>Südame ehitus</h1><p>Süda pumpab verd. <img src="https://evil.example/p.png" alt="pilt">
        <a href="javascript:alert(1)">Vajuta</a> <a href="https://example.ee">õpik</a></p>
        <iframe src="https://evil.example/f"></iframe><object data="x.swf"></object>
        <svg><image href="https://evil.example/s.png"/></svg><p>Vereringe.</p></body></html>""", encoding="utf-8")
    document = load_document(path)
    assert document.title == "Süda"
    assert document.removed == {"script": 1, "image": 2, "frame": 2, "link": 1}
    text = " ".join(s.text for s in document.sections)
    assert "Süda pumpab verd." in text and "Vajuta" in text and "õpik" in text and "Vereringe." in text
    assert "evil.example" not in text and "javascript" not in text


@pytest.mark.parametrize("text", ["a < b and c > d", "2 < 3", "if x<y then", "Vaata [1] ja [2]."])
def test_plain_text_that_only_looks_like_markup_stays(text: str) -> None:
    assert clean_markdown(text) == (text, {})
