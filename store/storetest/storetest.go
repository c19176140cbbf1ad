// Package storetest is the conformance suite of model.Store: every way of
// keeping an investigation runs it, so that the browser and the CLI get
// the same answers from each. What a query selects is defined by
// model.Query.Matches, and the suite checks every answer (windows,
// counts, searches, periods, facets, positions) against it, on a fixture
// that meets every case of ordering and counting, before and after
// writes; and it checks that writes and imports are all or nothing, keep
// the investigator's tags and notes, and fail with model's errors; that
// each write and import is one journal entry, found by event, time and
// page; and that the trash keeps every view and count in step.
package storetest

import (
	"maps"
	"reflect"
	"slices"
	"testing"

	"chrono/model"
)

// Harness is what the suite needs of an implementation.
type Harness struct {
	// Open returns a new, empty store with an author, closed when the
	// test ends.
	Open func(t *testing.T) model.Store
	// Check, when set, checks what only the implementation sees, such as
	// its indexes and kept counts against its events; the suite calls it
	// wherever it checks the store's answers.
	Check func(t testing.TB, s model.Store)
	// Dump, when set, returns everything the store holds as it keeps it,
	// by name (a table and a key, say): the suite compares dumps to check
	// that a refused or undone write leaves nothing behind, down to what
	// the contract does not show.
	Dump func(t testing.TB, s model.Store) map[string]string
	// InJournal, when set, tells the keys of Dump that keep the journal
	// and its indexes: a write that is undone leaves its entry, and the
	// undo's, behind, and the rest as it was.
	InJournal func(key string) bool
	// Reopen, when set, closes s and opens the same investigation again
	// as another process would, with another author.
	Reopen func(t *testing.T, s model.Store, author string) model.Store
	// AlterEvent, when set, changes the first old in the stored value of
	// the event id, on the timeline, to new, as long, behind the store's
	// back (in its file, or through the database), and returns the store
	// to read it with after: s, or the investigation opened again.
	AlterEvent func(t *testing.T, s model.Store, id, old, new string) model.Store
}

// RunSearch runs the suite's tests of searching alone, for a store to
// run again in another of its ways of answering.
func RunSearch(t *testing.T, h Harness) {
	t.Run("SearchAgreesWithTheModel", func(t *testing.T) { testSearchAgreesWithTheModel(t, &suite{h}) })
	t.Run("CountFromAndFindInPieces", func(t *testing.T) { testCountFromAndFindInPieces(t, &suite{h}) })
}

