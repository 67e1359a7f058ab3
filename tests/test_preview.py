"""Page images without Word (`cddraft preview`) and rebuilding on change (`cddraft build --watch`)."""

from __future__ import annotations

import struct
import threading
import time
from pathlib import Path

import docx

from cddraft.watch import watch
from tests.conftest import EXAMPLES, require_libreoffice, run_cli

A4 = 297 / 210


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG header (signature, then the IHDR chunk)."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def assert_a4(path: Path) -> None:
    width, height = png_size(path)
    assert abs(height / width - A4) / A4 < 0.02, (width, height)


def test_preview_of_an_outline_renders_page_one_at_a4(tmp_path):
    require_libreoffice()
    result = run_cli("preview", str(EXAMPLES["cd-way-ahead-en"]), "--page", "1")
    assert result.exit_code == 0, result.output
    png = Path(result.output.strip())
    assert png.name == "cd-way-ahead-en-page1.png" and png.exists()
    assert_a4(png)
    assert png_size(png)[0] == round(210 / 25.4 * 100), "100 dpi by default"
    assert sorted(p.name for p in png.parent.iterdir()) == [png.name], "the built files were temporary"


def test_preview_of_a_docx_keeps_everything_in_the_output_folder(built, tmp_path):
    require_libreoffice()
    out = tmp_path / "out"
    result = run_cli("preview", str(built["cd-way-ahead-zh"]), str(EXAMPLES["cd-report-en"]),
                     "--page", "1", "--page", "2", "-o", str(out), "--dpi", "40")
    assert result.exit_code == 0, result.output
    pngs = [Path(line) for line in result.output.split()]
    assert [p.name for p in pngs] == ["cd-way-ahead-zh-page1.png", "cd-way-ahead-zh-page2.png",
                                      "cd-report-en-page1.png", "cd-report-en-page2.png"], "argument order"
    for p in pngs:
        assert p.parent == out
        assert_a4(p)
    assert {"cd-report-en.docx", "cd-report-en.pdf", "cd-way-ahead-zh.pdf"} <= {p.name for p in out.iterdir()}


def test_preview_of_a_page_that_does_not_exist(built):
    require_libreoffice()
    result = run_cli("preview", str(built["cd-report-en"]), "--page", "40")
    assert result.exit_code == 2
    assert f"{built['cd-report-en']}: there is no page 40; the document has" in result.output


# -- watching -------------------------------------------------------------------------------------

def test_watch_reports_a_changed_file_once(tmp_path):
    outline = tmp_path / "a.yaml"
    outline.write_text("one")
    seen: list[list[Path]] = []
    edits = iter([lambda: outline.write_text("two, longer"), lambda: None, lambda: None])
    watch(lambda: [outline], seen.append, cycles=3, sleep=lambda _: next(edits)())
    assert seen == [[outline]]


def test_watch_sees_a_file_saved_by_rename_and_a_new_one(tmp_path):
    outline, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    outline.write_text("one")
    seen: list[list[Path]] = []

    def edit(step: int) -> None:
        if step == 0:  # how many editors save: write a new file, rename it over the old one
            outline.unlink()
        elif step == 1:
            (tmp_path / "a.tmp").write_text("one")
            (tmp_path / "a.tmp").rename(outline)
        elif step == 2:
            other.write_text("new outline in the folder")

    steps = iter(range(4))
    watch(lambda: sorted(tmp_path.glob("*.yaml")), seen.append, cycles=4, sleep=lambda _: edit(next(steps)))
    assert seen == [[outline], [other]]


def _edit_when_built(outline: Path, built: Path, text: str) -> threading.Thread:
    """After the first build (and the watcher's first look), change the outline."""
    def edit() -> None:
        deadline = time.monotonic() + 60
        while not built.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.7)
        outline.write_text(text, encoding="utf-8")

    thread = threading.Thread(target=edit, daemon=True)
    thread.start()
    return thread


def test_build_watch_rebuilds_when_the_outline_changes(tmp_path):
    outline = tmp_path / "letter.yaml"
    text = EXAMPLES["cd-way-ahead-en"].read_text(encoding="utf-8")
    outline.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    thread = _edit_when_built(outline, out / "letter.docx", text.replace("Htin Lynn", "Kyaw Moe Tun"))
    result = run_cli("build", str(outline), "-o", str(out), "--watch-cycles", "6")
    thread.join()
    assert result.exit_code == 0, result.output
    assert result.output.count(f"wrote {out / 'letter.docx'}") == 2
    assert "rebuilding" in result.output
    body = "\n".join(p.text for p in docx.Document(str(out / "letter.docx")).paragraphs)
    assert "Kyaw Moe Tun" in body and "Htin Lynn" not in body


def test_build_watch_reports_a_broken_save_and_keeps_watching(tmp_path):
    outline = tmp_path / "letter.yaml"
    text = EXAMPLES["cd-way-ahead-en"].read_text(encoding="utf-8")
    outline.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    thread = _edit_when_built(outline, out / "letter.docx", text + "\nbogus: 1\n")
    result = run_cli("build", str(outline), "-o", str(out), "--watch-cycles", "6")
    thread.join()
    assert result.exit_code == 2, "the outline is broken when watching stops"
    assert "unknown key 'bogus'" in result.output
    assert (out / "letter.docx").exists(), "the last good build is kept"


def test_build_watch_with_preview_renders_page_one_again(tmp_path):
    require_libreoffice()
    outline = tmp_path / "letter.yaml"
    text = EXAMPLES["cd-way-ahead-en"].read_text(encoding="utf-8")
    outline.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    png = out / "letter-page1.png"
    thread = _edit_when_built(outline, png, text.replace("Htin Lynn", "Kyaw Moe Tun"))
    result = run_cli("build", str(outline), "-o", str(out), "--preview", "--watch-cycles", "8")
    thread.join()
    assert result.exit_code == 0, result.output
    assert result.output.count(f"wrote {png}") == 2
    assert result.output.count(f"wrote {out / 'letter.pdf'}") == 2
    assert_a4(png)


def test_preview_renders_the_pages_that_exist_and_names_the_missing_one(built, tmp_path):
    require_libreoffice()
    result = run_cli("preview", str(built["cd-report-en"]), "--page", "1", "--page", "40", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert f"{built['cd-report-en']}: there is no page 40; the document has" in result.output
    assert (tmp_path / "cd-report-en-page1.png").exists() and not (tmp_path / "cd-report-en-page40.png").exists()
