package csvfmt

import (
	"iter"
	"os"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/modeltest"
)

// readAll reads doc through a Checker, as an import does, and returns what
// reached the end, the losses and every problem.
func readAll(t testing.TB, doc string) (model.Timeline, *model.Losses, error) {
	return modeltest.ReadFormat(Read, doc)
}

func readFixture(t *testing.T, name string) (model.Timeline, *model.Losses, error) {
	t.Helper()
	doc, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, string(doc))
}

func events(es []model.Event) iter.Seq2[model.Event, error] { return modeltest.Seq(es) }

// problems splits an error into its lines, or nil.
func problems(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}
