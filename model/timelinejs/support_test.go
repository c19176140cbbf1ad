package timelinejs

import (
	"bytes"
	"iter"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
	"chrono/model/native"
)

// readDoc reads a TimelineJS document through a Checker, as an import does.
func readDoc(t testing.TB, doc string) (model.Timeline, *model.Losses, error) {
	return modeltest.ReadFormat(Read, doc)
}

// mustRead reads a document that must read cleanly.
func mustRead(t testing.TB, doc string) (model.Timeline, *model.Losses) {
	t.Helper()
	tl, losses, err := readDoc(t, doc)
	if err != nil {
		t.Fatalf("read: %v\n%s", err, doc)
	}
	return tl, losses
}

// export writes a timeline as TimelineJS and checks the output against
// the rules of the format.
func export(t testing.TB, tl model.Timeline) (string, *model.Losses) {
	t.Helper()
	var buf bytes.Buffer
	var losses model.Losses
	if _, err := Write(&buf, tl.Header, tl.Sources, seq(tl.Events), &losses); err != nil {
		t.Fatalf("write: %v", err)
	}
	if bad := validate(buf.Bytes()); len(bad) > 0 {
		t.Fatalf("the export breaks TimelineJS's rules:\n%s\n%s", strings.Join(bad, "\n"), buf.String())
	}
	return buf.String(), &losses
}

func seq(es []model.Event) iter.Seq2[model.Event, error] { return modeltest.Seq(es) }

func example(t testing.TB) model.Timeline { return modeltest.Example(t) }

// nativeText writes a timeline in chrono's own format, for golden files.
func nativeText(t testing.TB, tl model.Timeline) string {
	t.Helper()
	var buf bytes.Buffer
	if err := native.Write(&buf, tl.Header, tl.Sources, seq(tl.Events)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func mustDate(t testing.TB, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
