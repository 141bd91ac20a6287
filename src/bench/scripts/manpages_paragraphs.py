#!/usr/bin/env python3
"""Paragraphs of Japanese prose from Debian's manpages-ja, for `gen-corpus --text` (a second benchmark corpus that is
not LibreOffice help; docs/BENCHMARKS.md). Reads the man pages of an unpacked package and writes one paragraph a
line, gzipped; roff requests are dropped, font escapes removed, paragraphs with fewer than 15 kana/kanji skipped.

    apt-get download manpages-ja && dpkg-deb -x manpages-ja_*.deb x
    python3 src/bench/scripts/manpages_paragraphs.py x/usr/share/man/ja manpages-ja.paragraphs.txt.gz
"""
import gzip, os, re, sys
cjk = re.compile(r'[\u3040-\u30ff\u4e00-\u9fff]')
paras = []
for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        try:
            text = gzip.open(os.path.join(root, f)).read().decode('utf-8')
        except Exception:
            continue
        cur = []
        def flush():
            p = ''.join(cur).strip()
            if len(cjk.findall(p)) >= 15:
                paras.append(p)
            cur.clear()
        for line in text.split('\n'):
            if line.startswith('.') or line.startswith("'"):
                macro = line[1:3]
                if macro in ('PP', 'SH', 'SS', 'TP', 'IP', 'LP', 'P', 'HP', 'sp', 'br', 'nf', 'fi', 'RS', 'RE', 'TH', 'in', 'TS', 'TE', 'EX', 'EE'):
                    flush()
                elif macro in ('B ', 'I ', 'BR', 'IR', 'RB', 'RI', 'BI', 'IB'):
                    arg = line[3:].strip().replace('"', '')
                    cur.append(arg.replace(' ', '') if macro[1] != ' ' else arg)
                continue
            if not line.strip():
                flush(); continue
            s = re.sub(r'\\f[BIRP]|\\f\(..|\\s[-+]?\d|\\&|\\\(..|\\[e\-]', lambda m: '-' if m.group(0) in ('\\-',) else ('\\' if m.group(0) == '\\e' else ''), line)
            s = s.replace('\\ ', ' ').replace('\\c', '')
            cur.append(s.strip() if cjk.search(s[-1:] or 'a') else s.strip() + ' ')
        flush()
seen = set(); out = []
for p in paras:
    if p not in seen:
        seen.add(p); out.append(p)
with gzip.open(sys.argv[2], 'wt', encoding='utf-8') as g:
    for p in out:
        g.write(p + '\n')
print(len(out), sum(len(p) for p in out))
