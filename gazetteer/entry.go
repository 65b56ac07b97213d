// Package gazetteer owns readout's lists of known entities: loading them from
// YAML (the embedded default and users' files), validating them, and matching
// their names in tokenized text.
package gazetteer

// Entity types a gazetteer entry may have.
const (
	Person   = "PERSON"
	Org      = "ORG"
	GPE      = "GPE"
	Location = "LOC"
	Facility = "FAC"
)

// IsActorType reports whether t belongs in the actors section of the output
// (people and organizations); the other types are locations.
func IsActorType(t string) bool { return t == Person || t == Org }

func validType(t string) bool {
	switch t {
	case Person, Org, GPE, Location, Facility:
		return true
	}
	return false
}

// Entry is one known entity.
type Entry struct {
	ID   string `yaml:"id" json:"id,omitempty"`
	Name string `yaml:"name" json:"name,omitempty"`
	Type string `yaml:"type" json:"type,omitempty"`
	// Aliases are other full names of the entity.
	Aliases []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
	// Demonyms are adjectives of a place ("Armenian"). They are never
	// mentions by themselves; they give affiliations.
	Demonyms []string `yaml:"demonyms,omitempty" json:"demonyms,omitempty"`
	// ShortNames are short forms (surnames) that are mentions only in a
	// document that also names the entity in full. The last word of a
	// person's name is one without being listed.
	ShortNames []string `yaml:"short_names,omitempty" json:"short_names,omitempty"`
	// QualifiedNames name the entity only beside its country: "Foreign
	// Ministry" in "Armenia's Foreign Ministry".
	QualifiedNames []string   `yaml:"qualified_names,omitempty" json:"qualified_names,omitempty"`
	Attributes     Attributes `yaml:"attributes,omitempty" json:"attributes,omitempty"`

	// Origin is the file:line the entry was read from.
	Origin string `yaml:"-" json:"-"`
}

// Attributes are facts about an entry.
type Attributes struct {
	Title       string   `yaml:"title,omitempty" json:"title,omitempty"`
	Affiliation string   `yaml:"affiliation,omitempty" json:"affiliation,omitempty"`
	Country     string   `yaml:"country,omitempty" json:"country,omitempty"`
	Capital     string   `yaml:"capital,omitempty" json:"capital,omitempty"`
	PartOf      string   `yaml:"part_of,omitempty" json:"part_of,omitempty"`
	Lat         *float64 `yaml:"lat,omitempty" json:"lat,omitempty"`
	Lon         *float64 `yaml:"lon,omitempty" json:"lon,omitempty"`
	Wikidata    string   `yaml:"wikidata,omitempty" json:"wikidata,omitempty"`
}

// file is the shape of one gazetteer YAML file.
type file struct {
	Entries []Entry `yaml:"entries" json:"entries,omitempty"`
}
