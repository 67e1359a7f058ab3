"""Accept or reject every tracked change of Word files with LibreOffice, through its UNO bridge, and print
what each then shows: the body's paragraphs (tables aside), their italic and bold stretches and the
footnotes. An engine that is not cddraft's.

Run with the Python that has LibreOffice's ``uno`` module (Debian: python3-uno, /usr/bin/python3):

    python3 lo_revisions.py SOFFICE OUT.json FILE.docx...
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _emphasised(paragraph) -> list[list]:
    """The paragraph's italic or bold stretches: [text, italic, bold] (formatting changes are revisions too)."""
    out = []
    portions = paragraph.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        if portion.TextPortionType != "Text" or not portion.getString().strip():
            continue
        italic, bold = portion.CharPosture.value == "ITALIC", portion.CharWeight > 100
        if italic or bold:
            out.append([portion.getString(), italic, bold])
    return out


def _shown(doc) -> dict:
    paragraphs, emphasis, styles = [], [], []
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        element = enum.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            paragraphs.append(element.getString())
            emphasis.extend(_emphasised(element))
            if element.getString().strip():
                styles.append(element.ParaStyleName)
    notes = doc.getFootnotes()
    tables = doc.getTextTables()
    cells = [[table.getCellByName(name).getString() for name in table.getCellNames()]
             for table in (tables.getByIndex(i) for i in range(tables.getCount()))]
    return {"paragraphs": paragraphs, "emphasis": emphasis, "styles": styles,
            "footnotes": [notes.getByIndex(i).getString() for i in range(notes.getCount())],
            "tables": cells}


def main(soffice: str, out: str, files: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="cddraft-uno-") as tmp:
        pipe = f"cddraft{Path(tmp).name}"
        proc = subprocess.Popen([soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                                 "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            for _ in range(240):
                try:
                    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:  # not listening yet
                    time.sleep(0.25)
            else:
                raise SystemExit("LibreOffice did not start")
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            result = {}
            for name in files:
                result[name] = {}
                for mode, command in (("accept", ".uno:AcceptAllTrackedChanges"),
                                      ("reject", ".uno:RejectAllTrackedChanges")):
                    doc = desktop.loadComponentFromURL(Path(name).resolve().as_uri(), "_blank", 0,
                                                       (_prop("Hidden", True),))
                    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
                    result[name][mode] = _shown(doc)
                    doc.close(True)
            Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
                desktop.terminate()
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
