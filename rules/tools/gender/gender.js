// Prints the female_names and male_names lists of rules/data/given-names.yaml
// from the person data of @faker-js/faker (MIT licence):
//
//   npm pack @faker-js/faker@8.4.1 && tar xzf faker-js-faker-8.4.1.tgz
//   node gender.js package > lists.yaml
//
// A name is kept when the English-language locales list it for one sex and
// no locale lists it for the other.
const dir = (process.argv[2] || 'package') + '/dist/cjs/locale/';
const fs = require('fs');
const english = ['en', 'en_GB', 'en_US', 'en_AU', 'en_IE', 'en_CA', 'en_ZA', 'en_IN', 'en_NG', 'en_GH'];
const all = fs.readdirSync(dir).filter(f => f.endsWith('.js') && f !== 'index.js').map(f => f.slice(0, -3));

function names(locales) {
  const out = {female: new Set(), male: new Set()};
  for (const l of locales) {
    let mod;
    try { mod = require(require('path').resolve(dir + l + '.js')); } catch (e) { continue; }
    const faker = Object.values(mod).find(v => v && v.rawDefinitions);
    const p = (faker && faker.rawDefinitions.person) || {};
    const add = (list, sex) => {
      for (const x of Array.isArray(list) ? list : []) {
        const n = typeof x === 'string' ? x : x.value;
        if (n) out[sex].add(n);
      }
    };
    const first = p.first_name;
    add(p.female_first_name || (first && first.female), 'female');
    add(p.male_first_name || (first && first.male), 'male');
  }
  return out;
}

const en = names(english), any = names(all);
const female = [...en.female].filter(n => !any.male.has(n)).sort();
const male = [...en.male].filter(n => !any.female.has(n)).sort();
console.log('female_names:\n' + female.map(n => '  - ' + n).join('\n'));
console.log('male_names:\n' + male.map(n => '  - ' + n).join('\n'));
