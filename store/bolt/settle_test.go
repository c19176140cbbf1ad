package bolt

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"chrono/model"
	"chrono/model/stored"
	"chrono/store/internal/extsort"
)

func TestPlaceSaysWhichLinkedEventItCannotRead(t *testing.T) {
	values, err := os.CreateTemp(t.TempDir(), "values")
	if err != nil {
		t.Fatal(err)
	}
	defer values.Close()
	st := &settling{index: map[string]int32{}, counts: map[string]int{}, values: values}
	linked := func(id string, v []byte) int32 {
		i := st.placeOf([]byte(id))
		key := model.OrderKey(&model.Event{ID: id})
		st.linked[i] = linkedEvent{read: true, keyAt: int64(len(st.keys)), keyTo: int64(len(st.keys) + len(key)), at: st.size, n: int64(len(v))}
		st.keys = append(st.keys, key...)
		if _, err := values.Write(v); err != nil {
			t.Fatal(err)
		}
		st.size += int64(len(v))
		return i
	}
	// Groups before and after the unreadable one: placing stops at it,
	// whichever goroutine is where.
	for n := range 40 {
		first := fmt.Sprintf("e-%d", n)
		if n == 20 {
			first = "unreadable"
		}
		a := linked(first, stored.Encode(nil, &model.Event{ID: first, Title: "First"}))
		if n == 20 {
			st.linked[a].n = 3 // a value cut short
		}
		b := linked(first+"-then", stored.Encode(nil, &model.Event{ID: first + "-then", Title: "Then", Links: []model.Link{{Rel: model.Follows, Event: first}}}))
		st.pairs = append(st.pairs, [2]int32{a, b})
	}
	sorter := extsort.New(t.TempDir(), 1<<20)
	defer sorter.Remove()
	if err := st.place(sorter); err == nil || !strings.Contains(err.Error(), `event "unreadable"`) {
		t.Errorf("place: %v, want the unreadable event named", err)
	}
}
