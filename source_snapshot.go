package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"chrono/model"
	"chrono/model/readable"
	"chrono/model/termtext"

	"github.com/spf13/cobra"
)

// snapshotLimits are the limits an attach reads with; tests lower them.
var snapshotLimits = readable.DefaultLimits

// newSourceAttachCmd is chrono source attach SOURCE-ID FILE.
func newSourceAttachCmd(c *cli) *cobra.Command {
	var url, taken, mediaType string
	cmd := &cobra.Command{
		Use:   "attach SOURCE-ID FILE",
		Short: "Keep a snapshot of a source's content (text, Markdown, HTML, PDF; - reads stdin)",
		Args:  exactArgs(2, "the source's ID and a FILE (or - for stdin)"),
	}
	cmd.Flags().StringVar(&url, "url", "", "where the content came from (recorded as the snapshot's origin)")
	cmd.Flags().StringVar(&taken, "taken", "", "when it was taken (RFC 3339 or YYYY-MM-DD; default: now)")
	cmd.Flags().StringVar(&mediaType, "type", "", "its media type: text/plain, text/markdown, text/html or application/pdf (default: from its name and bytes)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		id, name := args[0], args[1]
		var at time.Time
		if taken != "" {
			var err error
			if at, err = readTaken(taken, time.Now()); err != nil {
				return err
			}
		}
		var in io.Reader = c.stdin
		origin := "stdin"
		if name != "-" {
			f, err := openInputFile(name)
			if err != nil {
				return err
			}
			defer f.Close()
			if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() && fi.Mode()&os.ModeNamedPipe == 0 {
				return fmt.Errorf("%s is not a file (a device, a socket): save what it holds to a file, or pipe it to chrono source attach %s -", termtext.Line(name), id)
			}
			in, origin = f, filepath.Base(name)
		}
		if url != "" {
			origin = url
		}
		shown := name
		if name == "-" {
			shown = "stdin"
		}
		content, err := readable.Open(shown, mediaType, in, snapshotLimits)
		if err != nil {
			return err
		}
		snap := model.Snapshot{Source: id, MediaType: content.MediaType, Taken: at.UTC(), Origin: origin}
		e, err := c.write(model.OpSnapshot, "kept a snapshot of source "+id, func(tx model.Tx) error {
			if snap.Taken.IsZero() {
				snap.Taken = tx.Now()
			}
			return tx.PutSnapshot(&snap, content.Original, content.Text)
		})
		if err != nil {
			return err
		}
		// Wrapped, so that the hash is read and copied whole.
		fmt.Fprintln(c.stdout, wrapped(fmt.Sprintf("%s: snapshot %d, %s, %s, sha256 %s", entryLine(e), snap.N, snap.MediaType, sizes(snap), snap.SHA256), c.outWidth))
		return nil
	}
	return cmd
}

// readTaken reads --taken: an RFC 3339 time, or a day (taken at midnight
// UTC), not after now (a day's grace for the zones: today is today
// somewhere): a snapshot dated in the future would pass for the latest.
func readTaken(s string, now time.Time) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		if t, err = time.Parse(time.DateOnly, s); err != nil {
			return time.Time{}, usagef("--taken %q: give a time as 2026-05-01T09:30:00Z, or a day as 2026-05-01", s)
		}
	}
	if t.After(now.Add(24 * time.Hour)) {
		return time.Time{}, usagef("--taken %q: that is still to come; give when the snapshot was taken, by now", s)
	}
	return t, nil
}

// sizes says a snapshot's sizes: "12345 bytes" or "12345 bytes, text 3210".
func sizes(s model.Snapshot) string {
	if s.TextSize == s.Size && s.MediaType != model.MediaHTML && s.MediaType != model.MediaPDF {
		return fmt.Sprintf("%d bytes", s.Size)
	}
	return fmt.Sprintf("%d bytes, text %d", s.Size, s.TextSize)
}

// newSourceShowCmd is chrono source show SOURCE-ID.
func newSourceShowCmd(c *cli) *cobra.Command {
	return takesIDs(&cobra.Command{
		Use:   "show SOURCE-ID",
		Short: "Show a source and its snapshots",
		Args:  exactArgs(1, "the source's ID (chrono source list)"),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.withStore(true, func(s model.Store) error {
				src, err := findSource(s, args[0])
				if err != nil {
					return err
				}
				snaps, err := s.Snapshots(src.ID)
				if err != nil {
					return err
				}
				w := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
				field := func(name, v string) {
					if v != "" {
						fmt.Fprintf(w, "%s\t%s\n", name, termtext.Line(v))
					}
				}
				field("id", src.ID)
				field("publisher", src.Publisher)
				field("author", src.Author)
				field("title", src.Title)
				if !src.Published.IsZero() {
					field("published", src.Published.Label())
				}
				field("url", src.URL)
				field("archive", src.Archive)
				if err := w.Flush(); err != nil {
					return err
				}
				if len(snaps) == 0 {
					fmt.Fprintln(c.stdout, "no snapshots (chrono source attach "+src.ID+" FILE keeps one)")
					return nil
				}
				fmt.Fprintln(c.stdout, "\nsnapshots")
				w = tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
				for _, sn := range snaps {
					fmt.Fprintf(w, "  %d\t%s\t%s\t%s\t%s\t%s\n", sn.N, sn.Taken.UTC().Format(time.RFC3339), sn.MediaType, sizes(sn), sn.SHA256, termtext.Line(sn.Origin))
				}
				return w.Flush()
			})
		},
	}, "the source's ID (chrono source list)")
}

