package pg

import (
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"

	"chrono/model"
	"chrono/store/bolt"

	"github.com/jackc/pgx/v5"
)

// Backup writes the investigation to path as a bbolt store file any
// chrono opens, and returns its size. Everything is read in one
// read-only transaction at repeatable read, so the copy is of one
// moment while others write: the header, sources and events go through
// the bbolt store's own bulk import, then the investigation's journal
// (each entry's bytes as stored here, so the file's chain has the same
// hashes and head as the database's) and trash replace the journal that
// import began, and the sources' snapshots are copied, kept and
// withdrawn. path must not exist: the file is built beside it and linked
// to its name only once complete, so a backup never overwrites. A
// journal altered outside chrono is copied as found, its entries' bytes
// as they are here, so that the file's chain breaks where the
// database's does, and the report says where.
func (s *Store) Backup(path string) (model.BackupReport, error) {
	var none model.BackupReport
	if _, err := os.Lstat(path); err == nil {
		return none, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(path), ".chrono-backup-")
	if err != nil {
		return none, fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(tmp)
	built := filepath.Join(tmp, "chrono.db")
	var chain model.ChainReport
	if err := s.read(func(db querier) (err error) { chain, err = s.backupTo(db, built); return err }); err != nil {
		return none, fmt.Errorf("backup to %s: %w", path, err)
	}
	if err := os.Link(built, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return none, fmt.Errorf("%s already exists: give a new file name (a backup never overwrites)", path)
		}
		return none, fmt.Errorf("backup: %w", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return none, fmt.Errorf("backup: %w", err)
	}
	return model.BackupReport{Size: fi.Size(), Chain: chain}, nil
}

// backupTo builds the bbolt file at built from what db reads, and
// returns the chain of the journal it copied.
func (s *Store) backupTo(db querier, built string) (model.ChainReport, error) {
	var chain model.ChainReport
	b, err := bolt.Open(built, bolt.Options{Author: s.author})
	if err != nil {
		return chain, err
	}
	// The trash goes in first, so that the links events on the timeline
	// make to events in it resolve as they did here.
	_, err = b.RestoreHistory(noEntries, s.trashed(db))
	if err == nil {
		_, err = b.ImportBackup([]model.Input{{Name: s.loc, Size: -1, Read: func(sink model.Sink) error { return s.send(db, sink) }}}, model.ImportOptions{Bulk: true})
	}
	if err == nil {
		chain, err = b.RestoreHistory(s.stored(db), s.trashed(db))
	}
	if err == nil {
		err = s.backupSnapshots(db, b)
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	return chain, err
}

// backupSnapshots copies the investigation's snapshots, as db reads
// them, into b, which holds its sources.
func (s *Store) backupSnapshots(db querier, b *bolt.Store) error {
	srcs, err := b.Sources()
	if err != nil {
		return err
	}
	_, err = b.RestoreSnapshots(snapshotsIn{s, db}, srcs)
	return err
}

// noEntries is a journal of no entry.
func noEntries(func(model.StoredEntry, error) bool) {}

// send reads the investigation into a sink, as an export would, its
// events a page at a time in their order.
func (s *Store) send(db querier, sink model.Sink) error {
	h, err := s.header(db)
	if err != nil {
		return err
	}
	if err := sink.Header(h); err != nil {
		return err
	}
	rows, err := db.Query(ctx, `SELECT id, body FROM sources WHERE inv = $1 ORDER BY id`, s.inv)
	if err != nil {
		return err
	}
	srcs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.Source, error) {
		var id string
		var body []byte
		if err := r.Scan(&id, &body); err != nil {
			return model.Source{}, err
		}
		return decodeSource(id, body)
	})
	if err != nil {
		return err
	}
	for i, src := range srcs {
		if err := sink.Source(src, i); err != nil {
			return err
		}
	}
	i := 0
	for r, err := range pages(db, `SELECT ord, id, body FROM events WHERE inv = $1 AND ord > $2 ORDER BY ord LIMIT $3`, s.inv, []byte{}) {
		if err != nil {
			return err
		}
		e, err := decodeEvent(r.id, r.body)
		if err != nil {
			return err
		}
		if err := model.SendEvent(sink, e, i, model.AllFields); err != nil {
			return err
		}
		i++
	}
	return nil
}

// trashed reads the trash, a page at a time.
func (s *Store) trashed(db querier) iter.Seq2[model.Trashed, error] {
	return func(yield func(model.Trashed, error) bool) {
		for r, err := range pages(db, `SELECT id AS k, id, body FROM trash WHERE inv = $1 AND id > $2 ORDER BY id LIMIT $3`, s.inv, "") {
			var t model.Trashed
			if err == nil {
				t, err = decodeTrashed(r.id, r.body)
			}
			if !yield(t, err) || err != nil {
				return
			}
		}
	}
}

// pageRow is a row pages reads: its key, its name, its body and, for the
// journal, its link and its form.
type pageRow struct {
	key              any
	id               string
	body, hash, prev []byte
	form             model.ChainForm
}

// pages runs a keyset query (its parameters: the investigation, the key
// after which to read, how many rows) page by page from first, and
// yields its rows: a table of any length is read in pages of batch rows.
func pages[K any](db querier, sql string, inv int64, first K) iter.Seq2[pageRow, error] {
	return func(yield func(pageRow, error) bool) {
		after := first
		for {
			rows, err := db.Query(ctx, sql, inv, after, batch)
			if err != nil {
				yield(pageRow{}, err)
				return
			}
			var page []pageRow
			for rows.Next() {
				var r pageRow
				var key K
				var form int16
				dest := []any{&key, &r.id, &r.body}
				if len(rows.FieldDescriptions()) == 6 {
					dest = append(dest, &r.hash, &r.prev, &form)
				}
				if err := rows.Scan(dest...); err != nil {
					rows.Close()
					yield(pageRow{}, err)
					return
				}
				r.key, r.form, after = key, model.ChainForm(form), key
				page = append(page, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				yield(pageRow{}, err)
				return
			}
			for _, r := range page {
				if !yield(r, nil) {
					return
				}
			}
			if len(page) < batch {
				return
			}
		}
	}
}
