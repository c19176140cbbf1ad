package main

import (
	"errors"
	"fmt"

	"chrono/model"
)

// unresolvedAdvice adds to an import's problems, when a link names an event
// that neither the import nor the store has, or a quote a source, what
// to do about it. A store written before purging removed the links to
// the purged events may hold such links and export them; check names
// them there. JSON Lines, as list --json prints them, carry no sources.
func unresolvedAdvice(err error) error {
	if errors.Is(err, model.ErrNoSource) {
		err = fmt.Errorf("%w\na source above is neither in the file nor in this store: add it first (chrono source add --id ID --publisher P --title T), or import the file that has it; "+
			"chrono JSON Lines (what chrono list --json prints) carry no sources: to carry them, export the investigation as a document (chrono export --format json [--tag T])", err)
	}
	if !errors.Is(err, model.ErrNoLinkedEvent) {
		return err
	}
	return fmt.Errorf("%w\na link above names an event neither the import nor this store has: import that event too, or remove the link from the file; "+
		"if the file was exported by chrono with --tag or --status, its events keep their links to the events those left out: export without them, or import into a store that holds those events; "+
		"otherwise chrono check on the store it came from lists such links and how to remove them, before exporting again", err)
}
