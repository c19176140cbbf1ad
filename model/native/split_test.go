package native

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"chrono/model"
)

// readSplit reads doc, through r, with a checker that collects the
// problems of values and lets the read go on: what Read returns is then
// only the fault that stops it.
func readSplit(r io.Reader) (model.Timeline, []string, error) {
	var c model.Collect
	chk := model.NewChecker(&c, nil)
	err := Read(r, chk)
	var problems []string
	if done := chk.Done(); done != nil {
		problems = strings.Split(done.Error(), "\n")
	}
	return c.Timeline, problems, err
}

// readDecoding is readSplit with the events array read by the decoder,
// as it was before the splitter.
func readDecoding(r io.Reader) (model.Timeline, []string, error) {
	splitEvents = false
	defer func() { splitEvents = true }()
	return readSplit(r)
}

// checkSplit checks that Read reads doc as it does with the events
// array read by a decoder that checks every byte: the same events, the
// same problems, the same error at the same place; and that reading it a
// byte at a time changes nothing.
func checkSplit(t *testing.T, doc []byte) {
	t.Helper()
	tl, problems, err := readSplit(bytes.NewReader(doc))
	want, wantProblems, wantErr := readDecoding(bytes.NewReader(doc))
	same := func(tl model.Timeline, problems []string, err error) bool {
		return reflect.DeepEqual(normalise(tl), normalise(want)) && reflect.DeepEqual(problems, wantProblems) &&
			(err == nil) == (wantErr == nil) && (err == nil || sameFault(err, wantErr))
	}
	if !same(tl, problems, err) {
		t.Fatalf("%q:\nsplit: %v, %q, %v\ndecoded: %v, %q, %v", doc, tl, problems, err, want, wantProblems, wantErr)
	}
	// A key twice within an event is the event's problem, not an error.
	if fault := checkValue(doc, model.Place{Line: 1, Column: 1}, anyKeyTwice); wantErr == nil && fault != nil {
		t.Fatalf("%q: read without an error, which jsontext finds: %v", doc, fault)
	}
	tl, problems, err = readSplit(iotest.OneByteReader(bytes.NewReader(doc)))
	if !same(tl, problems, err) {
		t.Fatalf("%q a byte at a time:\nsplit: %v, %q, %v\ndecoded: %v, %q, %v", doc, tl, problems, err, want, wantProblems, wantErr)
	}
}

// sameFault reports whether two errors of Read say the same: the same
// words at the same place. jsontext words a character where no value
// may begin by the context it keeps of the values before ("at start of
// value", "after array element"), and quotes a bad character or escape
// with as many bytes as its buffer holds, which differ for a value
// checked alone: the place and the words before the quote are then
// enough.
func sameFault(err, want error) bool {
	if err.Error() == want.Error() {
		return true
	}
	var p, w model.Problem
	if !errors.As(err, &p) || !errors.As(want, &w) || p.Line != w.Line || p.Column != w.Column || p.Byte != w.Byte {
		return false
	}
	words := func(msg string) string {
		if i := strings.IndexAny(msg, "`'\""); i > 0 {
			return msg[:i]
		}
		return ""
	}
	return words(p.Msg) != "" && words(p.Msg) == words(w.Msg)
}

