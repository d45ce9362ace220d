#!/usr/bin/env python3
"""A PDF as a scan made searchable by a perfect OCR: each page a JPEG picture of the page (100 dpi, grey), the page's
own letters kept where they stand but drawn invisibly (text rendering mode 3, as OCR tools set their layer), and its
rules no longer painted (each path ended with n), so that only the picture shows them. Run with Debian 12's python3-fitz
(PyMuPDF 1.21) and python3-pil: searchable-scan.py IN.pdf OUT.pdf"""
import re, sys
import fitz

doc = fitz.open(sys.argv[1])
pictures = [p.get_pixmap(dpi=100, colorspace=fitz.csGRAY).pil_tobytes(format="JPEG", quality=50) for p in doc]
for i, page in enumerate(doc):
    page.clean_contents()
    xref = page.get_contents()[0]
    content = doc.xref_stream(xref).decode('latin-1')
    content = re.sub(r'\bBT\b', 'BT 3 Tr', content)
    content = re.sub(r'(?<=\s)(S|s|f\*?|F|B\*?|b\*?)(?=\s)', 'n', content)
    doc.update_stream(xref, content.encode('latin-1'))
    page.insert_image(page.rect, stream=pictures[i], overlay=False)
doc.save(sys.argv[2], garbage=3, deflate=True)
