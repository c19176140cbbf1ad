package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// clockTimes are the times chrono prints for changes, which differ at
// every run.
var clockTimes = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?`)

// TestCLIAuthoring writes an investigation from nothing on the command
// line, and checks every step's output, including its errors, against
// testdata/TestCLIAuthoring; update with go test -run TestCLIAuthoring
// -update.
func TestCLIAuthoring(t *testing.T) {
	t.Setenv("CHRONO_AUTHOR", "ana")
	tests := []struct {
		name  string
		steps []string // split on "|" into arguments
	}{
		{"build", []string{
			"new|$DB|--title|Bags of cash|--description|NSO and Mobileum",
			"add|--title|NSO offers Mobileum \"bags of cash\"|--date|Aug 2017|--status|alleged|--actor|Omri Lavie|--actor|Gary Miller|--tag|ss7",
			"add|--title|Miller tips off the FBI|--date|Aug 2017 – 2021|--date-text|last year|--date-source|post",
			"source|add|--id|post|--publisher|The Washington Post|--title|Bags of cash|--published|1 Feb 2022",
			"add|--title|Miller tips off the FBI|--date|Aug 2017 – 2021|--date-text|last year|--date-source|post",
			"quote|add|nso-offers-mobileum-bags-of-cash|--text|We drop bags of cash at your office|--speaker|Omri Lavie|--source|post|--stance|asserts",
			"link|miller-tips-off-the-fbi|follows|nso-offers-mobileum-bags-of-cash",
			"note|miller-tips-off-the-fbi|ask Tye for the tip's date",
			"edit|nso-offers-mobileum-bags-of-cash|--set|date=14 Aug 2017|--set|status=disputed",
			"show|nso-offers-mobileum-bags-of-cash",
			"source|list",
			"log",
		}},
		{"trash_and_undo", []string{
			"new|$DB",
			"add|--title|First",
			"add|--title|Second",
			"link|second|follows|first",
			"rm|first",
			"list",
			"trash",
			"restore|first",
			"list",
			"edit|second|--set|title=Second, renamed",
			"edit|second|--set|summary=a summary",
			"revert|7",
			"edit|second|--set|summary=another summary",
			"revert|8",
			"log|second",
			"undo",
			"undo",
			"show|second",
			"edit|--investigation|--set|title=Renamed case",
			"rm|first",
			"trash|--empty",
			"trash",
			"undo",
		}},
		{"errors", []string{
			"new|$DB",
			"new|$DB",
			"add",
			"add|--title|x|--date|Smarch 2017",
			"add|--title|x|--status|rumour",
			"add|--title|Dup|--id|dup",
			"add|--title|Dup|--id|dup",
			"edit|nobody|--set|title=x",
			"edit|dup|--set|colour=blue",
			"edit|dup|--set|title",
			"link|dup|likes|dup",
			"link|dup|disputes|nobody",
			"quote|add|dup",
			"quote|add|dup|--text|x|--source|nowhere",
			"quote|rm|dup|3",
			"source|add|--id|post|--publisher|P",
			"quote|add|dup|--text|x|--source|post",
			"source|rm|post",
			"rm|nobody",
			"restore|dup",
			"revert|99",
			"revert|x",
			"note|dup|",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := newDB(t)
			var steps []string
			var results []result
			for _, step := range tt.steps {
				args := strings.Split(strings.ReplaceAll(step, "$DB", db), "|")
				steps = append(steps, strings.Join(args, " "))
				results = append(results, chrono(t, db, "", args...))
			}
			golden.RequireEqual(t, clockTimes.ReplaceAllString(transcript(db, steps, results), "TIME"))
		})
	}
}
