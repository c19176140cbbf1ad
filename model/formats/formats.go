// Package formats is the table of the formats chrono reads and writes:
// their names, how to recognise a file of each, and their readers and
// writers. Each format lives in its own package; this one only lists them,
// so that the command line and its help speak of every format the same way.
package formats

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"strings"

	"chrono/model"
	"chrono/model/csvfmt"
	"chrono/model/markdown"
	"chrono/model/native"
	"chrono/model/plaso"
	"chrono/model/timelinejs"
	"chrono/model/timesketch"
)

// Reader decodes a file into a Sink, counting what it could not carry in
// losses.
type Reader func(r io.Reader, sink model.Sink, losses *model.Losses) error

// Writer encodes an investigation, streaming its events, and returns how
// many events it wrote; what the format cannot carry is counted in losses.
type Writer func(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error)

// Format is one format chrono speaks.
type Format struct {
	// Name is what --format takes.
	Name string
	// Title names the format for people.
	Title string
	// Variant, when set, names the variant a file's first bytes are in
	// ("Timesketch JSONL"), for saying what was detected.
	Variant func(head []byte) string
	// Detect reports whether the first bytes of a file are in the format;
	// nil for formats chrono only writes.
	Detect func(head []byte) bool
	// Read is nil for formats chrono only writes.
	Read Reader
	// Write is nil for formats chrono only reads.
	Write Writer
	// LeavesOut, when set, reports the events the format cannot write and
	// skips; an export leaves out the links to them too. Nil for formats
	// that write every event, or whose links are not records an import
	// reads back.
	LeavesOut func(e model.Event) bool
	// Carries is the event fields the format has a place for, which an
	// import's update takes from a record; it keeps the stored value of
	// every other. Zero for formats chrono only writes.
	Carries model.FieldSet
	// Whole says a record is the event whole, leaving out only what is
	// empty (chrono JSON): an import that replaces events clears what it
	// leaves out (model.Input.Whole).
	Whole bool
	// Taken is model.Input.Taken for the format's files.
	Taken func(stored model.Event, read *model.Event)
	// Shown is how the written text may be sent to a terminal: the
	// investigation's text goes out as it came, so control characters in
	// it must be escaped, or were already made safe, or cannot be.
	Shown Shown
}

// All lists the formats in the order detection tries them: the most
// specific signature first.
var All = []Format{
	{Name: "json", Title: "chrono JSON", Variant: nativeVariant, Detect: detectNative, Read: readNative, Write: writeNative, Carries: model.AllFields, Whole: true, Shown: ShownEscaped},
	{Name: "timelinejs", Title: "TimelineJS JSON", Variant: timelinejs.Variant, Detect: timelinejs.Detect, Read: timelinejs.Read, Write: timelinejs.Write, Carries: timelinejs.Carries, Taken: timelinejs.Taken, Shown: ShownEscaped},
	{Name: "plaso", Title: "Plaso json_line or l2tcsv", Variant: plaso.Variant, Detect: plaso.Detect, Read: plaso.Read, Carries: plaso.Carries, Taken: timesketch.Taken, Shown: ShownEscaped},
	{Name: "timesketch", Title: "Timesketch JSONL or CSV", Variant: timesketchVariant, Detect: timesketch.Detect, Read: timesketch.Read, Write: timesketch.WriteJSONL, LeavesOut: timesketch.LeavesOut, Carries: timesketch.Carries, Taken: timesketch.Taken, Shown: ShownEscaped},
	{Name: "timesketch-csv", Title: "Timesketch CSV", Write: timesketch.WriteCSV, LeavesOut: timesketch.LeavesOut, Shown: ShownNever},
	{Name: "csv", Title: "chrono CSV", Detect: csvfmt.Detect, Read: csvfmt.Read, Write: csvfmt.Write, Carries: csvfmt.Carries, Shown: ShownNever},
	{Name: "markdown", Title: "Markdown", Write: markdown.Write, Shown: ShownSafe},
}

// Shown says how a format's output may go to a terminal.
type Shown int

const (
	// ShownEscaped: JSON, in which any character can be written as a \u
	// escape without changing the value (termtext.JSONWriter).
	ShownEscaped Shown = iota
	// ShownSafe: the writer already made the text safe (Markdown).
	ShownSafe
	// ShownNever: the text goes out as it came, with no way to escape it
	// (CSV); it goes to files and pipes only.
	ShownNever
)

