"""Builds src/BillingConsole.Web/Features/Invoices/Fonts/BillingConsoleSansSC.ttf (docs/invoices.md "Statement font").

Inputs (Debian bookworm packages): fonts-droid-fallback (DroidSansFallbackFull.ttf, Apache-2.0) and fonts-dejavu-core
(DejaVuSans.ttf, Bitstream Vera licence + public domain). Needs fontTools (Debian python3-fonttools 4.38).
Keeps the GB 2312 characters (6763 hanzi and symbols), CJK punctuation, full-width forms and Latin-1 from Droid Sans
Fallback, takes Latin from DejaVu Sans (Droid Sans Fallback has none), merges them at 2048 units per em and renames
the result (the Bitstream Vera licence requires a derived font not to be called Vera or DejaVu).
usage: python3 build-statement-font.py DroidSansFallbackFull.ttf DejaVuSans.ttf out.ttf
"""
import sys
from fontTools import merge, subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

droid_path, dejavu_path, out = sys.argv[1:4]
cps = set()
for b1 in range(0xA1, 0xF8):
    for b2 in range(0xA1, 0xFF):
        try:
            cps.add(ord(bytes([b1, b2]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
cps |= set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))

def cut(path, unicodes):
    font = TTFont(path)
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ['*']
    opts.notdef_outline = True
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(unicodes))
    s.subset(font)
    for table in ['GDEF', 'GPOS', 'GSUB', 'kern', 'vhea', 'vmtx', 'gasp', 'fpgm', 'prep', 'cvt ', 'MATH', 'FFTM']:
        if table in font:
            del font[table]
    return font

latin = cut(dejavu_path, list(range(0x20, 0x7F)) + list(range(0xA0, 0x180)) + [0x20AC, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2122])
cjk = cut(droid_path, cps)
scale_upem(cjk, 2048)
latin.save('/tmp/latin.ttf')
cjk.save('/tmp/cjk.ttf')
font = merge.Merger().merge(['/tmp/latin.ttf', '/tmp/cjk.ttf'])
for rec in font['name'].names:
    if rec.nameID in (1, 4, 16):
        rec.string = 'BillingConsole Sans SC'
    elif rec.nameID == 6:
        rec.string = 'BillingConsoleSansSC'
    elif rec.nameID == 0:
        rec.string = ('Glyphs from Droid Sans Fallback (c) 2006-2010 Google Corp., Apache-2.0; Latin from DejaVu Sans '
                      '(c) 2003 Bitstream, Inc., DejaVu changes public domain')
font.save(out)
