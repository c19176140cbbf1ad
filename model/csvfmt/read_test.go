package csvfmt

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"chrono/model"
)

func TestReadColumnsInAnyOrder(t *testing.T) {
	tl, losses, err := readFixture(t, "reordered.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Event{
		{
			ID: "miller-contacts-lieu", Date: model.MustParseDate("2021"), Status: model.Reported,
			Title:   "Miller takes his account to Rep. Ted Lieu",
			Summary: "Having had no answer from the FBI, Miller contacted Rep. Ted Lieu.",
			Actors:  []string{"Gary Miller", "Ted Lieu"}, Tags: []string{"congress", "whistleblower"},
		},
		{
			ID: "nso-denial", Date: model.MustParseDate("2021/2022-02-01"), Status: model.Reported,
			Title:  "NSO denies doing business with Mobileum",
			Actors: []string{"NSO Group"}, Tags: []string{"denial"},
		},
		// The blank row between them is skipped.
		{ID: "undated-tip", Title: "A tip not yet dated"},
	}
	if !reflect.DeepEqual(tl.Events, want) {
		t.Errorf("events:\n got %+v\nwant %+v", tl.Events, want)
	}
	// The unknown column is named as the header has it, and counted once
	// per cell that held something.
	if got := losses.Count(UnknownColumn("Reviewer")); got != 2 {
		t.Errorf("reviewer cells lost = %d, want 2 (losses: %s)", got, losses)
	}
	if got, want := losses.String(), `2 cells of unknown column "Reviewer" ignored`; got != want {
		t.Errorf("losses %q, want %q", got, want)
	}
}

func TestReadQuotedCells(t *testing.T) {
	tl, _, err := readFixture(t, "quoting.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 1 {
		t.Fatalf("read %d events, want 1", len(tl.Events))
	}
	e := tl.Events[0]
	if want := `NSO offers Mobileum "bags of cash", on a call`; e.Title != want {
		t.Errorf("title %q, want %q", e.Title, want)
	}
	if want := "First line, with a comma.\nSecond line: \"quoted\"."; e.Summary != want {
		t.Errorf("summary %q, want %q", e.Summary, want)
	}
	if want := []string{"NSO Group", "Smith; Jones LLP", `C:\temp`}; !slices.Equal(e.Actors, want) {
		t.Errorf("actors %q, want %q", e.Actors, want)
	}
	wantQuote := model.Quote{
		Text: "We drop bags of cash at your office", Speaker: "Omri Lavie, NSO co-founder (allegedly)",
		Source: "wapo", Context: "in Miller's account, to the DOJ", Stance: model.Asserts,
	}
	if !reflect.DeepEqual(e.Quotes, []model.Quote{wantQuote}) {
		t.Errorf("quotes %+v", e.Quotes)
	}
	wantSource := model.Source{
		ID: "wapo", Publisher: "The Washington Post", Title: "NSO offered 'bags of cash', whistleblower claims",
		Published: model.MustParseDate("2022-02-01"),
	}
	if !reflect.DeepEqual(tl.Sources, []model.Source{wantSource}) {
		t.Errorf("sources %+v", tl.Sources)
	}
}

func TestReadFormulaGuard(t *testing.T) {
	tl, _, err := readFixture(t, "formula.csv")
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ date, title, summary string }
	want := []row{
		// The guarding quote comes off; the date was never guarded.
		{"-0043-03-15", `=HYPERLINK("http://evil.example/","click")`, "+1 555 0100"},
		{"../2021", "-5% in a quarter", "'=begins with a quote"},
		// A quote that guards nothing is text.
		{"2021", "'not a guard", "it's text"},
	}
	var got []row
	for _, e := range tl.Events {
		got = append(got, row{e.Date.String(), e.Title, e.Summary})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if want := []string{"@acme", "Mobileum"}; !slices.Equal(tl.Events[0].Actors, want) {
		t.Errorf("actors %q, want %q", tl.Events[0].Actors, want)
	}
}

