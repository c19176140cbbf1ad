package tui

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"chrono/model"
)

// BenchmarkServedKeys is chrono serve's load, without the network: 50
// sessions browse one shared store of 100,000 events at once, 5 of them
// tagging with a quick tag between moves. Each key is timed from its
// press to its screen drawn (Update, the store reads and writes its
// commands make, and View); p50-ms, p99-ms and max-ms are over every key
// of the run. saturated has each session press its next key as soon as
// the last is answered (the server's throughput); paced has each press
// one every half second, as people read what they browse.
func BenchmarkServedKeys(b *testing.B) {
	b.Run("saturated", func(b *testing.B) { servedKeys(b, 0) })
	b.Run("paced", func(b *testing.B) { servedKeys(b, 500*time.Millisecond) })
}

func servedKeys(b *testing.B, every time.Duration) {
	const sessions, taggers = 50, 5
	shared := benchStore(b, 100_000)
	as, ok := shared.(interface{ As(string) model.Store })
	if !ok {
		b.Fatal("the shared store does not attribute writes")
	}
	drivers := make([]*driver, sessions)
	for i := range drivers {
		d := startDriver(b, New(as.As(fmt.Sprintf("user%d", i)), Options{Now: time.Now, Remote: true, Role: RoleAnnotate}))
		d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
		d.goTo("2008")
		drivers[i] = d
	}
	moves := []string{"j", "j", "k", "pgdown", "pgup", "j"}
	var mu sync.Mutex
	var all []time.Duration
	b.ResetTimer()
	var wg sync.WaitGroup
	per := max(b.N/sessions, 1)
	for i, d := range drivers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			times := make([]time.Duration, 0, per)
			for n := range per {
				k := moves[n%len(moves)]
				if i < taggers && n%4 == 3 {
					k = "1"
				}
				if every > 0 {
					time.Sleep(every)
				}
				start := time.Now()
				d.keys(k)
				_ = d.m.View()
				times = append(times, time.Since(start))
			}
			mu.Lock()
			all = append(all, times...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(all)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
	b.ReportMetric(ms(all[len(all)*99/100]), "p99-ms")
	b.ReportMetric(ms(all[len(all)-1]), "max-ms")
}
