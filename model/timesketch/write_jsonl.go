package timesketch

import (
	"io"
	"iter"

	"chrono/model"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// WriteJSONL encodes the investigation as Timesketch JSONL, one object per
// event, streaming the events as they come, and returns how many it wrote.
// Each object has message, datetime, timestamp, timestamp_desc and tag for
// Timesketch, and chrono's keys for a lossless read back; empty ones are
// left out. What the format cannot carry is counted in losses.
func WriteJSONL(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error) {
	x := newExporter(h, sources, losses)
	x.direct = true
	enc := jsontext.NewEncoder(w) // one line per top-level value
	n, err := x.eachRow(events, func(r *row) error { return r.encode(enc) })
	if err != nil {
		return n, err
	}
	x.finish()
	return n, nil
}

// encode writes r as one JSON object.
func (r *row) encode(enc *jsontext.Encoder) error {
	var err error
	token := func(t jsontext.Token) {
		if err == nil {
			err = enc.WriteToken(t)
		}
	}
	str := func(key, s string, always bool) {
		if always || s != "" {
			token(jsontext.String(key))
			token(jsontext.String(s))
		}
	}
	list := func(key string, v any) {
		if v != nil && err == nil {
			token(jsontext.String(key))
			if err == nil {
				err = json.MarshalEncode(enc, v)
			}
		}
	}
	token(jsontext.BeginObject)
	str(keyMessage, r.message, true)
	str(keyDatetime, r.datetime, true)
	token(jsontext.String(keyTimestamp))
	token(jsontext.Int(r.timestamp))
	str(keyDesc, r.desc, true)
	token(jsontext.String(keyTag))
	token(jsontext.BeginArray)
	for _, t := range r.tags {
		token(jsontext.String(t))
	}
	token(jsontext.EndArray)
	str(keyID, r.id, true)
	str(keyEDTF, r.edtf, true)
	str(keyDateText, r.dateText, false)
	str(keyDateSource, r.dateSource, false)
	str(keyStatus, r.status, false)
	str(keySummary, r.summary, false)
	for i, key := range [...]string{keyActors, keyQuotes, keySources, keyLinks, keyNotes, keyMedia} {
		list(key, r.lists[i])
	}
	token(jsontext.EndObject)
	return err
}