// Run runs the conformance suite against stores h opens.
func Run(t *testing.T, h Harness) {
	for _, test := range []struct {
		name string
		fn   func(*testing.T, *suite)
	}{
		{"ViewsAgreeWithTheModel", testViewsAgreeWithTheModel},
		{"TimelineOrder", testTimelineOrder},
		{"OrderFollowsLinks", testOrderFollowsLinks},
		{"ContradictedChainsNameEveryDate", testContradictedChainsNameEveryDate},
		{"DeepTime", testDeepTime},
		{"DuringAsWritten", testDuringAsWritten},
		{"PeriodsAsShown", testPeriodsAsShown},
		{"LongTitles", testLongTitles},
		{"ActorsAsLongAsStoresKey", testActorsAsLongAsStoresKey},
		{"SearchAgreesWithTheModel", testSearchAgreesWithTheModel},
		{"EventsStops", testEventsStops},
		{"Window", testWindow},
		{"CountsFollowWrites", testCountsFollowWrites},
		{"CitedCountsFollowWrites", testCitedCountsFollowWrites},
		{"CountFromAndFindInPieces", testCountFromAndFindInPieces},
		{"Detail", testDetail},
		{"DetailInOneRead", testDetailInOneRead},
		{"Page", testPage},
		{"WindowOfAnySize", testWindowOfAnySize},
		{"RetagThenRestoreUndoesIt", testRetagThenRestoreUndoesIt},
		{"RetagThatChangesNothing", testRetagThatChangesNothing},
		{"RetagCanRemoveTheLastTag", testRetagCanRemoveTheLastTag},
		{"RetagRefusesBadTags", testRetagRefusesBadTags},
		{"WritesToAMissingEventChangeNothing", testWritesToAMissingEventChangeNothing},
		{"AddNote", testAddNote},
		{"EditNoteKeepsItsWriter", testEditNoteKeepsItsWriter},
		{"UndoKeepsOthersTags", testUndoKeepsOthersTags},
		{"RevertImportKeepsLaterFields", testRevertImportKeepsLaterFields},
		{"RestoreBringsBackCitedSources", testRestoreBringsBackCitedSources},
		{"ReimportKeepsLinksToTheTrash", testReimportKeepsLinksToTheTrash},
		{"RevertPastUndoneChanges", testRevertPastUndoneChanges},
		{"UndoActsOnTheLatestOnly", testUndoActsOnTheLatestOnly},
		{"EditsKeepToTheLimits", testEditsKeepToTheLimits},
		{"OldEventsOverALimitStayEditable", testOldEventsOverALimitStayEditable},
		{"ImportIsAllOrNothing", testImportIsAllOrNothing},
		{"ImportResolvesAgainstTheStore", testImportResolvesAgainstTheStore},
		{"ImportDryRunKeepsNothing", testImportDryRunKeepsNothing},
		{"ImportSaysWhereItIs", testImportSaysWhereItIs},
		{"ImportStoresWhatTheFileSays", testImportStoresWhatTheFileSays},
		{"ReimportIsIdempotent", testReimportIsIdempotent},
		{"ReimportKeepsTagsAndNotes", testReimportKeepsTagsAndNotes},
		{"ReimportMerges", testReimportMerges},
		{"ReimportKeepsEdits", testReimportKeepsEdits},
		{"ReplaceSaysWhatItUndid", testReplaceSaysWhatItUndid},
		{"ReplaceKeepsWhatARecordCannotCarry", testReplaceKeepsWhatARecordCannotCarry},
		{"ImportFillsTheHeaderOnce", testImportFillsTheHeaderOnce},
		{"ImportMergesSources", testImportMergesSources},
		{"ImportCitesEachURL", testImportCitesEachURL},
		{"ImportTakesSlideTextFields", testImportTakesSlideTextFields},
		{"ImportKeepsAStoredMadeID", testImportKeepsAStoredMadeID},
		{"Backup", testBackup},
		{"BackupKeepsLinksToTheTrash", testBackupKeepsLinksToTheTrash},
		{"WriteIsAllOrNothing", testWriteIsAllOrNothing},
		{"WriteRecordsOneEntry", testWriteRecordsOneEntry},
		{"JournalQueries", testJournalQueries},
		{"JournalHeadsOnly", testJournalHeadsOnly},
		{"HistoryHasLinksFromOthers", testHistoryHasLinksFromOthers},
		{"TrashRestorePurge", testTrashRestorePurge},
		{"PurgeRemovesLinksToIt", testPurgeRemovesLinksToIt},
		{"CopyLeavesOutLinksToTheTrash", testCopyLeavesOutLinksToTheTrash},
		{"ImportedLinkToTheTrash", testImportedLinkToTheTrash},
		{"DanglingLinksAreFound", testDanglingLinksAreFound},
		{"ImportRefusesTrashedIDs", testImportRefusesTrashedIDs},
		{"SourcesAndHeaderAreJournaled", testSourcesAndHeaderAreJournaled},
		{"EntrySaysWhatWasDone", testEntrySaysWhatWasDone},
		{"ImportIsOneEntry", testImportIsOneEntry},
		{"TwoStoresOnOneFile", testTwoStoresOnOneFile},
		{"EveryWriteExtendsTheChain", testEveryWriteExtendsTheChain},
		{"Snapshots", testSnapshots},
		{"AnySnapshot", testAnySnapshot},
		{"AllSnapshots", testAllSnapshots},
		{"Restore", testRestore},
		{"MediaAreKept", testMediaAreKept},
		{"DateTextPartsAreKept", testDateTextPartsAreKept},
		{"AlteredEventsAreNamed", testAlteredEventsAreNamed},
	} {
		t.Run(test.name, func(t *testing.T) { test.fn(t, &suite{h}) })
	}
}