// splitDocs are documents whose events array holds what the splitter
// must get right: escapes, strings with brackets, values it cannot
// close, faults between values.
var splitDocs = []string{
	`{"chrono":1,"events":[]}`,
	`{"chrono":1,"events":[ ]}`,
	`{"chrono":1,"events":[{"id":"a","title":"[{\"]}"}]}`,
	`{"chrono":1,"events":[{"id":"a","title":"back\\"},{"id":"b","title":"\\\"\\\\"}]}`,
	`{"chrono":1,"events":[{"id":"a","tags":["x",]}]}`,
	`{"chrono":1,"events":[{"id":"a"},]}`,
	`{"chrono":1,"events":[,{"id":"a"}]}`,
	`{"chrono":1,"events":[{"id":"a"} {"id":"b"}]}`,
	`{"chrono":1,"events":[{"id":"a"}:]}`,
	`{"chrono":1,"events":[{"id":"a"]}`,
	`{"chrono":1,"events":[{"id":"a","tags":["x"}]}`,
	`{"chrono":1,"events":[{"id":"a","id":"b"}]}`,
	`{"chrono":1,"events":[{"id":"a","quotes":[{"text":"t","text":"u"}]}]}`,
	`{"chrono":1,"events":[{"id":"a\u0001"}]}`,
	"{\"chrono\":1,\"events\":[{\"id\":\"a\x01\"}]}",
	"{\"chrono\":1,\"events\":[{\"id\":\"\xff\"}]}",
	`{"chrono":1,"events":[{"id":"a","title":x}]}`,
	`{"chrono":1,"events":[{"id":"a","title":"t"}`,
	`{"chrono":1,"events":[{"id":"a","title":"t`,
	`{"chrono":1,"events":[{"id":"a","title":"t\`,
	`{"chrono":1,"events":[{"id":"a","title":x,"summary":"never closed`,
	`{"chrono":1,"events":[1, "two", null, true, [3], {"id":"a"}]}`,
	`{"chrono":1,"events":[tru]}`,
	`{"chrono":1,"events":[12x]}`,
	`{"chrono":1,"events":[-]}`,
	`{"chrono":1,"events":[1`,
	`{"chrono":1,"events":[}`,
	`{"chrono":1,"events":[{"id":"a"}],"title":"t"}`,
	`{"chrono":1,"events":[{"id":"a"}],"chrono":1}`,
	`{"chrono":1,"title":"t","events":[],"title":"u"}`,
	`{"chrono":1,"events":[],"events":[]}`,
	`{"chrono":1,"events":[{"id":"a"}]} x`,
	`{"chrono":1,"events":[{"id":"a"}]}`,
	"{\"chrono\":1,\n \"events\": [\n  {\"id\": \"a\",\n   \"title\": \"é\" x}\n ]\n}",
	`{"chrono":1,"ev\u0065nts":[{"id":"a"}],"events":[]}`,
}

func TestSplitStopsWhereJSONTextDoes(t *testing.T) {
	for _, doc := range splitDocs {
		checkSplit(t, []byte(doc))
	}
}

// TestSplitAcrossReads reads events longer than a read of the splitter,
// and strings whose quotes and backslashes fall on the edges of reads.
func TestSplitAcrossReads(t *testing.T) {
	unit := `a\"[{` // an escaped quote and brackets, in a string
	long := strings.Repeat(unit, 60<<10/len(unit))
	var doc strings.Builder
	doc.WriteString(`{"chrono":1,"events":[`)
	for i := range 40 {
		if i > 0 {
			doc.WriteString(",\n")
		}
		text := long[:len(long)-i*997%len(long)/len(unit)*len(unit)] + `\\`
		doc.WriteString(`{"id":"e` + strings.Repeat("x", i) + `","title":"t","quotes":[{"text":"` + text + `"},{"text":"` + text + `"},{"text":"` + text + `"}]}`)
	}
	doc.WriteString(`]}`)
	tl, problems, err := readSplit(strings.NewReader(doc.String()))
	if err != nil || len(problems) > 0 {
		t.Fatalf("Read says %v, %q", err, problems)
	}
	if len(tl.Events) != 40 || !strings.HasSuffix(tl.Events[39].Quotes[2].Text, `{\`) {
		t.Fatalf("read %d events", len(tl.Events))
	}
	checkSplit(t, []byte(doc.String()))
}

// FuzzSplit checks that the events array is read, and refused, as a
// decoder that checks every byte reads and refuses it.
func FuzzSplit(f *testing.F) {
	for _, doc := range splitDocs {
		f.Add(strings.TrimPrefix(doc, `{"chrono":1,"events":[`))
	}
	f.Fuzz(func(t *testing.T, tail string) {
		checkSplit(t, []byte(`{"chrono":1,"events":[`+tail))
	})
}

func TestSkipToMark(t *testing.T) {
	for _, mark := range []byte(`"{}[]`) {
		for at := range 20 {
			b := bytes.Repeat([]byte(" a:1,\n\t\xc3\xa9"), 3)[:20]
			b[at] = mark
			if got := skipToMark(b, 0); got != at {
				t.Errorf("%q in %q: at %d, want %d", mark, b, got, at)
			}
			if got := skipToMark(b, at+1); got != len(b) {
				t.Errorf("%q in %q from %d: at %d, want the end", mark, b, at+1, got)
			}
		}
	}
	// Bytes one bit from a mark are not marks.
	near := []byte("zy\\|;=!#{")
	if got := skipToMark(near, 0); got != len(near)-1 {
		t.Errorf("in %q: at %d, want %d", near, got, len(near)-1)
	}
}

// TestSplitFaultsInLongValues has faults that leave a value open for
// megabytes (a quote too many, a number that runs on): the splitter
// finds them where a checking decoder does, and does not read on to the
// record limit for them.
func TestSplitFaultsInLongValues(t *testing.T) {
	many := strings.Repeat(`{"id":"b","title":"t"},`+"\n", 100_000)
	docs := []string{
		`{"chrono":1,"events":[` + "\n" + `{"id":"a","title":"5" screen"},` + "\n" + many + `{"id":"z","title":"t"}]}`,
		`{"chrono":1,"events":[{"id":x,"title":"` + strings.Repeat("word ", 600_000) + `"}]}`,
		`{"chrono":1,"events":[{"id":x,"title":"` + strings.Repeat("word ", 600_000),
		`{"chrono":1,"events":[0` + strings.Repeat("1", 300_000) + `]}`,
		`{"chrono":1,"events":[1` + strings.Repeat("1", 300_000) + `]}`,
	}
	for _, doc := range docs {
		checkSplit(t, []byte(doc))
	}
}

// failingReader gives its bytes, then its error.
type failingReader struct {
	r   io.Reader
	err error
}

func (f failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		err = f.err
	}
	return n, err
}

// TestSplitSaysAReadError reads a document whose input fails inside the
// events array: the error is said as a checking decoder says it, where
// the input stopped.
func TestSplitSaysAReadError(t *testing.T) {
	doc := `{"chrono":1,"events":[{"id":"a","title":"t"},{"id":"b","title":"a long title`
	failed := errors.New("flate: corrupt input")
	for _, cut := range []int{30, 50, len(doc)} {
		read := func(read func(io.Reader) (model.Timeline, []string, error)) error {
			_, _, err := read(failingReader{strings.NewReader(doc[:cut]), failed})
			return err
		}
		got, want := read(readSplit), read(readDecoding)
		if got == nil || want == nil || got.Error() != want.Error() {
			t.Errorf("cut at %d: split says %v, decoded %v", cut, got, want)
		}
	}
}
