package csvfmt

import (
	"iter"
	"os"
	"strings"
	"testing"

	"chrono/model"
)

// readAll reads doc through a Checker, as an import does, and returns what
// reached the end, the losses and every problem.
func readAll(t testing.TB, doc string) (model.Timeline, *model.Losses, error) {
	t.Helper()
	var c model.Collect
	var losses model.Losses
	chk := model.NewChecker(&c, nil)
	err := Read(strings.NewReader(doc), chk, &losses)
	if err == nil {
		err = chk.Done()
	}
	return c.Timeline, &losses, err
}

func readFixture(t *testing.T, name string) (model.Timeline, *model.Losses, error) {
	t.Helper()
	doc, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, string(doc))
}

func events(es []model.Event) iter.Seq2[model.Event, error] {
	return func(yield func(model.Event, error) bool) {
		for _, e := range es {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// problems splits an error into its lines, or nil.
func problems(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}
