package sshd

import (
	"os"
	"time"
)

// liveEvery is how often a served store's file is looked at for a
// change: a change made in one session, or by a chrono command on the
// server, reaches every other session's screen within it, a reading and
// liveSpread.
const liveEvery = 50 * time.Millisecond

// watchStore tells the sessions of inv when its store changes, one at a
// time. The file is looked at (its size and time, no lock taken) and the
// store's version read only when the file changed.
func (s *Server) watchStore(inv Investigation) {
	st, err := s.cfg.Open(inv, "")
	if err != nil {
		s.logf("investigation %s: %v; sessions see others' changes at their next key", inv.Name, err)
		return
	}
	var seen fileStamp
	version, _ := st.Version()
	tick := time.NewTicker(liveEvery)
	defer tick.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-tick.C:
		}
		fi, err := os.Stat(inv.Path)
		if err != nil {
			continue
		}
		now := fileStamp{fi.ModTime(), fi.Size()}
		if now == seen {
			continue
		}
		seen = now
		v, err := st.Version()
		if err != nil || v == version {
			continue
		}
		version = v
		s.mu.Lock()
		var told []*session
		for x := range s.sessions {
			if x.inv == inv.Name {
				told = append(told, x)
			}
		}
		s.mu.Unlock()
		gap := liveGap(len(told))
		for i, x := range told {
			if i > 0 {
				select {
				case <-s.done:
					return
				case <-time.After(gap):
				}
			}
			x.changed(v)
		}
	}
}

// liveSpread is the longest the sessions of a store are told of one of
// its changes over, and liveGapMost the most between two of them. Told
// in one instant, fifty sessions read the change at once, and a key
// pressed then was answered after all of them: under the load of fifty
// sessions, most of the server's slowest keys were pressed as a tag was
// told (BENCHMARKS.md, "chrono serve: a change told one session at a
// time"). Told a millisecond apart, a key waits for one or two.
const (
	liveSpread  = 50 * time.Millisecond
	liveGapMost = 2 * time.Millisecond
)

// liveGap is the time between telling one of n sessions of a change and
// the next: liveGapMost, less when n sessions would take longer than
// liveSpread.
func liveGap(n int) time.Duration {
	if n < 2 {
		return 0
	}
	return min(liveGapMost, liveSpread/time.Duration(n-1))
}
