package plaso

import (
	"bytes"
	"chrono/model"
	"encoding/csv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// columns is l2tcsv's header row.
var columns = []string{
	"date", "time", "timezone", "MACB", "source", "sourcetype", "type",
	"user", "host", "short", "desc", "version", "filename", "inode", "notes",
	"format", "extra",
}

// Detect reports whether head, the first bytes of a file, is psort's
// json_line (a first object whose __container_type__ is "event") or
// l2tcsv (l2tcsv's header row).
func Detect(head []byte) bool { return detectJSONLine(head) || detectL2TCSV(head) }

// The names Variant gives Plaso's outputs.
const (
	JSONLine = "Plaso json_line"
	L2TCSV   = "Plaso l2tcsv"
)

// Variant names the output head is in: JSONLine or L2TCSV.
func Variant(head []byte) string {
	if t := trim(head); len(t) > 0 && t[0] == '{' {
		return JSONLine
	}
	return L2TCSV
}

func trim(head []byte) []byte {
	return bytes.TrimLeft(model.TrimByteOrderMark(head), " \t\r\n")
}

// detectJSONLine reads the members of the first line's object as far as
// they can be read (the line may be cut): Plaso writes its keys sorted,
// so the marker comes first.
func detectJSONLine(head []byte) bool {
	head = trim(head)
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	line, _, _ := bytes.Cut(head, []byte{'\n'})
	dec := jsontext.NewDecoder(bytes.NewReader(line), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
	if _, err := dec.ReadToken(); err != nil {
		return false
	}
	for {
		tok, err := dec.ReadToken()
		if err != nil || tok.Kind() != '"' {
			return false
		}
		if tok.String() != "__container_type__" {
			if dec.SkipValue() != nil {
				return false
			}
			continue
		}
		v, err := dec.ReadToken()
		return err == nil && v.Kind() == '"' && v.String() == "event"
	}
}

func detectL2TCSV(head []byte) bool {
	head = trim(head)
	if len(head) == 0 || head[0] == '{' {
		return false
	}
	header, err := csv.NewReader(bytes.NewReader(head)).Read()
	return err == nil && isHeader(header)
}

// isHeader reports whether a row is l2tcsv's header, in any case and with
// spaces around the names, as spreadsheets may leave it.
func isHeader(row []string) bool {
	if len(row) != len(columns) {
		return false
	}
	for i, c := range columns {
		if !strings.EqualFold(strings.TrimSpace(row[i]), c) {
			return false
		}
	}
	return true
}

// JSONMiss says what to do with psort's json output (-o json: one
// object whose members, event_0, event_1 and on, are the events
// json_line writes a line each), which chrono does not read; "" for
// anything else.
func JSONMiss(head []byte) string {
	head = trim(head)
	if len(head) == 0 || head[0] != '{' {
		return ""
	}
	dec := jsontext.NewDecoder(bytes.NewReader(head), jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true))
	if _, err := dec.ReadToken(); err != nil {
		return ""
	}
	tok, err := dec.ReadToken()
	if err != nil || tok.Kind() != '"' {
		return ""
	}
	n, ok := strings.CutPrefix(tok.String(), "event_")
	if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
		return ""
	}
	if tok, err = dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return ""
	}
	return "psort's json output (-o json: one object of event_0, event_1, …), where chrono reads its json_line (an event a line): write that instead (psort -o json_line -w FILE.jsonl STORAGE), or turn this file into it with jq -c '.[]' FILE > FILE.jsonl, and import that"
}
