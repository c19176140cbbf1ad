package tui

import (
	"time"

	"chrono/model"
)

// Store is what the browser asks of an investigation's store. It reads
// windows of the timeline around the cursor, never the whole of it.
// *store.Store satisfies it; tests use fakes.
type Store interface {
	Header() (model.Header, error)
	// Window returns events of the view q selects around anchor (see
	// store.Store.Window).
	Window(q model.Query, at model.Position, fromEnd bool, before, after int) (model.Window, error)
	Count(q model.Query) (int, error)
	// CountFrom and Find answer a piece at a time, looking at no more than
	// limit events (see store.Store): counts and searches that read every
	// event stream into the screen, and stop when the question changes.
	CountFrom(q model.Query, from model.Position, limit int) (n int, next model.Position, err error)
	Find(q model.Query, from model.Position, backward bool, limit int) (hit, next model.Position, err error)
	Periods(q model.Query) ([]model.Period, error)
	Facets(kind model.FacetKind) ([]model.Facet, error)
	Detail(id string) (model.Detail, error)
	Position(id string) (model.Position, error)
	Retag(ids []string, add, remove []string) ([]model.Change, error)
	// RetagEach changes each event's tags as it is in the store now.
	RetagEach(deltas []model.TagDelta) ([]model.Change, error)
	AddNote(id, text string, at time.Time) (model.Change, error)
	// Version changes whenever the store does, by this browser or by
	// another process.
	Version() (string, error)
}
