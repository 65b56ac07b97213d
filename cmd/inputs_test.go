package cmd

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzLineReader checks that lines come back as written, that sizes add
// up to the input, and that no line longer than the limit is held.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("{\"id\": \"a\"}\n{\"id\": \"b\"}\n"), int64(5))
	f.Add([]byte("no newline at the end"), int64(0))
	f.Add(bytes.Repeat([]byte("x"), 70000), int64(65536))
	f.Fuzz(func(t *testing.T, input []byte, max int64) {
		if max < 0 {
			max = -max
		}
		lr := lineReader{br: bufio.NewReaderSize(bytes.NewReader(input), 16), max: max}
		var total int64
		var rebuilt []byte
		for range len(input) + 1 {
			line, size, err := lr.next()
			total += size
			switch {
			case max > 0 && int64(len(line)) > max:
				t.Fatalf("held a line of %d bytes over the limit %d", len(line), max)
			case line == nil:
				rebuilt = append(rebuilt, input[len(rebuilt):len(rebuilt)+int(size)]...)
			case int64(len(line)) != size:
				t.Fatalf("line of %d bytes, size %d", len(line), size)
			default:
				rebuilt = append(rebuilt, line...)
			}
			if !bytes.Equal(rebuilt, input[:len(rebuilt)]) {
				t.Fatalf("lines do not rebuild the input")
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if total != int64(len(input)) {
			t.Fatalf("sizes add up to %d, want %d", total, len(input))
		}
	})
}
