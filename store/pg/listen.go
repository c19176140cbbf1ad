package pg

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"time"

	"chrono/model"

	"github.com/jackc/pgx/v5"
)

var _ model.Notifier = (*Store)(nil)

// listener waits on a connection of its own for the notices every
// commit sends on Channel (recordEntry), and passes on those of the
// store's investigation. When its connection drops it says the store is
// unreachable, connects again with growing pauses, and says when it is
// back.
type listener struct {
	once   sync.Once
	out    chan model.Notice
	cancel context.CancelFunc
	done   chan struct{}
}

// Reconnection pauses: the first try again after retryFirst, doubling up
// to retryMost, so that a restarted server is found within seconds and a
// stopped one is not asked many times a second.
const (
	retryFirst = 100 * time.Millisecond
	retryMost  = 2 * time.Second
)

// Changes implements model.Notifier: every change any process commits to
// the investigation (a LISTEN on Channel), and the server's going away
// and coming back.
func (s *Store) Changes() <-chan model.Notice {
	l := &s.listen
	l.once.Do(func() {
		// Buffered by one, and the newest notice replaces one not yet
		// read: a reader reads the store again on any notice, so only
		// the last matters, and a slow reader never holds the listener.
		l.out = make(chan model.Notice, 1)
		l.done = make(chan struct{})
		lctx, cancel := context.WithCancel(context.Background())
		l.cancel = cancel
		go s.listenLoop(lctx)
	})
	return l.out
}

// stopListening ends the listener, if there is one, and waits for it.
func (s *Store) stopListening() {
	l := &s.listen
	l.once.Do(func() {}) // no listener starts after Close
	if l.cancel != nil {
		l.cancel()
		<-l.done
	}
}

func (s *Store) listenLoop(lctx context.Context) {
	l := &s.listen
	defer close(l.done)
	defer close(l.out)
	pause := retryFirst
	down := false
	for {
		c, err := pgx.ConnectConfig(lctx, s.cfg.Copy())
		if err == nil {
			_, err = c.Exec(lctx, "LISTEN "+Channel)
			if err == nil {
				if down {
					down = false
					l.send(model.Notice{})
				}
				pause = retryFirst
				err = s.wait(lctx, c)
			}
			c.Close(context.Background())
		}
		if lctx.Err() != nil {
			return
		}
		if !down {
			down = true
			l.send(model.Notice{Err: s.addr.errorf("the database %s is unreachable: %w; chrono connects again when the server is back", s.addr.safe, plainStop(err))})
		}
		select {
		case <-lctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, retryMost)
	}
}

// wait passes on the notices of the investigation until the connection
// fails or the listener is stopped.
func (s *Store) wait(lctx context.Context, c *pgx.Conn) error {
	prefix := strconv.FormatInt(s.inv, 10) + ":"
	for {
		n, err := c.WaitForNotification(lctx)
		if err != nil {
			return err
		}
		rest, ok := strings.CutPrefix(n.Payload, prefix)
		if !ok {
			continue
		}
		seq, _ := strconv.ParseUint(rest, 10, 64)
		s.listen.send(model.Notice{Seq: seq})
	}
}

// send puts a notice on the channel, in place of one not yet read. The
// listener is the only sender, so after taking the old notice out there
// is room for the new one.
func (l *listener) send(c model.Notice) {
	select {
	case l.out <- c:
		return
	default:
	}
	select {
	case <-l.out:
	default:
	}
	l.out <- c
}
