package model

import "testing"

// TestQuoted: a quote gets quotation marks, unless its words already
// open and close with their own.
func TestQuoted(t *testing.T) {
	for in, want := range map[string]string{
		"We will pay.":                      "“We will pay.”",
		"“We will pay.”":                    "“We will pay.”",
		`"We will pay."`:                    `"We will pay."`,
		"«Nous paierons.»":                  "«Nous paierons.»",
		"„Wir zahlen.“":                     "„Wir zahlen.“",
		"“Yes,” he said, “we will.”":        "““Yes,” he said, “we will.””",
		`"Pay" is what he said, not "give"`: `“"Pay" is what he said, not "give"”`,
		`"Pay," he said, 'ok'`:              `“"Pay," he said, 'ok'”`,
		"”Vi betalar.”":                     "”Vi betalar.”",
		"»Vi betaler.«":                     "»Vi betaler.«",
		"He said “yes”":                     "“He said “yes””",
		"“":                                 "““”",
		"":                                  "“”",
		"'tis so":                           "“'tis so”",
	} {
		if got := Quoted(in); got != want {
			t.Errorf("Quoted(%q) = %q, want %q", in, got, want)
		}
	}
}