// suite runs one test with the harness.
type suite struct{ h Harness }

// empty opens a new, empty store.
func (s *suite) empty(t *testing.T) model.Store {
	t.Helper()
	return s.h.Open(t)
}

// seeded opens a new store holding the fixture.
func (s *suite) seeded(t *testing.T) model.Store {
	t.Helper()
	st := s.h.Open(t)
	Seed(t, st)
	return st
}

// check runs the implementation's own checks, if any.
func (s *suite) check(t testing.TB, st model.Store) {
	t.Helper()
	if s.h.Check != nil {
		s.h.Check(t, st)
	}
}

// snapshot is everything a store says about an investigation, and what
// the implementation keeps when it can dump it.
type snapshot struct {
	Header  model.Header
	Sources []model.Source
	Events  []model.Event
	Count   int
	Periods []model.Period
	Facets  map[model.FacetKind][]model.Facet
	Dump    map[string]string
}

func (s *suite) snapshot(t testing.TB, st model.Store) snapshot {
	t.Helper()
	var snap snapshot
	var err error
	if snap.Header, err = st.Header(); err != nil {
		t.Fatal(err)
	}
	if snap.Sources, err = st.Sources(); err != nil {
		t.Fatal(err)
	}
	snap.Events = AllEvents(t, st)
	if snap.Count, err = st.Count(model.Query{}); err != nil {
		t.Fatal(err)
	}
	if snap.Periods, err = st.Periods(model.Query{}); err != nil {
		t.Fatal(err)
	}
	snap.Facets = map[model.FacetKind][]model.Facet{}
	for _, kind := range []model.FacetKind{model.FacetTags, model.FacetActors, model.FacetStatuses, model.FacetSources} {
		if snap.Facets[kind], err = st.Facets(kind); err != nil {
			t.Fatal(err)
		}
	}
	if s.h.Dump != nil {
		snap.Dump = s.h.Dump(t, st)
	}
	return snap
}

// assertUndone fails the test when the store differs from before but for
// its journal: after writes that were undone.
func (s *suite) assertUndone(t testing.TB, st model.Store, before snapshot) {
	t.Helper()
	after := s.snapshot(t, st)
	if s.h.InJournal != nil {
		before.Dump = maps.Clone(before.Dump)
		maps.DeleteFunc(before.Dump, func(k, _ string) bool { return s.h.InJournal(k) })
		maps.DeleteFunc(after.Dump, func(k, _ string) bool { return s.h.InJournal(k) })
	}
	s.compare(t, before, after)
}

// assertUnchanged fails the test when the store differs from before, its
// journal included.
func (s *suite) assertUnchanged(t testing.TB, st model.Store, before snapshot) {
	t.Helper()
	s.compare(t, before, s.snapshot(t, st))
}

func (s *suite) compare(t testing.TB, before, after snapshot) {
	t.Helper()
	if reflect.DeepEqual(before, after) {
		return
	}
	for _, k := range mergeKeys(before.Dump, after.Dump) {
		b, inB := before.Dump[k]
		a, inA := after.Dump[k]
		if b != a || inB != inA {
			t.Errorf("store changed: %q: before %q (present %v), after %q (present %v)", k, b, inB, a, inA)
		}
	}
	before.Dump, after.Dump = nil, nil
	if !reflect.DeepEqual(before, after) {
		t.Errorf("store changed:\nbefore %+v\nafter  %+v", before, after)
	}
}

func mergeKeys[V any](a, b map[string]V) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
