package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"chrono/model"
	"chrono/model/native"
)

// runEditInEditor opens the event, whole, as chrono JSON in $VISUAL or
// $EDITOR (else vi). When the editor exits the text is read as strictly
// as an import: unchanged, nothing is written; unreadable, the editor
// opens again on the same text with the problems on top, as kubectl edit
// does, until it reads or the user empties the file; readable, it is
// saved over the version the editor was opened on, so that a change made
// meanwhile is refused, never overwritten.
func runEditInEditor(opts *editOptions) error {
	s, err := opts.openStore(true)
	if err != nil {
		return err
	}
	base, err := s.Event(opts.id)
	err = explain(s, err)
	s.Close()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := native.WriteEvent(&b, base); err != nil {
		return err
	}
	original := b.Bytes()
	f, err := os.CreateTemp("", "chrono-"+model.Slug(base.ID)+"-*.json")
	if err != nil {
		return err
	}
	path := f.Name()
	defer os.Remove(path)
	f.Close()
	read := func(text []byte) (model.Event, error) {
		e, err := native.ReadEvent(text)
		if err == nil && e.ID != base.ID {
			err = fmt.Errorf(`id: %q cannot become %q (add a new event and delete this one)`, base.ID, e.ID)
		}
		return e, err
	}
	text := original
	for {
		if err := os.WriteFile(path, text, 0o600); err != nil {
			return err
		}
		if err := opts.runEditor(path); err != nil {
			return fmt.Errorf("editor: %w; nothing saved", err)
		}
		edited, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Equal(edited, original) {
			fmt.Fprintln(opts.stderr, "no change")
			return nil
		}
		if !bytes.Equal(text, original) && bytes.Equal(edited, text) {
			// Back as it was opened, problems and all: given up, rather
			// than opened again and again.
			return givenUp(base.ID, edited, "the file came back with the problems shown, unchanged")
		}
		e, err := read(edited)
		if native.IsEmptyEvent(err) {
			fmt.Fprintln(opts.stderr, "the file was emptied: nothing saved")
			return nil
		}
		if err != nil {
			text = native.Reopen(edited, func(text []byte) error { _, err := read(text); return err })
			continue
		}
		var merged []string // the fields another changed meanwhile, kept beside these
		// Journaled as the browser's save is, by the title it saves.
		entry, err := opts.write(model.OpEdit, model.SaveEvent{Base: &base, Event: e}.Phrase(), func(tx model.Tx) error {
			_, err := model.EditEvent(tx, base, e)
			var ce *model.ConflictError
			if !errors.As(err, &ce) {
				return err
			}
			// Changed meanwhile: where the two changes touched other
			// fields, both are kept, as the browser's quote form keeps
			// them; a field both changed is refused, named.
			onTheirs, theirs, both := model.EditBeside(&base, &e, &ce.Current)
			if len(both) > 0 {
				return &editedBothError{id: base.ID, fields: both}
			}
			if _, err := model.EditEvent(tx, ce.Current, onTheirs); err != nil {
				return err
			}
			merged = theirs
			return nil
		})
		var ce *model.ConflictError
		var ee *model.EventError
		var both *editedBothError
		switch {
		case errors.As(err, &ee):
			// Readable but not a valid event of this investigation (a
			// source or a linked event that is not there): back to the
			// editor, as for text that does not read.
			text = native.WithProblems(edited, err)
			continue
		case err != nil:
			// Refused as changed meanwhile, or not saved at all (the
			// store gone, a database down): what was typed is kept.
			if !errors.As(err, &ce) && !errors.As(err, &both) {
				err = fmt.Errorf("%w; nothing saved", err)
			}
			if kept, kerr := keep(base.ID, edited); kerr == nil {
				return fmt.Errorf("%w; your version is kept in %s", err, kept)
			}
			return err
		}
		fmt.Fprintln(opts.stdout, entryLine(entry))
		if len(merged) > 0 {
			fmt.Fprintf(opts.stderr, "kept beside yours: %s, changed meanwhile by another change\n", strings.Join(merged, ", "))
		}
		return nil
	}
}

// editedBothError refuses an edit made in the editor that changed fields
// another change changed too while it was open.
type editedBothError struct {
	id     string
	fields []string
}

func (e *editedBothError) Error() string {
	return fmt.Sprintf("event %q: %s changed meanwhile by another change, as in yours: nothing saved; chrono edit %s opens it as it is now, to make your change again", e.id, strings.Join(e.fields, ", "), e.id)
}

// runEditor runs $VISUAL, else $EDITOR, else vi, on path, with the
// terminal.
func (c *cli) runEditor(path string) error {
	words := strings.Fields(os.Getenv("VISUAL"))
	if len(words) == 0 {
		words = strings.Fields(os.Getenv("EDITOR"))
	}
	if len(words) == 0 {
		words = []string{"vi"}
	}
	cmd := exec.Command(words[0], append(words[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.stdin, c.stdout, c.stderr
	if f, ok := c.stdin.(*os.File); ok {
		cmd.Stdin = f
	}
	err := cmd.Run()
	if ee, ok := errors.AsType[*exec.ExitError](err); ok {
		// Said, not passed on: its exit code is the editor's, and chrono's
		// own (2 for a usage error) must not be taken for it.
		return fmt.Errorf("%s %s", words[0], ee.ProcessState)
	}
	return err
}

// givenUp ends an edit that saved nothing, keeping what the user typed.
func givenUp(id string, text []byte, why string) error {
	if kept, err := keep(id, text); err == nil {
		return fmt.Errorf("%s: nothing saved; your version is kept in %s", why, kept)
	}
	return fmt.Errorf("%s: nothing saved", why)
}

// keep writes what the user typed to a file of its own, so that a save
// that is refused loses nothing, and returns its path.
func keep(id string, text []byte) (string, error) {
	f, err := os.CreateTemp("", "chrono-"+model.Slug(id)+"-mine-*.json")
	if err != nil {
		return "", err
	}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return f.Name(), err
}
