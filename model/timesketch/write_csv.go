package timesketch

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/csvfmt"

	"github.com/go-json-experiment/json"
)

// WriteCSV encodes the investigation as Timesketch CSV: a header row, then
// one row per event, streaming the events as they come; it returns how
// many it wrote. The columns are message, datetime, timestamp,
// timestamp_desc and tag for Timesketch, then chrono's keys; tag and
// chrono's list-valued keys hold JSON. What the format cannot carry is
// counted in losses.
func WriteCSV(w io.Writer, h model.Header, sources []model.Source, events iter.Seq2[model.Event, error], losses *model.Losses) (int, error) {
	x := newExporter(h, sources, losses)
	cw := csv.NewWriter(w)
	if err := cw.Write(columns); err != nil {
		return 0, err
	}
	n, err := x.eachRow(events, func(r *row) error {
		cells, err := r.cells()
		if err != nil {
			return err
		}
		// encoding/csv reads CR LF inside a quoted cell back as LF.
		if strings.Contains(r.message, "\r\n") || strings.Contains(r.summary, "\r\n") || strings.Contains(r.dateText, "\r\n") {
			x.losses.Add(LineBreaksCSV, 1)
		}
		// Timesketch reads a cell as it is written, so the guard chrono
		// CSV puts before such a cell would change the evidence there;
		// the export says how many there are instead. The dates and the
		// JSON cells are not free text.
		for _, c := range []string{r.message, r.desc, r.id, r.dateText, r.dateSource, r.status, r.summary} {
			if csvfmt.FormulaLike(c) {
				x.losses.Add(FormulaCells, 1)
			}
		}
		return cw.Write(cells)
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	x.finish()
	return n, nil
}

// cells returns r in the order of columns.
func (r *row) cells() ([]string, error) {
	tags := r.tags
	if tags == nil {
		tags = []string{}
	}
	tagJSON, err := json.Marshal(tags)
	if err != nil {
		return nil, err
	}
	cells := []string{
		r.message, r.datetime, strconv.FormatInt(r.timestamp, 10), r.desc, string(tagJSON),
		r.id, r.edtf, r.dateText, r.dateSource, r.status, r.summary,
		string(r.actors), string(r.quotes), string(r.sources), string(r.links), string(r.notes), string(r.media),
	}
	// JSON refuses invalid UTF-8; so must CSV, or the file would not read back.
	for i, c := range cells {
		if !utf8.ValidString(c) {
			return nil, fmt.Errorf("event %q: %s is not valid UTF-8", r.id, columns[i])
		}
	}
	return cells, nil
}
