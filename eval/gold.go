package eval

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/readout/readout/extract"
)

// Sections of a golden file that can be scored, in the order of the output.
const (
	Dates    = "dates"
	Meetings = "meetings"
	Quotes   = "quotes"
)

// Gold is a golden file: a readout.v1 result, of which only the sections
// present are scored, and the optional items that are neither hits nor
// misses.
type Gold struct {
	extract.Result
	// Sections says which of actors, locations, dates, meetings and quotes
	// the file has; the others are not scored.
	Sections map[string]bool
	// GoldMeetings are the meetings with what golden files may say beyond
	// the output shape: which fields were given and the argument spans.
	GoldMeetings []GoldMeeting
	// Optional items (optional_actors, optional_locations, optional_dates,
	// optional_meetings, optional_quotes): a prediction that matches one is
	// not counted at all.
	OptionalActors, OptionalLocations []extract.Entity
	OptionalDates                     []extract.Date
	OptionalMeetings                  []GoldMeeting
	OptionalQuotes                    []extract.Quote
}

// GoldMeeting is a meeting of a golden file.
type GoldMeeting struct {
	extract.Meeting
	// HasDate and HasLocation say whether the golden file gives the date
	// and the location (null counts as given); left out, they are not
	// scored.
	HasDate, HasLocation bool `json:"-"`
	// Arguments are argument spans of converted corpora (role
	// "participant", "place"...): a predicted participant whose mention
	// overlaps a participant argument matches it.
	Arguments []Argument `json:"arguments"`
}

// Argument is a role and the span of text that fills it.
type Argument struct {
	Role string `json:"role"`
	extract.Span
}

// ParseGold decodes a golden file's JSON. Fields it does not know are
// ignored.
func ParseGold(data []byte) (Gold, error) {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return Gold{}, err
	}
	var g Gold
	if err := json.Unmarshal(data, &g.Result); err != nil {
		return Gold{}, err
	}
	g.Sections = map[string]bool{}
	for _, s := range []string{Actors, Locations, Dates, Meetings, Quotes} {
		if _, ok := keys[s]; ok {
			g.Sections[s] = true
		}
	}
	var err error
	if g.GoldMeetings, err = parseMeetings(keys[Meetings]); err != nil {
		return Gold{}, fmt.Errorf("meetings: %w", err)
	}
	if g.OptionalMeetings, err = parseMeetings(keys["optional_meetings"]); err != nil {
		return Gold{}, fmt.Errorf("optional_meetings: %w", err)
	}
	for key, into := range map[string]any{
		"optional_actors":    &g.OptionalActors,
		"optional_locations": &g.OptionalLocations,
		"optional_dates":     &g.OptionalDates,
		"optional_quotes":    &g.OptionalQuotes,
	} {
		if raw, ok := keys[key]; ok {
			if err := json.Unmarshal(raw, into); err != nil {
				return Gold{}, fmt.Errorf("%s: %w", key, err)
			}
		}
	}
	return g, nil
}

func parseMeetings(raw json.RawMessage) ([]GoldMeeting, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, err
	}
	ms := make([]GoldMeeting, len(list))
	for i, item := range list {
		var keys map[string]json.RawMessage
		if err := json.Unmarshal(item, &keys); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(item, &ms[i]); err != nil {
			return nil, err
		}
		_, ms[i].HasDate = keys["date"]
		_, ms[i].HasLocation = keys["location"]
	}
	return ms, nil
}

// UpdateGold returns the golden file old rewritten from the result r: the
// sections old has are replaced by r's, its other fields (optional lists,
// notes) are kept in their order. With old empty it is r in full.
func UpdateGold(old []byte, r extract.Result) ([]byte, error) {
	out, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(old)) == 0 {
		return indent(out)
	}
	var fresh map[string]json.RawMessage
	if err := json.Unmarshal(out, &fresh); err != nil {
		return nil, err
	}
	b, err := replaceFields(old, func(k string) (json.RawMessage, bool) {
		switch k {
		case Actors, Locations, Dates, Meetings, Quotes, "reference_date", "reference_date_from":
			return fresh[k], true
		}
		return nil, false
	})
	if err != nil {
		return nil, err
	}
	return indent(b)
}

// replaceFields returns the JSON object data, compact, with the values of
// the fields replace gives new ones for, in the order written.
func replaceFields(data []byte, replace func(key string) (json.RawMessage, bool)) ([]byte, error) {
	keys, values, err := objectFields(data)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		v := values[i]
		if nv, ok := replace(k); ok {
			v = nv
		}
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		if err := json.Compact(&b, v); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func indent(b []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// objectFields lists the fields of a JSON object in the order written.
func objectFields(data []byte) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("not a JSON object")
	}
	var keys []string
	var values []json.RawMessage
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, t.(string))
		values = append(values, v)
	}
	return keys, values, nil
}
