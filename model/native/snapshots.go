package native

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"iter"
	"time"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// SnapshotDoc is a snapshot as chrono JSON carries it (export
// --with-snapshots): its record, and its original bytes and, when they
// differ from those, its text, both base64.
type SnapshotDoc struct {
	Source    string    `json:"source"`
	N         int       `json:"n"`
	SHA256    string    `json:"sha256"`
	Size      int64     `json:"size"`
	MediaType string    `json:"media_type"`
	Taken     time.Time `json:"taken"`
	Origin    string    `json:"origin,omitempty"`
	TextSize  int64     `json:"text_size"`
	// TextSHA256 is absent for a snapshot attached before chrono kept it.
	TextSHA256 string `json:"text_sha256,omitempty"`
	Original   []byte `json:"original"`
	Text       []byte `json:"text,omitempty"`
}

// Snapshot is the record the document carries.
func (d *SnapshotDoc) Snapshot() model.Snapshot {
	return model.Snapshot{Source: d.Source, N: d.N, SHA256: d.SHA256, Size: d.Size, MediaType: d.MediaType, Taken: d.Taken, Origin: d.Origin, TextSize: d.TextSize, TextSHA256: d.TextSHA256}
}

// Check verifies the bytes against the record: the hash and size of the
// original, the size of the text.
func (d *SnapshotDoc) Check() error {
	sum := sha256.Sum256(d.Original)
	text, textSum := int64(len(d.Text)), sha256.Sum256(d.Text)
	if d.Text == nil {
		text, textSum = int64(len(d.Original)), sum
	}
	switch {
	case hex.EncodeToString(sum[:]) != d.SHA256:
		return fmt.Errorf("snapshot %d of source %q: its bytes do not have the SHA-256 it records (%s); the file was altered or damaged", d.N, d.Source, d.SHA256)
	case int64(len(d.Original)) != d.Size:
		return fmt.Errorf("snapshot %d of source %q: %d bytes, not the %d it records", d.N, d.Source, len(d.Original), d.Size)
	case text != d.TextSize:
		return fmt.Errorf("snapshot %d of source %q: a text of %d bytes, not the %d it records", d.N, d.Source, text, d.TextSize)
	case d.TextSHA256 != "" && hex.EncodeToString(textSum[:]) != d.TextSHA256:
		return fmt.Errorf("snapshot %d of source %q: its text does not have the SHA-256 it records (%s); the file was altered or damaged", d.N, d.Source, d.TextSHA256)
	}
	return nil
}

// WriteWithSnapshots is Write, with the snapshots after the events.
func WriteWithSnapshots(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], snapshots iter.Seq2[SnapshotDoc, error]) error {
	return write(w, h, sources, events, snapshots)
}

func writeSnapshots(enc *jsontext.Encoder, snapshots iter.Seq2[SnapshotDoc, error]) error {
	if err := enc.WriteToken(jsontext.String("snapshots")); err != nil {
		return err
	}
	if err := enc.WriteToken(jsontext.BeginArray); err != nil {
		return err
	}
	for d, err := range snapshots {
		if err != nil {
			return err
		}
		if err := json.MarshalEncode(enc, &d); err != nil {
			return err
		}
	}
	return enc.WriteToken(jsontext.EndArray)
}

// MayHoldSnapshots reports whether a chrono document read from r can
// have snapshots: false when its bytes hold neither the key "snapshots"
// as written nor an escape that could spell a letter of it (\u0061 to
// \u007a). Looking costs a pass over the bytes without decoding them,
// some twenty times quicker than ReadSnapshots skipping a million
// events, which most documents, having no snapshots, need not.
func MayHoldSnapshots(r io.Reader) (bool, error) {
	escapes := [][]byte{[]byte(`\u006`), []byte(`\u007`)}
	const keep = len(snapshotsKey) - 1 // a needle may straddle two reads
	buf := make([]byte, scanBuffer)
	n := 0
	for {
		m, err := r.Read(buf[n:])
		n += m
		if holdsSnapshotsKey(buf[:n]) {
			return true, nil
		}
		for _, needle := range escapes {
			if bytes.Contains(buf[:n], needle) {
				return true, nil
			}
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		if n > keep {
			n = copy(buf, buf[n-keep:n])
		}
	}
}

// snapshotsKey is the key of a chrono document's snapshots, as written.
const snapshotsKey = `"snapshots"`

// holdsSnapshotsKey reports whether buf holds snapshotsKey. It looks for
// the key's p, not its first byte as bytes.Contains does: the quote
// starts one byte in sixteen of a JSON document, and a search that stops
// at each took 1.8 s of a million events' 1.2 GB; a p, one byte in a
// hundred.
func holdsSnapshotsKey(buf []byte) bool {
	const before = len(`"sna`)
	for i := 0; ; {
		j := bytes.IndexByte(buf[i:], 'p')
		if j < 0 {
			return false
		}
		p := i + j
		if p >= before && p-before+len(snapshotsKey) <= len(buf) && string(buf[p-before:p-before+len(snapshotsKey)]) == snapshotsKey {
			return true
		}
		i = p + 1
	}
}

// scanBuffer is how much MayHoldSnapshots reads at once (a variable for
// the tests).
var scanBuffer = 1 << 20

// ReadSnapshots calls fn with each snapshot of a chrono document, one at
// a time, skipping everything else; a document without snapshots calls
// it never.
func ReadSnapshots(r io.Reader, fn func(SnapshotDoc) error) error {
	dec := jsontext.NewDecoder(r)
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return fmt.Errorf("not a chrono document")
	}
	for dec.PeekKind() != '}' {
		tok, err := dec.ReadToken()
		if err != nil {
			return err
		}
		if tok.String() != "snapshots" {
			if err := dec.SkipValue(); err != nil {
				return err
			}
			continue
		}
		if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' {
			return fmt.Errorf(`"snapshots" is not an array`)
		}
		for dec.PeekKind() != ']' {
			var d SnapshotDoc
			if err := json.UnmarshalDecode(dec, &d); err != nil {
				return fmt.Errorf("snapshots: %w", err)
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return err
		}
	}
	return nil
}
