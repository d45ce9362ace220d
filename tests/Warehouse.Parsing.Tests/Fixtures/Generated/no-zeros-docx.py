#!/usr/bin/env python3
"""Empty the zero cells of a DOCX's tables, as an office that types no zeros leaves them.

Usage: no-zeros-docx.py IN.docx OUT.docx [--marks]
Every table cell whose text is "0" becomes empty; with --marks, cells of "-", "/" or "—" too.
Text outside table cells (titles, prose) is left as it is. Made the pdftotext-zeros-typed-as-nothing and
pdftotext-no-zeros-typed fixtures (then `soffice --headless --convert-to pdf` and `pdftotext -layout`).
"""
import re, sys, zipfile

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    source, target = args
    zeros = r"(?:0|-|/|—)" if "--marks" in sys.argv else r"0"
    run = re.compile(r"(<w:t(?: [^>]*)?>)" + zeros + r"(</w:t>)")
    cell = re.compile(r"<w:tc>.*?</w:tc>|<w:tc .*?</w:tc>", re.S)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                xml = cell.sub(lambda m: run.sub(r"\1\2", m.group(0)), xml)
                data = xml.encode("utf-8")
            zout.writestr(item, data)

if __name__ == "__main__":
    main()
