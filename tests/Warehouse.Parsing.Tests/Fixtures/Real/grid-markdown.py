#!/usr/bin/env python3
"""The fixtures pingtan-20xx-grid.md: a portal page as docling writes it to markdown (tables as a grid whose merged
cells repeat their text in every place they cover, formatted by tabulate(tablefmt="github"); headings "## ",
paragraphs). Run with Debian 12's python3-bs4 and python3-tabulate 0.8.9: grid-markdown.py PAGE.html OUT.md [--blank]
--blank: a merged cell's text in its first place only, the others left empty, as Marker and other converters write it."""
import sys, re
from bs4 import BeautifulSoup, NavigableString, Tag
from tabulate import tabulate

def grid(table, blank=False):
    rows = [tr for tr in table.find_all('tr') if tr.find_parent('table') is table]
    g = {}
    for r, tr in enumerate(rows):
        c = 0
        for td in tr.find_all(['td', 'th'], recursive=False):
            while (r, c) in g: c += 1
            rs = int(td.get('rowspan', 1) or 1); cs = int(td.get('colspan', 1) or 1)
            text = re.sub(r'\s+', ' ', td.get_text(' ', strip=True)).strip()
            for dr in range(rs):
                for dc in range(cs):
                    g[(r + dr, c + dc)] = text if not blank or (dr == 0 and dc == 0) else ''
            c += cs
    if not g: return []
    nr = max(k[0] for k in g) + 1; nc = max(k[1] for k in g) + 1
    return [[g.get((r, c), '') for c in range(nc)] for r in range(nr)]

def md_table(t, numparse, blank=False):
    rows = grid(t, blank)
    if not rows: return ''
    if len(rows) > 1: return tabulate(rows[1:], headers=rows[0], tablefmt='github', disable_numparse=not numparse)
    return tabulate(rows, tablefmt='github', disable_numparse=not numparse)

def main(src, dst, numparse, blank=False):
    raw = open(src, 'rb').read()
    soup = BeautifulSoup(raw, 'html.parser')
    for s in soup(['script', 'style', 'head']): s.decompose()
    out = []
    # data tables: tables without tables inside them that hold a digit
    def walk(node):
        for ch in node.children:
            if isinstance(ch, NavigableString):
                t = ch.strip()
                if t: out.append(re.sub(r'\s+', ' ', t))
            elif isinstance(ch, Tag):
                if ch.name == 'table' and not ch.find('table'):
                    out.append(md_table(ch, numparse, blank))
                elif ch.name in ('h1', 'h2', 'h3', 'h4'):
                    out.append('## ' + re.sub(r'\s+', ' ', ch.get_text(' ', strip=True)))
                elif ch.name in ('p', 'li') and not ch.find('table'):
                    t = re.sub(r'\s+', ' ', ch.get_text(' ', strip=True))
                    if t: out.append(t)
                else:
                    walk(ch)
    walk(soup)
    open(dst, 'w', encoding='utf-8').write('\n\n'.join(x for x in out if x) + '\n')

if __name__ == '__main__':
    flags = sys.argv[3:]
    main(sys.argv[1], sys.argv[2], not [f for f in flags if f != '--blank'], '--blank' in flags)
