package sshd

import (
	"os"
	"time"
)

// liveEvery is how often a served store's file is looked at for a
// change: a change made in one session, or by a chrono command on the
// server, reaches every other session's screen within it and a reading.
const liveEvery = 50 * time.Millisecond

// watchStore tells the sessions of inv when its store changes. The file
// is looked at (its size and time, no lock taken) and the store's
// version read only when the file changed.
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
		for x := range s.sessions {
			if x.inv == inv.Name {
				x.changed(v)
			}
		}
		s.mu.Unlock()
	}
}
