// Package extract turns English news text into structured facts: the actors
// (people and organizations) and locations it names, each one entry per
// real-world entity with all its mentions, and its date expressions
// normalized against the reference date (see package extract/dates), in
// the readout.v1 shape.
//
// Build an Extractor once with New and call Extract for each document; an
// Extractor is safe for concurrent use.
package extract

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"

	"github.com/readout/readout/gazetteer"
	"github.com/readout/readout/internal/punkt"
	"github.com/readout/readout/rules"
)

// Options configure an Extractor.
type Options struct {
	// GazetteerPaths are extra gazetteer files or folders, merged over the
	// built-in gazetteer in order.
	GazetteerPaths []string
	// RulePaths are extra rule files or folders, merged over the built-in
	// rules in order.
	RulePaths []string
	// NoBuiltin leaves out the built-in gazetteer and rules.
	NoBuiltin bool
	// Gazetteer, when set, is used instead of loading one from
	// GazetteerPaths; it lets many Extractors share one.
	Gazetteer *gazetteer.Gazetteer
}

// Extractor holds what extraction needs that is expensive to build: the
// gazetteer index, the rules and the models. It is immutable.
type Extractor struct {
	gaz       *gazetteer.Gazetteer
	rules     *rules.Set
	titles    *phraseSet
	tagger    *tag.Tagger
	segmenter *segment.Segmenter
	// entityModel gives prose's entity recognizer, loaded on first use:
	// it only breaks ties, and many documents never need it.
	entityModel func() (*ner.Extracter, error)
}

// Errors a document can fail with before extraction starts.
var (
	// ErrEmpty: the text has nothing but white space.
	ErrEmpty = errors.New("empty document: there is no text to read")
	// ErrInvalidUTF8: the text is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8: convert the text to UTF-8 first (e.g. with iconv)")
	// ErrBinary: the text looks like a binary file.
	ErrBinary = errors.New("binary data: this looks like a binary file, not text")
)

// New builds an Extractor: it loads and indexes the gazetteer and rules and
// the tagging models. Bad gazetteer or rule files are reported as
// file:line:col: message.
func New(opts Options) (*Extractor, error) {
	// The parts are independent; building them at once halves start-up
	// on two cores.
	var (
		x                                = Extractor{entityModel: sync.OnceValues(ner.New)}
		gazErr, rulesErr, tagErr, segErr error
		wg                               sync.WaitGroup
	)
	wg.Go(func() {
		x.gaz = opts.Gazetteer
		if x.gaz == nil {
			x.gaz, gazErr = LoadGazetteer(opts.GazetteerPaths, opts.NoBuiltin)
		}
	})
	wg.Go(func() {
		x.rules, rulesErr = rules.Load(opts.RulePaths, opts.NoBuiltin)
		if rulesErr == nil {
			x.titles = newPhraseSet(x.rules.Titles)
		}
	})
	wg.Go(func() { x.tagger, tagErr = tag.New() })
	wg.Go(func() { x.segmenter, segErr = punkt.English() })
	wg.Wait()
	switch {
	case gazErr != nil:
		return nil, gazErr
	case rulesErr != nil:
		return nil, rulesErr
	case tagErr != nil:
		return nil, fmt.Errorf("loading the part-of-speech model: %w", tagErr)
	case segErr != nil:
		return nil, fmt.Errorf("loading the sentence model: %w", segErr)
	}
	return &x, nil
}

// The built-in gazetteer is read once per process; it is immutable, so
// Extractors share it.
var (
	builtinGazetteer = sync.OnceValues(func() ([]gazetteer.Entry, error) { return gazetteer.Builtin() })
	builtinIndexed   = sync.OnceValues(gazetteer.BuiltinGazetteer)
)

// LoadGazetteer reads the built-in gazetteer (unless noBuiltin) and the
// given files or folders, and indexes the merged entries.
func LoadGazetteer(paths []string, noBuiltin bool) (*gazetteer.Gazetteer, error) {
	if len(paths) == 0 && !noBuiltin {
		return builtinIndexed() // indexed already in the snapshot
	}
	var layers [][]gazetteer.Entry
	if !noBuiltin {
		b, err := builtinGazetteer()
		if err != nil {
			return nil, err
		}
		layers = append(layers, b)
	}
	for _, p := range paths {
		entries, err := gazetteer.LoadPath(p)
		if err != nil {
			return nil, err
		}
		layers = append(layers, entries)
	}
	return gazetteer.New(gazetteer.Merge(layers...)), nil
}

// Gazetteer returns the gazetteer the Extractor matches names with.
func (x *Extractor) Gazetteer() *gazetteer.Gazetteer { return x.gaz }

// Extract reads one document. It fails only for input that is not text
// (ErrEmpty, ErrInvalidUTF8, ErrBinary), when ctx is done, or when the
// entity model, loaded on first use, cannot be read.
func (x *Extractor) Extract(ctx context.Context, doc Document) (Result, error) {
	if err := CheckText(doc.Text); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	a := x.analyze(doc.Text)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	r := Result{
		Schema:    Schema,
		ID:        doc.ID,
		Source:    doc.Source,
		Actors:    []Entity{},
		Locations: []Entity{},
		Dates:     []Date{},
		Meetings:  []Meeting{},
		Quotes:    []Quote{},
		Events:    []struct{}{},
	}
	for _, e := range a.entities(x) {
		if gazetteer.IsActorType(e.Type) {
			r.Actors = append(r.Actors, e)
		} else {
			r.Locations = append(r.Locations, e)
		}
	}
	if a.modelErr != nil {
		return Result{}, fmt.Errorf("loading the entity model: %w", a.modelErr)
	}
	// Dates come after the entities (a name is no date) and before the
	// quotes and meetings that read r.Dates.
	a.dates(doc, &r)
	r.Quotes = x.quotes(a, r.Actors, r.Locations)
	// Meetings come last: they refer to the actors, locations and dates.
	r.Meetings = x.meetings(a, &r)
	return r, nil
}

// CheckText reports why text cannot be read as a news document, or nil.
// NUL bytes mean binary data even where the bytes are also invalid UTF-8
// (images, archives).
func CheckText(text string) error {
	if strings.IndexByte(text, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.ValidString(text) {
		return ErrInvalidUTF8
	}
	control, words := 0, false
	for _, r := range text {
		switch {
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v':
			control++
		case !unicode.IsSpace(r) && !unicode.IsControl(r) && r != '\ufeff':
			words = true
		}
	}
	if !words {
		return ErrEmpty
	}
	if control*100 > len(text) {
		return ErrBinary
	}
	return nil
}
