package timesketch

import (
	"strings"

	"chrono/model"
)

// describe returns the timestamp_desc chrono writes for a date, saying
// how much the datetime beside it can be trusted: "Event date (month
// precision)", "Event date (interval, approximate, year precision)".
// Reading drops a timestamp_desc equal to it, since it says nothing the
// date does not.
func describe(d model.Date) string {
	var words []string
	if d.IsInterval() {
		words = append(words, "interval")
	}
	approximate, uncertain := false, false
	for _, end := range []func() (model.Date, bool){d.Start, d.End} {
		if e, ok := end(); ok {
			q := e.Qualifier()
			approximate = approximate || q == model.Approximate || q == model.UncertainApproximate
			uncertain = uncertain || q == model.Uncertain || q == model.UncertainApproximate
		}
	}
	if approximate {
		words = append(words, "approximate")
	}
	if uncertain {
		words = append(words, "uncertain")
	}
	words = append(words, d.Precision().String()+" precision")
	return "Event date (" + strings.Join(words, ", ") + ")"
}
