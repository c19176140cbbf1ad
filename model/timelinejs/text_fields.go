package timelinejs

import (
	"slices"
	"strings"

	"chrono/model"
)

// textFields is what chrono's export writes of an event into a slide's
// text after its summary (slideText) for the fields TimelineJS has none
// for, read back: "Status: alleged", "Actors: NSO Group, Omri Lavie",
// "Tags: ss7, cash-offer". A status changed there, in TimelineJS's editor
// or a spreadsheet, is a change to the event like a changed headline.
type textFields struct {
	status    model.Status
	hasStatus bool
	actors    []string
	hasActors bool
	tags      []string
}

// readTextFields takes the status, actors and tags paragraphs out of the
// paragraphs that end a slide's text as chrono's export writes them
// (summaryPart), and returns the text without them. Paragraphs before
// those, or that do not read back whole (an unknown status, a tag chrono
// would refuse), stay in the text, as a slide written by hand may hold
// such a line.
func readTextFields(text string) (string, textFields) {
	var f textFields
	ps := strings.Split(text, "\n\n")
	start := additionsStart(ps)
	if start == len(ps) {
		return text, f
	}
	kept := ps[:start:start]
	for _, p := range ps[start:] {
		if !f.take(strings.TrimSpace(p)) {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n"), f
}

// take reads one paragraph into f, reporting whether it was one of
// those slideText writes and read whole.
func (f *textFields) take(p string) bool {
	if word, ok := strings.CutPrefix(p, "Status: "); ok && !f.hasStatus {
		st, err := model.ParseStatus(word)
		if err != nil {
			return false
		}
		f.status, f.hasStatus = st, true
		return true
	}
	if list, ok := strings.CutPrefix(p, "Actors: "); ok && !f.hasActors {
		f.actors, f.hasActors = splitList(list), true
		return true
	}
	if list, ok := strings.CutPrefix(p, "Tags: "); ok && f.tags == nil {
		tags := splitList(list)
		for _, t := range tags {
			if model.CheckTag(t) != "" {
				return false
			}
		}
		f.tags = tags
		return true
	}
	return false
}

// splitList splits a list slideText joined with ", ".
func splitList(list string) []string {
	var out []string
	for _, s := range strings.Split(list, ", ") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// actorsRead is what the actors of an event read back as, once chrono's
// export wrote them into a slide's text: an actor whose name holds ", "
// comes back as two.
func actorsRead(actors []string) []string {
	if len(actors) == 0 {
		return nil
	}
	text, _ := htmlToText("<p>Actors: " + escapeText(oneLine(strings.Join(actors, ", "))) + "</p>")
	_, f := readTextFields(text)
	return f.actors
}

// Taken is what an update of the stored event takes from a slide's, read:
// the summary as SummaryTaken has it, and the stored actors where the
// slide's are what the export of them reads back as (an actor "Smith,
// John" is not two actors because the slide's text says it so).
func Taken(stored model.Event, read *model.Event) {
	if read.Summary != stored.Summary {
		read.Summary = SummaryTaken(stored.Summary, read.Summary)
	}
	if !slices.Equal(read.Actors, stored.Actors) && slices.Equal(read.Actors, actorsRead(stored.Actors)) {
		read.Actors = stored.Actors
	}
}
