#!/usr/bin/env python3
"""The fixtures pingtan-20xx-mathpix.md and pingtan-20xx-latex-oneline.md: a portal page as OCR tools write it to markdown
with its tables in LaTeX (Mathpix Markdown; MinerU with StructEqTable). The title as \\title{…}, section headings as
\\section*{…}, each table a tabular whose merged cells are \\multicolumn and \\multirow, the cells a row span covers left
empty in the rows below, \\hline under each row. MODE mathpix: a cell of several <p> is a tabular inside the cell (one line
per <p>), counts in the prose as \\( 2645 \\); MODE oneline: each table on one line, a cell's <p> run together.
Run with Debian 12's python3-bs4: latex-markdown.py PAGE.html MODE > OUT.md"""
import sys, re
from bs4 import BeautifulSoup

page, mode = sys.argv[1], sys.argv[2]
soup = BeautifulSoup(open(page, 'rb').read(), 'html.parser')
body = soup.find(class_='TRS_Editor') or soup.find(class_='word_con') or soup.body
title = soup.find('meta', attrs={'name': 'ArticleTitle'})

def escape(t): return re.sub(r'([%&_#$])', r'\\\1', t)

def cell_text(cell):
    parts = [' '.join(p.get_text('', strip=True).split()) for p in cell.find_all('p')] or [cell.get_text('', strip=True)]
    parts = [escape(p) for p in parts if p]
    if mode == 'mathpix' and len(parts) > 1: return '\\begin{tabular}{l}' + ' \\\\ '.join(parts) + '\\end{tabular}'
    return ''.join(parts)

def latex(table):
    pending, grid, ncol = {}, [], 0
    def covered(col, parts):
        while pending.get(col, (0, 1))[0] > 0:
            n, cs = pending[col]
            parts.append('' if cs == 1 else '\\multicolumn{%d}{|c|}{}' % cs)
            pending[col] = (n - 1, cs); col += cs
        return col
    for tr in table.find_all('tr'):
        col, parts = 0, []
        for cell in tr.find_all(['td', 'th']):
            col = covered(col, parts)
            cs, rs = int(cell.get('colspan', 1)), int(cell.get('rowspan', 1))
            s = cell_text(cell)
            if rs > 1: s = '\\multirow{%d}{*}{%s}' % (rs, s)
            if cs > 1: s = '\\multicolumn{%d}{|c|}{%s}' % (cs, s)
            parts.append(s)
            if rs > 1: pending[col] = (rs - 1, cs)
            col += cs
        col = covered(col, parts)
        ncol = max(ncol, col); grid.append(parts)
    lines = ['\\begin{tabular}{|' + 'l|' * ncol + '}'] + ['\\hline ' + ' & '.join(p) + ' \\\\' for p in grid] + ['\\hline', '\\end{tabular}']
    return (' ' if mode == 'oneline' else '\n').join(lines)

out = ['\\title{\n' + escape(title['content'] if title else '') + '\n}', '']
for el in body.find_all(['p', 'table']):
    if el.find_parent('table'): continue
    if el.name == 'table': out += [latex(el), '']; continue
    t = el.get_text(strip=True)
    if not t: continue
    if re.match(r'^[一二三四五六]、', t) and len(t) < 40: out.append('\\section*{' + escape(t) + '}')
    elif mode == 'mathpix': out.append(re.sub(r'(?<=[\u4e00-\u9fff])(\d{2,})(?=[条件])', r' \\( \1 \\) ', escape(t)))
    else: out.append(escape(t))
    out.append('')
print('\n'.join(out))