// Lookup returns the format with a name.
func Lookup(name string) (Format, bool) {
	for _, f := range All {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names lists the names of the formats that read (or write), for help
// and errors: "json, timelinejs, timesketch, csv".
func Names(reading bool) string {
	var names []string
	for _, f := range All {
		if (reading && f.Read != nil) || (!reading && f.Write != nil) {
			names = append(names, f.Name)
		}
	}
	return strings.Join(names, ", ")
}

// sniffSize is how much of a file detection looks at.
const sniffSize = 64 << 10

// Detect recognises the format of what r holds from its first bytes, and
// returns a reader that still yields all of it. When those bytes end
// inside a first line that is an object and no format recognises them,
// it looks at that whole line (within the record limit) before it gives
// up.
func Detect(r io.Reader) (Format, io.Reader, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return Format{}, br, err
	}
	if isUTF16(head) {
		return Format{}, br, ErrUTF16
	}
	if f, ok := detect(head); ok {
		return f, br, nil
	}
	line, ok, err := wholeFirstLine(br, head)
	var rest io.Reader = br
	if line != nil {
		rest = io.MultiReader(bytes.NewReader(line), br)
		head = line[:min(len(head), len(line))] // reading on reused the buffer under head
	}
	if err != nil {
		return Format{}, rest, err
	}
	if ok {
		if f, ok := detect(line); ok {
			return f, rest, nil
		}
	}
	if len(strings.TrimSpace(string(model.TrimByteOrderMark(head)))) == 0 {
		return Format{}, rest, ErrEmpty
	}
	if miss := native.NearMiss(head); miss != "" {
		return Format{}, rest, fmt.Errorf("not chrono JSON: %s", miss)
	}
	if miss := sheetMiss(head); miss != "" {
		return Format{}, rest, fmt.Errorf("not a format chrono reads: %s", miss)
	}
	if miss := markdownMiss(head); miss != "" {
		return Format{}, rest, fmt.Errorf("not a format chrono reads: %s", miss)
	}
	if miss := timesketch.ArrayMiss(head); miss != "" {
		return Format{}, rest, fmt.Errorf("not a format chrono reads: %s", miss)
	}
	if miss := plaso.JSONMiss(head); miss != "" {
		return Format{}, rest, fmt.Errorf("not a format chrono reads: %s", miss)
	}
	if jsonp(head) {
		return Format{}, rest, fmt.Errorf("not a format chrono reads: it looks like TimelineJS2's JSONP (storyjs_jsonp_data = {...}): delete what comes before the first { (and a ; at the end), and import the JSON left")
	}
	if err := notUTF8(head, len(head) == sniffSize); err != nil {
		return Format{}, rest, err
	}
	return Format{}, rest, fmt.Errorf("not a format chrono reads (%s); if it is one of them, say which with --format", Names(true))
}

// detect returns the first format that recognises head, named for its
// variant.
func detect(head []byte) (Format, bool) {
	for _, f := range All {
		if f.Detect != nil && f.Detect(head) {
			if f.Variant != nil {
				f.Title = f.Variant(head)
			}
			return f, true
		}
	}
	return Format{}, false
}

// timesketchVariant tells Timesketch's JSONL from its CSV, as its reader
// does: by a leading '{'.
func timesketchVariant(head []byte) string {
	if t := bytes.TrimLeft(head, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		return "Timesketch JSONL"
	}
	return "Timesketch CSV"
}

// detectNative recognises chrono JSON: a document, or JSON Lines of
// events as `chrono list --json` prints them.
func detectNative(head []byte) bool { return native.Detect(head) || native.DetectLines(head) }

// nativeVariant tells chrono JSON Lines from a chrono JSON document.
func nativeVariant(head []byte) string {
	if native.Detect(head) {
		return "chrono JSON"
	}
	return "chrono JSON Lines"
}

func readNative(r io.Reader, sink model.Sink, _ *model.Losses) error { return native.Read(r, sink) }

func writeNative(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], _ *model.Losses) (int, error) {
	n := 0
	counted := func(yield func(model.Event, error) bool) {
		for e, err := range events {
			if err == nil {
				n++
			}
			if !yield(e, err) {
				return
			}
		}
	}
	err := native.Write(w, h, sources, counted)
	return n, err
}

// jsonp reports whether head starts as TimelineJS2's JSONP file does,
// a JSON object assigned to a script's variable: storyjs_jsonp_data =
// {"timeline": ...}. It is JSON once the assignment is taken off.
func jsonp(head []byte) bool {
	s := strings.TrimSpace(string(model.TrimByteOrderMark(head)))
	name, rest, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(name, "var ")), "window."))
	return ok && name != "" && !strings.ContainsAny(name, " {[\"\n") && strings.HasPrefix(strings.TrimSpace(rest), "{")
}
