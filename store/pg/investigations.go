package pg

import (
	"fmt"
	"time"

	"chrono/model"
)

// Investigation is one investigation a database holds.
type Investigation struct {
	Name    string
	Title   string
	Events  int
	Created time.Time
}

// Investigations lists the investigations of the database at url, by
// name, reading only: a database chrono has not used holds none.
func Investigations(url string) ([]Investigation, error) {
	s, err := connect(url, Options{ReadOnly: true, Investigation: DefaultInvestigation})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	v, err := schemaOf(s.first.c)
	switch {
	case err != nil:
		return nil, s.addr.errorf("%s: %w", s.addr.safe, err)
	case v == 0:
		return nil, nil
	case v > SchemaVersion:
		return nil, fmt.Errorf("%s: the chrono schema is %w (schema %d; this chrono reads up to %d): upgrade chrono", s.addr.safe, model.ErrNewerSchema, v, SchemaVersion)
	}
	rows, err := s.first.c.Query(ctx, `SELECT i.name, i.title, i.created, (SELECT count(*) FROM events e WHERE e.inv = i.id)
		FROM investigations i ORDER BY i.name`)
	if err != nil {
		return nil, s.addr.errorf("%s: %w", s.addr.safe, err)
	}
	defer rows.Close()
	var out []Investigation
	for rows.Next() {
		var i Investigation
		if err := rows.Scan(&i.Name, &i.Title, &i.Created, &i.Events); err != nil {
			return nil, s.addr.errorf("%s: %w", s.addr.safe, err)
		}
		out = append(out, i)
	}
	return out, s.addr.redact(rows.Err())
}
