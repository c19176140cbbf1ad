package native

import (
	"io"
	"iter"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Write encodes a native document to w: the header, the sources, then the
// events as they come, so that an export of any size streams. The output
// is indented for people and for diffs, and reads back with Read to the
// same content.
func Write(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error]) error {
	return write(w, h, sources, events, nil)
}

func write(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], snapshots iter.Seq2[SnapshotDoc, error]) error {
	enc := jsontext.NewEncoder(w, jsontext.Multiline(true), jsontext.WithIndent("  "))
	write := func(tokens ...jsontext.Token) error {
		for _, t := range tokens {
			if err := enc.WriteToken(t); err != nil {
				return err
			}
		}
		return nil
	}
	if err := write(jsontext.BeginObject, jsontext.String("chrono"), jsontext.Int(Version)); err != nil {
		return err
	}
	if h.Title != "" {
		if err := write(jsontext.String("title"), jsontext.String(h.Title)); err != nil {
			return err
		}
	}
	if h.Description != "" {
		if err := write(jsontext.String("description"), jsontext.String(h.Description)); err != nil {
			return err
		}
	}
	if err := write(jsontext.String("sources"), jsontext.BeginArray); err != nil {
		return err
	}
	for _, s := range sources {
		if err := json.MarshalEncode(enc, s); err != nil {
			return err
		}
	}
	if err := write(jsontext.EndArray, jsontext.String("events"), jsontext.BeginArray); err != nil {
		return err
	}
	for e, err := range events {
		if err != nil {
			return err
		}
		if err := json.MarshalEncode(enc, e); err != nil {
			return err
		}
	}
	if err := write(jsontext.EndArray); err != nil {
		return err
	}
	if snapshots != nil {
		if err := writeSnapshots(enc, snapshots); err != nil {
			return err
		}
	}
	return write(jsontext.EndObject) // the encoder ends the document with a newline
}

// MarshalEvent encodes one event as a single line of native JSON, the form
// of `chrono list --json`.
func MarshalEvent(e model.Event) ([]byte, error) {
	return json.Marshal(e)
}
