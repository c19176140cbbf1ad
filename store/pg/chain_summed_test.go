package pg

import (
	"context"
	"net"
	"sync/atomic"
	"testing"

	"chrono/model"
	"chrono/store/storetest"
)

// countingConn counts the bytes a connection reads from the server.
type countingConn struct {
	net.Conn
	read *atomic.Int64
}

func (c countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.read.Add(int64(n))
	return n, err
}

// TestWalkLeavesTheBodiesAtTheServer: a walk of the journal's chain
// (the one every command makes after a write) has the server hash each
// entry's content, and reads less than the journal holds; it still
// finds an entry whose content was altered, as the walk of the bodies
// read whole does. VerifyJournalHere reads them whole.
func TestWalkLeavesTheBodiesAtTheServer(t *testing.T) {
	s := newStore(t, "a")
	storetest.Import(t, s, storetest.SynthInput(t, 2*importBatch))
	var read atomic.Int64
	dial := s.cfg.DialFunc
	s.cfg.DialFunc = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return countingConn{c, &read}, nil
	}
	// Both of the store's connections are made again, counted.
	var lines []*line
	for range linesKept {
		l := s.take()
		if l.c != nil {
			l.c.Close(ctx)
			l.c = nil
		}
		lines = append(lines, l)
	}
	for _, l := range lines {
		s.give(l)
	}
	c, err := s.conn()
	if err != nil {
		t.Fatal(err)
	}
	var stored int64
	if err := c.QueryRow(ctx, `SELECT sum(octet_length(body)) FROM journal WHERE inv = $1`, s.inv).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	before := read.Load()
	r, err := s.VerifyJournal()
	if err != nil || !r.OK() || r.Entries != 1 {
		t.Fatalf("the walk: %+v, %v; want one entry that holds", r, err)
	}
	if got := read.Load() - before; got >= stored {
		t.Errorf("the walk read %d bytes from the server, the journal's bodies are %d", got, stored)
	}
	before = read.Load()
	if r, err := s.VerifyJournalHere(); err != nil || !r.OK() || r.Entries != 1 {
		t.Fatalf("the walk hashed here: %+v, %v; want one entry that holds", r, err)
	}
	if got := read.Load() - before; got < stored {
		t.Errorf("the walk hashed here read %d bytes from the server, the journal's bodies are %d", got, stored)
	}
	if _, err := c.Exec(ctx, `UPDATE journal SET body = overlay(body PLACING '\x20'::bytea FROM 100 FOR 1) WHERE inv = $1`, s.inv); err != nil {
		t.Fatal(err)
	}
	r, err = s.VerifyJournal()
	if err != nil || r.OK() || r.Break.Fault != model.ChainContent || r.Break.Seq != 1 {
		t.Errorf("the walk after entry #1's content was altered: %+v, %v; want its content said not to match", r, err)
	}
	r, err = s.VerifyJournalHere()
	if err != nil || r.OK() || r.Break.Fault != model.ChainContent || r.Break.Seq != 1 {
		t.Errorf("the walk hashed here after entry #1's content was altered: %+v, %v; want its content said not to match", r, err)
	}
}
