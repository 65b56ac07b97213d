package extract

// Schema is the value of Result.Schema for this version of the output.
const Schema = "readout.v1"

// Document is one input text with what is known about it.
type Document struct {
	// ID names the document in the output; optional.
	ID string
	// Source says where the text came from (a path, "-" for stdin); optional.
	Source string
	// Text is the article text. It must be valid UTF-8.
	Text string
	// Date is the reference (publication) date, YYYY-MM-DD, from the caller.
	// Empty means unknown.
	Date string
	// DateFrom says where Date came from ("flag", "record"); empty means "flag"
	// when Date is set.
	DateFrom string
}

// Result is the extraction of one document, in the shape of the readout.v1
// contract.
type Result struct {
	Schema            string     `json:"schema"`
	ID                string     `json:"id,omitempty"`
	Source            string     `json:"source,omitempty"`
	ReferenceDate     *string    `json:"reference_date"`
	ReferenceDateFrom *string    `json:"reference_date_from"`
	Actors            []Entity   `json:"actors"`
	Locations         []Entity   `json:"locations"`
	Dates             []Date     `json:"dates"`
	Meetings          []Meeting  `json:"meetings"`
	Quotes            []Quote    `json:"quotes"`
	Events            []struct{} `json:"events"`
}

// Entity is one real-world person, organization or place with every mention
// of it in the document.
type Entity struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Type       string     `json:"type"`
	Source     string     `json:"source"`
	Attributes Attributes `json:"attributes,omitzero"`
	Mentions   []Span     `json:"mentions"`
}

// Attributes are what is known of an entity: from the gazetteer, or from the
// text around its mentions (a title before a name, a country before a title).
type Attributes struct {
	Title       string   `json:"title,omitempty"`
	Affiliation string   `json:"affiliation,omitempty"`
	Country     string   `json:"country,omitempty"`
	Capital     string   `json:"capital,omitempty"`
	PartOf      string   `json:"part_of,omitempty"`
	Lat         *float64 `json:"lat,omitempty"`
	Lon         *float64 `json:"lon,omitempty"`
	Wikidata    string   `json:"wikidata,omitempty"`
}

// IsZero reports whether no attribute is set; it lets encoding/json omit an
// empty attributes object.
func (a Attributes) IsZero() bool { return a == Attributes{} }

// Span is a stretch of the input text. Start and End count Unicode code
// points, End exclusive.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Date is a date or time expression normalized against the reference date.
type Date struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Type  string  `json:"type"`
	Value *string `json:"value"`
}

// Meeting is a dated encounter between actors: a meeting, call, talks or visit.
type Meeting struct {
	Kind         string   `json:"kind"`
	Participants []string `json:"participants"`
	Date         *string  `json:"date"`
	DateText     string   `json:"date_text,omitempty"`
	Location     *string  `json:"location"`
	Trigger      Span     `json:"trigger"`
	Evidence     Span     `json:"evidence"`
	Rule         string   `json:"rule"`
}

// Quote is a stretch of quoted words and who said them.
type Quote struct {
	Text        string  `json:"text"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
	Speaker     *string `json:"speaker"`
	SpeakerText string  `json:"speaker_text,omitempty"`
	Cue         string  `json:"cue,omitempty"`
}