// findSource returns the source with an id, or says the id meant.
func findSource(s model.Reader, id string) (model.Source, error) {
	sources, err := s.Sources()
	if err != nil {
		return model.Source{}, err
	}
	for _, src := range sources {
		if src.ID == id {
			return src, nil
		}
	}
	return model.Source{}, explain(s, &model.Missing{Kind: model.MissingSource, ID: id})
}

// newSourceTextCmd is chrono source text SOURCE-ID [--snapshot N].
func newSourceTextCmd(c *cli) *cobra.Command {
	var n int
	var original bool
	cmd := &cobra.Command{
		Use:   "text SOURCE-ID [--snapshot N]",
		Short: "Print a snapshot's text (the latest unless --snapshot)",
		Args:  exactArgs(1, "the source's ID (chrono source list)"),
	}
	cmd.Flags().IntVar(&n, "snapshot", 0, "which snapshot (chrono source show lists them; default: the latest)")
	cmd.Flags().BoolVar(&original, "original", false, "print the original bytes as attached, not the text (never to a terminal)")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		id := args[0]
		if cmd.Flags().Changed("snapshot") && n < 1 {
			return usagef("--snapshot %d: snapshots are numbered from 1 (chrono source show %s lists them)", n, id)
		}
		return c.withStore(true, func(s model.Store) error {
			snaps, err := s.Snapshots(id)
			if err != nil {
				return err
			}
			if n == 0 {
				if len(snaps) == 0 {
					if _, err := findSource(s, id); err != nil {
						return err
					}
					return fmt.Errorf("source %q has no snapshots; chrono source attach %s FILE keeps one", id, id)
				}
				n = snaps[len(snaps)-1].N
			}
			open, what := s.SnapshotText, "its text, as printed, has"
			if original {
				if c.stdoutIsTerminal() {
					return usagef("--original prints the bytes as attached; send them to a file (> FILE), not the terminal")
				}
				open, what = s.SnapshotOriginal, "its original bytes, as printed, have"
			}
			r, err := open(id, n)
			if err != nil {
				return err
			}
			defer r.Close()
			// What is printed is hashed as it goes, and held against the
			// hash kept with it: bytes altered outside chrono are said,
			// not printed as if they were the snapshot.
			h := sha256.New()
			in := io.TeeReader(r, h)
			if original || !c.stdoutIsTerminal() {
				_, err = io.Copy(c.stdout, in)
			} else {
				err = copySanitised(c.stdout, in)
			}
			if err != nil {
				return err
			}
			i := slices.IndexFunc(snaps, func(sn model.Snapshot) bool { return sn.N == n })
			if i < 0 {
				return nil
			}
			kept := snaps[i].TextSHA256
			if original {
				kept = snaps[i].SHA256
			}
			if got := hex.EncodeToString(h.Sum(nil)); kept != "" && got != kept {
				return fmt.Errorf("source %q, snapshot %d: %s SHA-256 %s, not the %s kept with it: altered outside chrono since it was kept, and what was printed is not the snapshot (chrono verify names it)", id, n, what, got, kept)
			}
			return nil
		})
	}
	return takesIDs(cmd, "the source's ID (chrono source list)")
}

// copySanitised copies text to a terminal a piece at a time, each piece
// cut at a character's end and made safe by termtext.
func copySanitised(w io.Writer, r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	buf := make([]byte, 64<<10)
	var carry []byte
	for {
		n, err := br.Read(buf[len(carry):])
		copy(buf, carry)
		piece := buf[:len(carry)+n]
		end := len(piece)
		if err == nil {
			for i := len(piece) - 1; i >= 0 && i >= len(piece)-utf8.UTFMax; i-- {
				if utf8.RuneStart(piece[i]) {
					if !utf8.FullRune(piece[i:]) {
						end = i
					}
					break
				}
			}
		}
		if _, werr := io.WriteString(w, termtext.Text(string(piece[:end]))); werr != nil {
			return werr
		}
		carry = append(carry[:0], piece[end:]...)
		if err == io.EOF {
			if !strings.HasSuffix(string(piece[:end]), "\n") {
				fmt.Fprintln(w)
			}
			return nil
		}
		if err != nil {
			return err
		}
	}
}