func TestReadRepeatedSource(t *testing.T) {
	tl, _, err := readFixture(t, "repeated-source.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Sources) != 1 || tl.Sources[0].ID != "wapo" || len(tl.Events) != 2 {
		t.Errorf("read sources %+v and %d events; want wapo once and 2 events", tl.Sources, len(tl.Events))
	}

	_, _, err = readFixture(t, "conflicting-source.csv")
	want := []string{`3: event "denial" (#2): sources_json: source "wapo" differs from the one on line 2 (publisher "Washington Post" here, "The Washington Post" there; published "2022-02-02" here, "2022-02-01" there): an id names one source, so make the rows agree or give this one another id`}
	if got := problems(err); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestReadBadDateWithItsLine(t *testing.T) {
	_, _, err := readFixture(t, "bad-date.csv")
	want := []string{
		// The first row spans lines 2 and 3, so the bad one starts on 4.
		`4: event "bad" (#2): date "2017-13": month 13 out of range`,
		// The date's own message says the EDTF to write, so the
		// spreadsheet's part does not give another.
		`5: event "spreadsheet" (#3): date "14/08/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14: a spreadsheet may have reformatted the date; format the date column as text`,
	}
	if got := problems(err); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	if got := model.InFile("tips.csv", err).Error(); !strings.HasPrefix(got, `tips.csv:4: event "bad" (#2): date "2017-13"`) {
		t.Errorf("in a file: %q", got)
	}
}

// TestReadReformattedDates: a date as a spreadsheet shows it says what
// to write, once.
func TestReadReformattedDates(t *testing.T) {
	for _, c := range []struct{ date, want string }{
		{"04/08/2017", `2: event "ev1" (#1): date "04/08/2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-04 (4 Aug 2017) if it is day first, 2017-04-08 (8 Apr 2017) if month first: a spreadsheet may have reformatted the date; format the date column as text`},
		{"8/14/17", `2: event "ev1" (#1): date "8/14/17": chrono reads dates as EDTF (ISO 8601), year first, with its four digits: write 2017-08-14 if it is 2017: a spreadsheet may have reformatted the date; format the date column as text`},
		{"14.08.2017", `2: event "ev1" (#1): date "14.08.2017": chrono reads dates as EDTF (ISO 8601), year first: write 2017-08-14: a spreadsheet may have reformatted the date; format the date column as text`},
	} {
		_, _, err := readAll(t, "id,date,title\nev1,"+c.date+",Call\n")
		if got := problems(err); !slices.Equal(got, []string{c.want}) {
			t.Errorf("%s: problems:\n got %q\nwant %q", c.date, got, []string{c.want})
		}
	}
}

// TestReadDateAsPeopleWriteIt: a date written for people, which chrono
// reads elsewhere, is refused in chrono CSV with the EDTF to write, not
// with what is wrong with it as EDTF.
func TestReadDateAsPeopleWriteIt(t *testing.T) {
	doc := "id,date,title\r\nev1,4 March 2019,Meeting\r\nev2,Aug 2017,Call\r\nev3,c. 2021,Denial\r\n"
	_, _, err := readAll(t, doc)
	want := []string{
		`2: event "ev1" (#1): date "4 March 2019": chrono CSV dates are EDTF: write it 2019-03-04`,
		`3: event "ev2" (#2): date "Aug 2017": chrono CSV dates are EDTF: write it 2017-08`,
		`4: event "ev3" (#3): date "c. 2021": chrono CSV dates are EDTF: write it 2021~`,
	}
	if got := problems(err); !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

// TestReadDateWithSpaces: a date cell typed after ", " reads as the date.
func TestReadDateWithSpaces(t *testing.T) {
	tl, _, err := readAll(t, "id,date,title\nev1, 2019-03-04, Meeting\nev2,\t2019-03 ,Call\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range tl.Events {
		got = append(got, e.Date.String()+" "+e.Title)
	}
	if want := []string{"2019-03-04  Meeting", "2019-03 Call"}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
}

// TestReadStatusAsSpreadsheetsWriteIt: a status a spreadsheet
// capitalised, or typed after ", ", is the status; another word is still
// a problem.
func TestReadStatusAsSpreadsheetsWriteIt(t *testing.T) {
	tl, _, err := readAll(t, "id,title,status\nev1,Meeting,Reported\nev2,Call, alleged \nev3,Denial,DENIED\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []model.Status
	for _, e := range tl.Events {
		got = append(got, e.Status)
	}
	if want := []model.Status{model.Reported, model.Alleged, model.Denied}; !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
	_, _, err = readAll(t, "id,title,status\nev1,Meeting,Rumoured\n")
	if want := []string{`2: event "ev1" (#1): status "Rumoured": not one of confirmed, reported, alleged, disputed, denied`}; !slices.Equal(problems(err), want) {
		t.Errorf("problems:\n got %q\nwant %q", problems(err), want)
	}
}

func TestReadMissingColumn(t *testing.T) {
	_, _, err := readFixture(t, "no-id.csv")
	want := `1: column "id" missing: chrono CSV needs at least id and title columns; its header is ` + HeaderRow
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 1 {
		t.Errorf("error %#v carries no line", err)
	}
}

func TestReadProblems(t *testing.T) {
	const head = "id,date,title,summary,status,actors,tags,quotes_json,sources_json\n"
	tests := []struct {
		name, doc string
		want      []string
	}{
		{
			"every problem of a row, and of the next",
			head + "x,2017-13,,,rumour,,#a,,\ny,2018,Y,,,,,,\n",
			[]string{
				`2: event "x" (#1): date "2017-13": month 13 out of range`,
				`2: event "x" (#1): title: missing`,
				`2: event "x" (#1): status "rumour": not one of confirmed, reported, alleged, disputed, denied`,
				`2: event "x" (#1): tag "#a": write it without the #`,
			},
		},
		{
			"unknown field in a quote",
			head + `x,,T,,,,,"[{""text"":""q""},{""text"":""r"",""spekaer"":""M""}]",` + "\n",
			[]string{`2: event "x" (#1): quotes_json: quote #2: unknown field "spekaer"`},
		},
		{
			"wrong type in a quote",
			head + `x,,T,,,,,"[{""text"":1}]",` + "\n",
			[]string{`2: event "x" (#1): quotes_json: quote #1: text: want a string, found a number`},
		},
		{
			"not an array",
			head + `x,,T,,,,,"{""text"":""q""}",` + "\n",
			[]string{`2: event "x" (#1): quotes_json: want an array of quote objects, found an object`},
		},
		{
			"duplicate key",
			head + `x,,T,,,,,"[{""text"":""q"",""text"":""r""}]",` + "\n",
			[]string{`2: event "x" (#1): quotes_json: a key appears twice in the same object`},
		},
		{
			"invalid JSON",
			head + `x,,T,,,,,"[{""text"":}]",` + "\n",
			[]string{`2: event "x" (#1): quotes_json: invalid JSON at byte 10 of the cell: invalid character '}' at start of value`},
		},
		{
			"bad source date",
			head + `x,,T,,,,,,"[{""id"":""wapo"",""published"":""2022-13""}]"` + "\n",
			[]string{`2: event "x" (#1): sources_json: source #1: published: date "2022-13": month 13 out of range`},
		},
		{
			"unknown source",
			head + `x,,T,,,,,"[{""text"":""q"",""source"":""ft""}]",` + "\n",
			[]string{`2: event "x" (#1): quote #1: source "ft": no such source`},
		},
		{
			"row of the wrong width",
			head + "x,2017,T\ny,2018,Y,,,,,,,\n",
			[]string{
				`2: event "x" (#1): the row has 3 cells and the header 9: a cell is missing, or a comma inside a cell is not quoted`,
				`3: event "y" (#2): the row has 10 cells and the header 9: a cell is missing, or a comma inside a cell is not quoted`,
			},
		},
		{
			"not UTF-8",
			head + "x,2017,caf\xe9,,,,,,\n",
			[]string{`2: event "x" (#1): title: not valid UTF-8: save the file as UTF-8 (in a spreadsheet, as CSV UTF-8)`},
		},
		{
			"missing title and a source no row declares, on their lines",
			head + "x,,T,,,,,,\ny,,,,,,,\"[{\"\"text\"\": \"\"q\"\", \"\"source\"\": \"\"nyt\"\"}]\",\n",
			[]string{`3: event "y" (#2): title: missing`, `3: event "y" (#2): quote #1: source "nyt": no such source`},
		},
		{
			"duplicate ids",
			head + "x,,T,,,,,,\nx,,U,,,,,,\n",
			[]string{`3: event "x" (#2): id "x": already used by event #1`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readAll(t, tt.doc)
			if got := problems(err); !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestReadFatal(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		{"empty", "", "the file is empty: chrono CSV begins with a header row, " + HeaderRow},
		{"no title column", "id,date\nx,2017\n", `1: column "title" missing`},
		{"column twice", "id,title,date,Title\n", `1: column "title" appears twice (columns 2 and 4): keep one`},
		{"semicolons", "id;date;title\nx;2017;T\n", "1: the header row is separated by semicolons: save the sheet as comma-separated CSV"},
		{"tabs", "id\tdate\ttitle\nx\t2017\tT\n", "1: the header row is separated by tabs: save the sheet as comma-separated CSV"},
		{"Excel's separator line", "sep=,\nid,date,title\na,2020,x\n", `1: its first line, "sep=,", is a hint only Excel reads: delete that line, and import the rest`},
		{"bare quote", "id,title\nx,say \"hi\"\n", `2: a " inside a cell that does not begin with one`},
		{"unclosed quote", "id,title\nx,\"open\ny,T\n", `3: a quoted cell of the row that starts on line 2 is not closed right`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readAll(t, tt.doc)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want it to begin %q", err, tt.want)
			}
		})
	}
}

func TestReadByteOrderMarkAndCase(t *testing.T) {
	tl, _, err := readAll(t, "\uFEFF\"ID\", Title ,DATE\nx,T,2017\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 1 || tl.Events[0].ID != "x" || tl.Events[0].Date.String() != "2017" {
		t.Errorf("events %+v", tl.Events)
	}
}

// A sink that does not collect problems stops the read at the first.
func TestReadStopsWithoutReporter(t *testing.T) {
	var c model.Collect
	err := Read(strings.NewReader("id,title,date\nx,T,2017-13\ny,U,2018\n"), &c, nil)
	var p model.Problem
	if !errors.As(err, &p) || p.Line != 2 {
		t.Fatalf("error %v, want the problem of line 2", err)
	}
	if len(c.Timeline.Events) != 0 {
		t.Errorf("went on past the problem: %+v", c.Timeline.Events)
	}
}

// Spreadsheet rows written on Windows end in CRLF, also inside a cell.
func TestReadCRLF(t *testing.T) {
	tl, _, err := readAll(t, "id,title,summary\r\nx,T,\"a\r\nb\"\r\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := tl.Events[0].Summary; got != "a\nb" {
		t.Errorf("summary %q", got)
	}
}

// TestReadCRLFInACell: a line break written CR LF inside a quoted cell
// is read as LF and counted, not dropped unseen.
func TestReadCRLFInACell(t *testing.T) {
	var c model.Collect
	var lost model.Losses
	if err := Read(strings.NewReader("id,title,summary\r\nx,T,\"one\r\ntwo\"\r\n"), &c, &lost); err != nil {
		t.Fatal(err)
	}
	if got := c.Timeline.Events[0].Summary; got != "one\ntwo" || lost.Count(model.CRLFRead) != 1 {
		t.Errorf("summary %q, losses %s", got, lost.String())
	}
}
