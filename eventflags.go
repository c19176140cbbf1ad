package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"chrono/model"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// eventFlags are an event's fields as flags, for chrono add; a flag not
// given leaves its field as it is.
type eventFlags struct {
	cmd                                             *cobra.Command
	title, date, status, summary, dateText, dateSrc string
	actors, tags                                    []string
}

// register declares the flags on cmd.
func (f *eventFlags) register(cmd *cobra.Command) {
	f.cmd = cmd
	fl := cmd.Flags()
	fl.StringVar(&f.title, "title", "", "what happened, in a line")
	fl.StringVar(&f.date, "date", "", "when: EDTF or as chrono shows dates (Aug 2017)")
	fl.StringVar(&f.status, "status", "", "the claim's standing: "+strings.Join(statusNames(), ", "))
	fl.StringArrayVar(&f.actors, "actor", nil, "a person or organisation involved (repeat for more)")
	fl.StringArrayVar(&f.tags, "tag", nil, "a tag (repeat for more)")
	fl.StringVar(&f.summary, "summary", "", "what the sources say, in a paragraph")
	fl.StringVar(&f.dateText, "date-text", "", "the source's own words for the date (\"last year\")")
	fl.StringVar(&f.dateSrc, "date-source", "", "the id of the source whose publication date anchors --date-text")
}

// apply sets the fields whose flags were given on e.
func (f *eventFlags) apply(e *model.Event) error {
	changed := f.cmd.Flags().Changed
	if changed("title") {
		e.Title = f.title
	}
	if changed("date") {
		d, err := model.ReadDate(f.date)
		if err != nil {
			return dateFlagError("--date", "--date-text", "--date-source", "chrono add proposes the date they mean", f.date, err)
		}
		e.Date = d
	}
	if changed("status") {
		s, err := parseStatusFlag(f.status)
		if err != nil {
			return usagef("--status: %v", err)
		}
		e.Status = s
	}
	if changed("actor") {
		e.Actors = f.actors
	}
	if changed("tag") {
		tags, err := cleanTags(f.tags, true)
		if err != nil {
			return err
		}
		e.Tags = tags
	}
	if changed("summary") {
		e.Summary = f.summary
	}
	if changed("date-text") {
		e.DateText = f.dateText
	}
	if changed("date-source") {
		e.DateSource = f.dateSrc
	}
	return nil
}

// statusNames lists the statuses for help.
func statusNames() []string {
	out := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		out[i] = string(s)
	}
	return out
}

// dateFlagError is the error of a date flag that could not be read; for
// a source's words for a date relative to it ("last year"), it says to
// give them as the date text, anchored by a source (then, how chrono
// proposes the date they mean, when then is not empty).
func dateFlagError(flag, textFlag, sourceFlag, then, value string, err error) error {
	if model.Relative(value) {
		msg := fmt.Sprintf("%s: %q is a source's words, not a date: give them as %s, with %s naming the source whose publication date anchors them", flag, value, textFlag, sourceFlag)
		if then != "" {
			msg += ", and " + then
		}
		return usagef("%s", msg)
	}
	return usagef("%s: %v", flag, err)
}

// noteBeforeAfter says on w the date a --date of "before 2018" or "after
// Aug 2017" is given, which is not the date typed: the event is at some
// time before it or after it, "? – 2017" or "Sep 2017 – ?".
func noteBeforeAfter(w io.Writer, flag, value string, d model.Date) {
	if model.SaysBeforeAfter(value) {
		fmt.Fprintf(w, "%s: %s reads as %s (EDTF %s)\n", flag, termtext.Line(strconv.Quote(strings.TrimSpace(value))), d.Label(), d.String())
	}
}
