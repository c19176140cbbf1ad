package markdown

import "chrono/model"

// section is the part of the chronology an event goes under: the year of
// its earliest bound, a section for events whose start is open or unknown
// (they may begin before any year shown), or one for undated events.
type section struct {
	kind sectionKind
	year int64
}

type sectionKind uint8

const (
	openStart sectionKind = iota
	inYear
	undated
)

func sectionOf(d model.Date) section {
	switch {
	case d.IsZero():
		return section{kind: undated}
	case d.Earliest() == model.BeginningOfTime:
		return section{kind: openStart}
	}
	year, _, _ := d.Earliest().Civil()
	return section{kind: inYear, year: year}
}

// title is the section's heading: "2017", "44 BCE", "Start unknown",
// "Undated".
func (s section) title() string {
	switch s.kind {
	case openStart:
		return "Start unknown"
	case undated:
		return "Undated"
	}
	return model.YearLabel(s.year)
}
