#!/usr/bin/env python3
"""Pictures end to end: a phone-like photo with GPS, EXIF, XMP and a rotation tag goes in; what
comes out must be upright, resized to the planned widths, WebP + JPEG, and carry no metadata.

    python3 Tests/Images/images_test.py .build/debug/clinicpress

Makes its pictures at run time with the vips command line and exiftool (Debian: libvips-tools,
libimage-exiftool-perl; scripts/install-test-tools.sh installs both), builds a tiny site from
Tests/Hostile/base with a team photo and a picture in an article, then checks every published
picture with `exiftool -j` and the HTML's <picture>, srcset, sizes, width and height. Also: the
originals are not published, a second build is byte-identical and encodes nothing again (the
renditions are linked from the last output), and --fresh gives the same bytes.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL', message)


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def exif(path):
    return json.loads(run('exiftool', '-j', '-a', '-G1', path).stdout)[0]


def main():
    binary = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix='clinicpress-images-')
    try:
        site = os.path.join(work, 'site')
        shutil.copytree(os.path.join(REPO, 'Tests/Hostile/base'), site)
        assets = os.path.join(site, 'Content/assets')
        os.makedirs(assets)
        # A 2000 x 1000 landscape stored sideways with Orientation 6 (turn 90° clockwise to view),
        # so upright it is 1000 wide and 2000 tall, as a phone in portrait writes it.
        raw = os.path.join(work, 'raw.jpg')
        run('vips', 'black', os.path.join(work, 'b.v'), '2000', '1000', '--bands', '3')
        run('vips', 'linear', os.path.join(work, 'b.v'), os.path.join(work, 'c.v'), '1', '120', '--uchar')
        run('vips', 'copy', os.path.join(work, 'c.v'), raw + '[Q=90]')
        photo = os.path.join(assets, 'ada.jpg')
        run('exiftool', '-q', '-o', photo, '-Orientation#=6', '-GPSLatitude=41.8781', '-GPSLatitudeRef=N',
            '-GPSLongitude=87.6298', '-GPSLongitudeRef=W', '-Make=PhoneMaker', '-Model=Phone 12',
            '-DateTimeOriginal=2026:05:01 10:00:00', '-XMP-dc:Creator=Someone', '-Comment=secret comment', raw)
        before = exif(photo)
        check(any('GPS' in k for k in before), 'the test photo should carry GPS before the build')
        print('before:', {k: v for k, v in before.items() if 'GPS' in k or 'Orientation' in k or k.endswith(':Make')})
        # A PNG with transparency: its fallback is PNG.
        run('vips', 'black', os.path.join(work, 'a.v'), '300', '200', '--bands', '4')
        run('vips', 'copy', os.path.join(work, 'a.v'), os.path.join(assets, 'mark.png'))
        with open(os.path.join(site, 'Content/team.yml'), 'w') as f:
            f.write('- name: Ada Moss\n  role: Clinical Director\n  photo: assets/ada.jpg\n')
        article = os.path.join(site, 'Content/education/what-happens-at-intake.md')
        with open(article) as f:
            text = f.read()
        with open(article, 'w') as f:
            f.write(text + '\n![A plain grey square, a sample picture](../assets/mark.png)\n')

        out = os.path.join(work, 'out')
        env = dict(os.environ, SOURCE_DATE_EPOCH='1795392000')
        started = time.time()
        result = subprocess.run([binary, 'build', site, '--pdf', 'off', '--output', out], capture_output=True, text=True, env=env)
        print(result.stdout.strip(), result.stderr.strip(), f'({time.time() - started:.2f} s)')
        check(result.returncode == 0 and ' 0 warnings, 0 errors' in result.stdout, 'the site should build clean')

        published = sorted(os.listdir(os.path.join(out, 'assets')))
        print('published:', published)
        expected = [f'ada.jpg.{w}.{e}' for w in (1000, 480, 800) for e in ('jpg', 'webp')] \
            + [f'mark.png.300.{e}' for e in ('png', 'webp')]
        check(published == sorted(expected), f'renditions: {published} != {sorted(expected)}')
        check('ada.jpg' not in published and 'mark.png' not in published, 'the originals must not be published')

        for name in published:
            data = exif(os.path.join(out, 'assets', name))
            group = lambda k: k.split(':')[0]
            leaked = sorted(k for k in data if group(k) in ('GPS', 'IFD0', 'IFD1', 'ExifIFD', 'IPTC', 'Photoshop')
                            # PNG-pHYs (pixels per metre) is the only chunk libvips 8.14 keeps: no metadata.
                            or group(k).startswith(('XMP', 'ICC', 'EXIF')) or group(k) in ('PNG-tEXt', 'PNG-iTXt', 'PNG-zTXt') or 'GPS' in k or 'Orientation' in k
                            or 'Comment' in k or k.endswith(':Make') or k.endswith(':Model'))
            check(not leaked, f'{name} carries metadata: {leaked}')
            size = data.get('Composite:ImageSize', '')
            width = int(name.split('.')[-2])
            check(size.split('x')[0] == str(width), f'{name}: {size} is not {width} wide')
            if name.startswith('ada'):
                check(size == f'{width}x{width * 2}', f'{name}: {size} is not upright (1:2)')
        print('after (ada.jpg.1000.jpg):', exif(os.path.join(out, 'assets', 'ada.jpg.1000.jpg')))

        team = open(os.path.join(out, 'team/index.html')).read()
        picture = re.search(r'<picture>.*?</picture>', team, re.S)
        check(picture is not None, 'the team page should show a <picture>')
        if picture:
            html = picture.group(0)
            print(html)
            check('type="image/webp" srcset="../assets/ada.jpg.480.webp 480w, ../assets/ada.jpg.800.webp 800w, ../assets/ada.jpg.1000.webp 1000w"' in html, 'webp srcset')
            check('src="../assets/ada.jpg.1000.jpg" srcset="../assets/ada.jpg.480.jpg 480w, ../assets/ada.jpg.800.jpg 800w, ../assets/ada.jpg.1000.jpg 1000w"' in html, 'jpeg srcset')
            check('width="1000" height="2000"' in html, 'width and height of the upright picture')
            check('loading="lazy"' in html and 'decoding="async"' in html and 'sizes="' in html, 'lazy, async, sizes')
            check('alt="Ada Moss"' in html, 'photo_alt defaults to the name')
        body = open(os.path.join(out, 'education/what-happens-at-intake/index.html')).read()
        check('srcset="../../assets/mark.png.300.png 300w"' in body and 'width="300" height="200"' in body,
              'a Markdown picture with alpha gets a PNG fallback with its size')

        # Again: byte-identical, nothing encoded (linked from the last output), and --fresh the same.
        again = os.path.join(work, 'again')
        shutil.copytree(out, again, symlinks=True)
        subprocess.run([binary, 'build', site, '--pdf', 'off', '--output', out], check=True, capture_output=True, env=env)
        check(subprocess.run(['diff', '-r', out, again]).returncode == 0, 'a rebuild should be byte-identical')
        fresh = os.path.join(work, 'fresh')
        subprocess.run([binary, 'build', site, '--pdf', 'off', '--fresh', '--output', fresh], check=True, capture_output=True, env=env)
        check(subprocess.run(['diff', '-r', out, fresh]).returncode == 0, '--fresh should give the same bytes')
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print('images test:', 'FAILED' if failures else 'passed', f'({len(failures)} failures)')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
