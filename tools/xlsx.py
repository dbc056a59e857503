#!/usr/bin/env python3
"""Tiny independent xlsx reader (zipfile + ElementTree): prints rows of a sheet as TSV. Usage: xlsx.py FILE [SHEET_INDEX]"""
import sys, zipfile, re
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
def col(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1
def rows(path, index=0):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    sheets = sorted([n for n in z.namelist() if re.match(r'xl/worksheets/sheet\d+\.xml', n)], key=lambda n: int(re.findall(r'\d+', n)[-1]))
    root = ET.fromstring(z.read(sheets[index]))
    for r in root.iter('{%s}row' % NS['m']):
        out = {}
        for c in r.findall('m:c', NS):
            v = c.find('m:v', NS); t = c.get('t')
            if t == 's' and v is not None: val = shared[int(v.text)]
            elif t == 'inlineStr': val = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
            else: val = v.text if v is not None else ''
            out[col(c.get('r'))] = val
        if out:
            yield [out.get(i, '') for i in range(max(out) + 1)]
if __name__ == '__main__':
    for row in rows(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0):
        print('\t'.join(x.replace('\t', ' ').replace('\n', ' ') for x in row))
