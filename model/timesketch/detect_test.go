package timesketch

import (
	"os"
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	native, err := os.ReadFile("../../timeline.example.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, head string
		want       bool
	}{
		{"jsonl", `{"message":"m","datetime":"2017","timestamp_desc":"d"}` + "\n{", true},
		{"jsonl with timestamp only", `{"timestamp":1,"message":"m"}`, true},
		{"jsonl cut in the first object", `{"message":"m","datetime":"2017-`, true},
		{"jsonl cut before datetime", `{"message":"m","dat`, false},
		{"jsonl without message", `{"datetime":"2017","timestamp_desc":"d"}`, false},
		{"message only in a nested object", `{"x":{"message":"m","datetime":"d"}}`, false},
		{"message on a later line", "{\"x\":1}\n{\"message\":\"m\",\"datetime\":\"d\"}", false},
		{"chrono document", string(native), false},
		{"csv", "message,datetime,timestamp_desc\nm,2017,d\n", true},
		{"csv, columns in any order, timestamp for datetime", "\uFEFFtag,timestamp_desc,timestamp,message\r\n", true},
		{"csv cut in the first row", "timestamp_desc,datetime,message,extra\nm,2017,d,\"cut", true},
		{"csv without timestamp_desc", "message,datetime\n", false},
		{"csv with quoted header", "\"message\",\"datetime\",\"timestamp_desc\"\n", true},
		{"other csv", "id,date,title\n", false},
		{"empty", " \n", false},
		{"binary", "\x00\x01\x02", false},
		{"jsonl not UTF-8 before datetime", "{\"message\":\"caf\xe9\",\"datetime\":\"2017\"}\n", true},
		{"jsonl broken first line", "{\"message\":}\n{\"message\":\"m\",\"datetime\":\"d\"}\n", true},
		{"pretty-printed json", "{\n  \"message\": \"m\",\n  \"datetime\": \"d\"\n}\n", false},
		{"jsonl first line longer than the head", (`{"message":"` + strings.Repeat("x", 64<<10))[:64<<10], true},
		{"other json first line longer than the head", (`{"tag":"` + strings.Repeat("x", 64<<10))[:64<<10], false},
		{"jsonl cut in the message, short", `{"message":"m`, false},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.head)); got != tt.want {
			t.Errorf("%s: Detect = %v, want %v", tt.name, got, tt.want)
		}
	}
	// A head of 64 KiB cut mid-record, as the caller gives it.
	long := "message,datetime,timestamp_desc\n" + strings.Repeat("m,2017,\"d\nd\"\n", 8000)
	if !Detect([]byte(long[:64<<10])) {
		t.Errorf("Detect fails on a head cut at 64 KiB")
	}
}
