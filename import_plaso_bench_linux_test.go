package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkImportPlaso imports a million synthetic events into a new
// store, end to end through the import command, from Plaso's json_line
// and from Timesketch JSONL holding the same events, so that the two
// rates can be compared on the same host in the same run. Beside the
// rate it reports the CPU time the process spent per import (cpu-s/op)
// and the events per CPU second, which a loaded host changes less than
// the elapsed time. Writing each file takes a few seconds before the
// timing starts; skipped under -short.
//
//	go test . -run XXX -bench ImportPlaso -benchtime 1x -count 3
func BenchmarkImportPlaso(b *testing.B) {
	const n = 1_000_000
	if testing.Short() {
		b.Skip("a million events: not under -short")
	}
	for _, form := range []struct {
		name string
		line func(w *bufio.Writer, i int)
	}{
		{"plaso-json_line", plasoLine},
		{"timesketch-jsonl", timesketchLine},
	} {
		b.Run(form.name, func(b *testing.B) {
			dir := b.TempDir()
			file := filepath.Join(dir, "events.jsonl")
			size := writeLines(b, file, n, form.line)
			b.SetBytes(size)
			var cpu time.Duration
			for b.Loop() {
				b.StopTimer()
				db := filepath.Join(dir, "bench.db")
				os.Remove(db)
				before := cpuTime(b)
				b.StartTimer()
				if code := run([]string{"--db", db, "import", file}, nil, io.Discard, io.Discard); code != 0 {
					b.Fatalf("import exited %d", code)
				}
				b.StopTimer()
				cpu += cpuTime(b) - before
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(n)*float64(b.N)/cpu.Seconds(), "events/cpu-s")
		})
	}
}

// cpuTime is the user and system time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func writeLines(b *testing.B, path string, n int, line func(*bufio.Writer, int)) int64 {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		line(w, i)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	fi, _ := f.Stat()
	f.Close()
	return fi.Size()
}

// benchEvent is the i-th synthetic event: a file system or log event of
// the kind psort writes by the million, one in ten tagged.
func benchEvent(i int) (us int64, desc, message, path, parser, dataType string, tagged bool) {
	us = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC).UnixMicro() + int64(i)*7_919_113 // about two years
	descs := [...]string{"Content Modification Time", "Last Access Time", "Metadata Modification Time", "Creation Time"}
	desc = descs[i%len(descs)]
	path = fmt.Sprintf("/Users/jdoe/Library/Caches/com.example.app/%d/data-%d.db", i%97, i)
	if i%3 == 0 {
		return us, desc, fmt.Sprintf("[sshd] pid %d: Accepted publickey for jdoe from 10.0.%d.%d port %d", 1000+i%30000, i%250, i%200, 40000+i%20000),
			"/var/log/auth.log", "syslog", "syslog:line", i%10 == 0
	}
	return us, desc, "TSK:" + path + " Type: file", path, "filestat", "fs:stat", i%10 == 0
}

// plasoLine writes an event as psort's json_line does: keys sorted, the
// container markers, the path spec as an object, the tag as an event tag.
func plasoLine(w *bufio.Writer, i int) {
	us, desc, message, path, parser, dataType, tagged := benchEvent(i)
	fmt.Fprintf(w, `{"__container_type__": "event", "__type__": "AttributeContainer", "data_type": %q, "display_name": "TSK:%s", "filename": %q, "hostname": "WKS-%02d", "inode": %d, "message": %q, "parser": %q, "pathspec": {"__type__": "PathSpec", "location": %q, "type_indicator": "TSK"}, `,
		dataType, path, path, i%40, 100000+i, message, parser, path)
	if tagged {
		w.WriteString(`"tag": {"__container_type__": "event_tag", "__type__": "AttributeContainer", "labels": ["suspicious", "triage"]}, `)
	}
	fmt.Fprintf(w, `"timestamp": %d, "timestamp_desc": %q, "username": "jdoe"}`+"\n", us, desc)
}

// timesketchLine writes the same event as Timesketch JSONL.
func timesketchLine(w *bufio.Writer, i int) {
	us, desc, message, path, parser, dataType, tagged := benchEvent(i)
	fmt.Fprintf(w, `{"message": %q, "datetime": %q, "timestamp": %d, "timestamp_desc": %q, `,
		message, time.UnixMicro(us).UTC().Format("2006-01-02T15:04:05.000000+00:00"), us, desc)
	if tagged {
		w.WriteString(`"tag": ["suspicious", "triage"], `)
	}
	fmt.Fprintf(w, `"data_type": %q, "display_name": "TSK:%s", "filename": %q, "hostname": "WKS-%02d", "inode": %d, "parser": %q, "pathspec": {"__type__": "PathSpec", "location": %q, "type_indicator": "TSK"}, "username": "jdoe"}`+"\n",
		dataType, path, path, i%40, 100000+i, parser, path)
}

// BenchmarkImportInOneTransaction imports files under the size past
// which an import is built in bulk, into a new store each time: the
// import of one write transaction. 25,000 psort records (15 MB), and
// 100,000 short Timesketch records (8.5 MB) not in time order; the
// records' ids are hashes, in no order either.
func BenchmarkImportInOneTransaction(b *testing.B) {
	short := func(w *bufio.Writer, i int) {
		// i times a prime, modulo another: each second once, shuffled.
		at := time.Date(2017, 8, 16, 10, 0, 0, 0, time.UTC).Add(time.Duration(i*7919%100_003) * time.Second)
		fmt.Fprintf(w, `{"message":"msg %d","datetime":%q,"timestamp_desc":"d"}`+"\n", i, at.Format("2006-01-02T15:04:05+00:00"))
	}
	for _, form := range []struct {
		name string
		n    int
		line func(*bufio.Writer, int)
	}{{"plaso-json_line", 25_000, plasoLine}, {"timesketch-short", 100_000, short}} {
		b.Run(form.name, func(b *testing.B) {
			dir := b.TempDir()
			file := filepath.Join(dir, "events.jsonl")
			b.SetBytes(writeLines(b, file, form.n, form.line))
			importEachLoop(b, file, filepath.Join(dir, "bench.db"))
		})
	}
}

// BenchmarkRestore restores a backup of 100,000 short Timesketch records
// (one journal entry, the import that brought them) into a new store
// each time.
func BenchmarkRestore(b *testing.B) {
	dir := b.TempDir()
	file, db, backup := filepath.Join(dir, "events.jsonl"), filepath.Join(dir, "from.db"), filepath.Join(dir, "backup.chrono")
	writeLines(b, file, 100_000, func(w *bufio.Writer, i int) {
		at := time.Date(2017, 8, 16, 10, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Second)
		fmt.Fprintf(w, `{"message":"msg %d","datetime":%q,"timestamp_desc":"d"}`+"\n", i, at.Format("2006-01-02T15:04:05+00:00"))
	})
	for _, args := range [][]string{{"--db", db, "import", file}, {"--db", db, "backup", "-o", backup}} {
		if code := run(args, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("%v exited %d", args, code)
		}
	}
	importEachLoop(b, backup, filepath.Join(dir, "to.db"))
}

// importEachLoop times, each loop of b, the import of file into a new
// store at db.
func importEachLoop(b *testing.B, file, db string) {
	for b.Loop() {
		b.StopTimer()
		os.Remove(db)
		b.StartTimer()
		if code := run([]string{"--db", db, "import", file}, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("import of %s exited %d", file, code)
		}
	}
}
