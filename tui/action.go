package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"chrono/model"
)

type actionKind int

const (
	actTag  actionKind = iota // add and remove tags
	actNote                   // add a note
	actUndo                   // put events back as they were
)

// action is a change the investigator asked for. The browser shows it at
// once (optimistically), writes it in a command, and when the write
// fails puts back the versions it kept in before.
type action struct {
	kind        actionKind
	ids         []string
	add, remove []string
	note        string
	at          time.Time
	deltas      []model.TagDelta // for undo: the changes of tags that take it back
	before      []model.Event    // what the loaded rows were, to roll back
	undone      *undoEntry       // for undo: the entry to put back if it fails
	done        string           // the status line once it is on disk
}

// retag returns e with tags added and removed, as the store would.
func retag(e model.Event, add, remove []string) model.Event {
	e.Tags = slices.DeleteFunc(slices.Clone(e.Tags), func(t string) bool { return slices.Contains(remove, t) })
	for _, t := range add {
		if !slices.Contains(e.Tags, t) {
			e.Tags = append(e.Tags, t)
		}
	}
	return e
}

// tagPhrase describes a tag change for the status line:
// "tagged #verify on 3 events".
func tagPhrase(add, remove []string, n int) string {
	var parts []string
	if len(add) > 0 {
		parts = append(parts, "tagged "+chips(add))
	}
	if len(remove) > 0 {
		parts = append(parts, "removed "+chips(remove))
	}
	what := "1 event"
	if n != 1 {
		what = fmt.Sprintf("%d events", n)
	}
	verb := strings.Join(parts, ", ")
	if len(add) > 0 && len(remove) == 0 {
		return verb + " on " + what
	}
	return verb + " from " + what
}

func chips(tags []string) string {
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = "#" + t
	}
	return strings.Join(out, " ")
}

// parseTags splits what was typed at the tag prompt: tags separated by
// spaces or commas, with or without #.
func parseTags(s string) ([]string, error) {
	var tags []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		t := strings.TrimPrefix(f, "#")
		if msg := model.CheckTag(t); msg != "" {
			return nil, fmt.Errorf("%s", msg)
		}
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags, nil
}
