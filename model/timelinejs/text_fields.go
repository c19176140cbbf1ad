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
// or by hand, is a change to the event like a changed headline.
type textFields struct {
	status    model.Status
	hasStatus bool
	actors    []string
	hasActors bool
	tags      []string
	hasTags   bool
}

// The classes of the paragraphs slideText writes the fields in: marked,
// they are told from a summary's own paragraphs that read alike (a slide
// written by hand, ending "Status: confirmed").
const (
	classStatus = "chrono-status"
	classActors = "chrono-actors"
	classTags   = "chrono-tags"
)

// fieldParagraph writes one of the fields' paragraphs: "Status: alleged",
// marked with its class.
func fieldParagraph(class, label, value string) string {
	return `<p class="` + class + `">` + label + ": " + escapeText(value) + "</p>"
}

// markedFields takes the paragraphs slideText marks as fields out of a
// slide's text, HTML, and reads them; it returns the text without them,
// and how many it could not read. A marked paragraph that does not read
// back whole (an unknown status, a tag chrono would refuse) stays in the
// text, and is counted.
func markedFields(h string) (string, textFields, int) {
	var f textFields
	const open = `<p class="chrono-`
	if !strings.Contains(h, open) {
		return h, f, 0 // the common case: no copy
	}
	unread := 0
	var rest strings.Builder
	for {
		i := strings.Index(h, open)
		if i < 0 {
			break
		}
		class, after, ok := strings.Cut(h[i+len(`<p class="`):], `">`)
		inner, tail, closed := strings.Cut(after, "</p>")
		if !ok || !closed || !f.take(class, inner) {
			if ok && closed && fieldClass(class) {
				unread++
			}
			rest.WriteString(h[:i+len(open)])
			h = h[i+len(open):]
			continue
		}
		rest.WriteString(h[:i])
		h = tail
	}
	rest.WriteString(h)
	return rest.String(), f, unread
}

func fieldClass(class string) bool {
	return class == classStatus || class == classActors || class == classTags
}

// take reads the inner HTML of a paragraph of class into f, reporting
// whether it read whole. One holding another paragraph or a line break
// does not: left open, a paragraph ends where the next begins, and what
// follows it is the slide's text, not a field.
func (f *textFields) take(class, inner string) bool {
	if lower := strings.ToLower(inner); strings.Contains(lower, "<p") || strings.Contains(lower, "<br") || strings.Contains(lower, "<blockquote") || strings.Contains(lower, "<div") {
		return false
	}
	text, _ := htmlToText(inner)
	text = strings.TrimSpace(text)
	// The list after its label, as a person may leave it when editing:
	// "Actors:" emptied, "Status: Denied."
	after := func(label string) (string, bool) {
		rest, ok := strings.CutPrefix(text, label+":")
		return strings.TrimSpace(rest), ok
	}
	switch class {
	case classStatus:
		word, ok := after("Status")
		word = strings.TrimSuffix(word, ".")
		if !ok || f.hasStatus {
			return false
		}
		st := model.Status("") // "not assessed": the status taken away
		if word != "" && !strings.EqualFold(word, st.Word()) {
			var err error
			if st, err = model.ParseStatus(word); err != nil {
				return false
			}
		}
		f.status, f.hasStatus = st, true
	case classActors:
		list, ok := after("Actors")
		if !ok || f.hasActors {
			return false
		}
		f.actors, f.hasActors = splitList(list), true // emptied: the actors taken away
	case classTags:
		list, ok := after("Tags")
		if !ok || f.hasTags {
			return false
		}
		tags := splitList(list)
		for i, t := range tags {
			tags[i] = model.TagTyped(t) // "#urgent", as chrono shows a tag
			if model.CheckTag(tags[i]) != "" {
				return false
			}
		}
		f.tags, f.hasTags = tags, true // emptied, no tag: an import takes none away
	default:
		return false
	}
	return true
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

// readBack is what a list of actors or tags reads back as, once chrono's
// export wrote it into a slide's text: an actor whose name holds ", "
// comes back as two, and runs of spaces as one, as HTML shows them.
func readBack(class, label string, list []string) []string {
	if len(list) == 0 {
		return nil
	}
	_, f, _ := markedFields(fieldParagraph(class, label, oneLine(strings.Join(list, ", "))))
	if class == classTags {
		return f.tags
	}
	return f.actors
}

// Taken is what an update of the stored event takes from a slide's, read:
// the summary as SummaryTaken has it, the stored actors where the
// slide's are what the export of them reads back as (an actor "Smith,
// John" is not two actors because the slide's text says it so), and a
// stored tag for each tag of the slide that is its export read back (a
// tag "a  b", its spaces collapsed, is not another tag).
func Taken(stored model.Event, read *model.Event) {
	takenMedia(stored, read)
	if read.Summary != stored.Summary {
		read.Summary = SummaryTaken(stored.Summary, read.Summary)
	}
	if !slices.Equal(read.Actors, stored.Actors) && slices.Equal(read.Actors, readBack(classActors, "Actors", stored.Actors)) {
		read.Actors = stored.Actors
	}
	for _, s := range stored.Tags {
		if back := readBack(classTags, "Tags", []string{s}); len(back) == 1 && back[0] != s {
			if i := slices.Index(read.Tags, back[0]); i >= 0 {
				read.Tags[i] = s
			}
		}
	}
}
